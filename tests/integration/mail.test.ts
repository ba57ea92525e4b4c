/** Directus's mailer reaches the local SMTP sink over real SMTP (the base for lead and onboarding mails). */
import { expect, test } from 'vitest';
import { as } from '../support/http.ts';
import { clearMails, waitForMail } from '../support/mail.ts';

test('a password reset mail is delivered through the SMTP sink', async () => {
  await clearMails();
  const res = await as(null).post('/auth/password/request', { email: 'owner.schneider@example.com' });
  expect(res.status, res.text).toBe(204);
  const mail = await waitForMail((m) => m.to.includes('owner.schneider@example.com'));
  expect(mail.text).toMatch(/Passwort|password/i);
});

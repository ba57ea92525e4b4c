import { expect, test } from 'vitest';
import { handoffMail, leadMail } from './lead-mail.ts';

test('the lead mail carries everything to call back, and the admin link', () => {
  const mail = leadMail(
    'Autohaus Beispiel',
    { name: 'Eva Schulz', phone: '+49 89 1', email: null, car: 'VW Golf', wish: 'HU' },
    'http://x/admin/content/leads/1',
  );
  expect(mail.subject).toBe('Neuer Lead: Eva Schulz (VW Golf)');
  expect(mail.text).toContain('Telefon: +49 89 1');
  expect(mail.text).not.toContain('E-Mail:');
  expect(mail.text).toContain('http://x/admin/content/leads/1');
});

test('the handoff mail quotes the last question', () => {
  expect(handoffMail('W', 'Geht Dienstag?', 'u').text).toContain('„Geht Dienstag?“');
});

test('a corrected lead says so in subject and text', () => {
  const mail = leadMail('W', { name: 'Eva', phone: '+49 89 2', email: null, car: null, wish: null }, 'u', true);
  expect(mail.subject).toBe('Lead aktualisiert: Eva');
  expect(mail.text).toContain('korrigiert');
  expect(mail.text).toContain('Telefon: +49 89 2');
});

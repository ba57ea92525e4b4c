import { expect, test } from 'vitest';
import { paymentFailedMail, trialEndingMail } from '../billing/mails.ts';
import { verificationMail } from '../onboarding/mails.ts';
import { compose } from './compose.ts';

test('text and html carry the same content; html is escaped', () => {
  const mail = compose('Betreff', ['Hallo <Anna> & Co.', { link: 'https://x.example/?a=1&b=2', label: 'Öffnen' }]);
  expect(mail.text).toBe('Hallo <Anna> & Co.\n\nÖffnen:\nhttps://x.example/?a=1&b=2\n');
  expect(mail.html).toContain('Hallo &lt;Anna&gt; &amp; Co.');
  expect(mail.html).toContain('href="https://x.example/?a=1&amp;b=2"');
  expect(mail.html).toContain('lang="de"');
});

test.each([
  [
    paymentFailedMail({
      tenantName: 'Autohaus Müller',
      amountCents: 11_781,
      currency: 'eur',
      graceEndsAt: new Date('2026-12-01T10:00:00Z'),
      billingUrl: 'https://admin.example/admin/carbot-billing',
    }),
    ['Zahlung fehlgeschlagen', '117,81', '1. Dezember 2026', 'Daten bleiben', 'carbot-billing'],
  ],
  [
    trialEndingMail({
      tenantName: 'Autohaus Müller',
      trialEndsAt: new Date('2026-12-05T00:00:00Z'),
      hasSubscription: false,
      billingUrl: 'https://admin.example/admin/carbot-billing',
    }),
    ['Testphase endet am 5. Dezember 2026', 'Wählen Sie bis dahin einen Tarif'],
  ],
  [
    verificationMail({
      firstName: 'Anna',
      workshopName: 'Kfz Müller',
      link: 'https://x/verify?t=1',
      validHours: 48,
      trialDays: 14,
    }),
    ['Guten Tag Anna', 'Kfz Müller', 'https://x/verify?t=1', '48 Stunden'],
  ],
])('mail %#', (mail, parts) => {
  for (const part of parts) expect(`${mail.subject}\n${mail.text}`.replace(/\u00a0/g, ' ')).toContain(part);
});

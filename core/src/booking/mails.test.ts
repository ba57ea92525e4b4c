import { describe, expect, test } from 'vitest';
import { LANGUAGES } from '../chat/language.ts';
import { appointmentMail, formatWhen, type MailKind, staffNotice } from './mails.ts';

const DATA = {
  workshop: { name: 'Autohaus Beispiel', phone: '+49 89 99998-100', address: 'Musterstraße 1, 80331 München' },
  service: 'Inspektion',
  // 08:00 local on the Monday after the spring change, 08:00 local on the Monday after the autumn change.
  start: new Date('2027-03-29T06:00:00Z'),
  end: new Date('2027-03-29T07:30:00Z'),
  name: 'Erika Muster',
  manageUrl: 'https://autohaus-beispiel.example/termin?id=1&t=x',
  manageUntil: new Date('2027-03-28T06:00:00Z'),
};
const KINDS: MailKind[] = ['received', 'confirmed', 'declined', 'cancelled', 'reminder'];

describe('appointment mails', () => {
  test.each([
    ['2027-03-29T06:00:00Z', 'de', 'Montag, 29. März 2027 um 08:00'],
    ['2027-03-26T07:00:00Z', 'de', 'Freitag, 26. März 2027 um 08:00'],
    ['2027-11-01T07:00:00Z', 'en', 'Monday, 1 November 2027 at 08:00'],
    ['2027-10-29T06:00:00Z', 'tr', '29 Ekim 2027 Cuma 08:00'],
    ['2027-10-29T06:00:00Z', 'pl', 'piątek, 29 października 2027 08:00'],
  ] as const)('%s in %s reads %s (Berlin wall time)', (at, language, text) => {
    expect(formatWhen(new Date(at), language)).toBe(text);
  });

  test.each(LANGUAGES.flatMap((l) => KINDS.map((k) => [l, k] as const)))('%s %s mail', (language, kind) => {
    const mail = appointmentMail(kind, language, DATA);
    expect(mail.subject).toContain('Autohaus Beispiel');
    expect(mail.text).toContain('Erika Muster');
    expect(mail.text).toContain('08:00');
    expect(mail.text).toContain('09:30');
    expect(mail.text).toContain('Inspektion');
    // Declined and cancelled appointments have nothing left to change.
    expect(mail.text.includes(DATA.manageUrl)).toBe(kind !== 'declined' && kind !== 'cancelled');
  });

  test('no link once the cut-off has passed', () => {
    expect(appointmentMail('reminder', 'de', { ...DATA, manageUrl: null }).text).not.toContain('absagen');
  });

  test('the workshop is told whether to confirm', () => {
    const base = {
      workshop: 'Autohaus Beispiel',
      service: 'Inspektion',
      start: DATA.start,
      end: DATA.end,
      customer: { name: 'Erika Muster', phone: '0171 1234567', email: null },
      car: 'VW Golf',
      note: null,
      adminUrl: 'https://admin.example/admin/content/appointments/1',
      language: 'de' as const,
    };
    const request = staffNotice({ ...base, status: 'requested' });
    expect(request.subject).toBe('Terminanfrage: Erika Muster, Montag, 29. März 2027 um 08:00');
    expect(request.text).toContain('bitte bestätigen oder ablehnen');
    expect(request.text).toContain('0171 1234567');
    expect(request.text).not.toContain('E-Mail:');
    expect(staffNotice({ ...base, status: 'confirmed' }).text).toContain('automatisch bestätigt');
    expect(request.text).not.toContain('Sprache');
  });

  test.each([
    ['en', 'Sprache des Kunden: Englisch'],
    ['tr', 'Sprache des Kunden: Türkisch'],
    ['pl', 'Sprache des Kunden: Polnisch'],
  ] as const)('a booking in %s tells the workshop which language to call back in', (language, line) => {
    const notice = staffNotice({
      workshop: 'Autohaus Beispiel',
      service: 'Ölwechsel',
      language,
      start: DATA.start,
      end: DATA.end,
      status: 'requested',
      customer: { name: 'Ayşe Yılmaz', phone: null, email: 'a@example.com' },
      car: null,
      note: null,
      adminUrl: 'https://admin.example/admin/content/appointments/1',
    });
    expect(notice.text).toContain(line);
    expect(notice.text).toContain('Leistung: Ölwechsel');
  });
});

import { describe, expect, test } from 'vitest';
import { validateBooking } from './input.ts';

const OK = {
  service: '6F1C1A52-4A3E-4A77-9D55-0C8C0B8B8A01',
  start: '2027-03-29T08:00:00+02:00',
  name: '  Erika   Muster ',
  phone: '0171 1234567',
  email: '',
  car: 'VW Golf 7',
  licence_plate: 'm-ab 1234',
  note: 'Bitte Reifen prüfen',
  consent: { given: true, version: 'v1' },
};

describe('booking input', () => {
  test('a good request, cleaned', () => {
    const result = validateBooking(OK, 'v1', 'de');
    expect(result).toEqual({
      ok: true,
      booking: {
        service: '6f1c1a52-4a3e-4a77-9d55-0c8c0b8b8a01',
        start: new Date('2027-03-29T06:00:00Z'),
        contact: {
          name: 'Erika Muster',
          phone: '0171 1234567',
          email: null,
          car: 'VW Golf 7',
          wish: 'Bitte Reifen prüfen',
        },
        plate: 'M-AB 1234',
      },
    });
  });

  test.each([
    [{ service: 'abc' }, 'service', 'Bitte wählen Sie eine Leistung.'],
    [{ service: 42 }, 'service', 'Bitte wählen Sie eine Leistung.'],
    [{ start: '2027-03-29 08:00' }, 'start', 'Bitte wählen Sie einen Termin.'],
    [{ start: '2027-02-30T08:00:00+01:00' }, 'start', 'Bitte wählen Sie einen Termin.'],
    [{ name: 'E' }, 'name', 'Bitte geben Sie Ihren Namen an (2–100 Zeichen).'],
    [{ phone: '', email: '' }, 'contact', 'Bitte geben Sie eine Telefonnummer oder E-Mail-Adresse an.'],
    [{ email: 'kein@adresse' }, 'email', 'Diese E-Mail-Adresse sieht nicht gültig aus.'],
    [{ licence_plate: 'M-AB 1234 <script>' }, 'licence_plate', 'Dieses Kennzeichen sieht nicht gültig aus.'],
    [{ note: 'x'.repeat(2001) }, 'note', 'Ihr Anliegen ist zu lang (max. 2000 Zeichen).'],
    [
      { consent: { given: true, version: 'old' } },
      'consent',
      'Bitte stimmen Sie der Verarbeitung Ihrer Angaben für den Termin zu.',
    ],
    [{ consent: 'yes' }, 'consent', 'Bitte stimmen Sie der Verarbeitung Ihrer Angaben für den Termin zu.'],
  ])('%j is refused on %s', (change, field, message) => {
    const result = validateBooking({ ...OK, ...change }, 'v1', 'de');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[field]).toBe(message);
  });

  test.each([
    ['en', 'Please choose a service.'],
    ['tr', 'Lütfen bir hizmet seçin.'],
    ['pl', 'Proszę wybrać usługę.'],
  ] as const)('messages in %s', (language, message) => {
    const result = validateBooking({ ...OK, service: null }, 'v1', language);
    expect(result.ok ? null : result.errors.service).toBe(message);
  });
});

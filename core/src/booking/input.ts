/**
 * What a visitor sends to book: the contact part is the lead form's rule (one rule for names, phones and
 * addresses everywhere), plus service, start, licence plate and consent. Messages are in the visitor's
 * language; the API's default is German.
 */
import { z } from 'zod';
import type { Language } from '../chat/language.ts';
import { type LeadInput, validateLead } from '../chat/lead.ts';
import { oneLineText } from '../text/input.ts';
import { parseInstant } from './time.ts';

export type BookingInput = {
  service: string;
  start: Date;
  contact: LeadInput;
  plate: string | null;
};
export type BookingErrors = Record<string, string>;

const MESSAGES: Record<Language, Record<'service' | 'start' | 'plate' | 'consent', string>> = {
  de: {
    service: 'Bitte wählen Sie eine Leistung.',
    start: 'Bitte wählen Sie einen Termin.',
    plate: 'Dieses Kennzeichen sieht nicht gültig aus.',
    consent: 'Bitte stimmen Sie der Verarbeitung Ihrer Angaben für den Termin zu.',
  },
  en: {
    service: 'Please choose a service.',
    start: 'Please choose a time.',
    plate: 'This licence plate does not look valid.',
    consent: 'Please agree to the processing of your details for the appointment.',
  },
  tr: {
    service: 'Lütfen bir hizmet seçin.',
    start: 'Lütfen bir zaman seçin.',
    plate: 'Bu plaka geçerli görünmüyor.',
    consent: 'Lütfen randevu için bilgilerinizin işlenmesine onay verin.',
  },
  pl: {
    service: 'Proszę wybrać usługę.',
    start: 'Proszę wybrać termin.',
    plate: 'Ten numer rejestracyjny wygląda na nieprawidłowy.',
    consent: 'Proszę wyrazić zgodę na przetwarzanie danych w celu umówienia terminu.',
  },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// German plates (M-AB 1234, M AB 1234E) and foreign ones: letters, digits, spaces and hyphens.
const PLATE = /^[\p{L}0-9][\p{L}0-9 -]{1,13}$/u;
const optionalLine = oneLineText.catch('').transform((v) => (v === '' ? null : v));

/**
 * Validates a booking request. `consentVersion` is the policy version the server currently shows; a
 * consent for another version is no consent.
 */
export function validateBooking(
  raw: Record<string, unknown>,
  consentVersion: string,
  language: Language,
): { ok: true; booking: BookingInput } | { ok: false; errors: BookingErrors } {
  const m = MESSAGES[language];
  const consent = raw.consent as { given?: unknown; version?: unknown } | undefined;
  const consentGiven = consent?.given === true && consent.version === consentVersion;
  const contact = validateLead(
    { name: raw.name, phone: raw.phone, email: raw.email, car: raw.car, wish: raw.note },
    true,
    language,
  );
  const errors: BookingErrors = contact.ok ? {} : { ...contact.errors };
  if ('wish' in errors) {
    errors.note = errors.wish as string;
    delete errors.wish;
  }
  const service = typeof raw.service === 'string' && UUID.test(raw.service) ? raw.service.toLowerCase() : null;
  if (!service) errors.service = m.service;
  const start = parseInstant(raw.start);
  if (!start) errors.start = m.start;
  const plate = optionalLine.parse(raw.licence_plate);
  if (plate !== null && !z.string().regex(PLATE).safeParse(plate).success) errors.licence_plate = m.plate;
  if (!consentGiven) errors.consent = m.consent;
  if (Object.keys(errors).length > 0 || !contact.ok || !service || !start) return { ok: false, errors };
  return { ok: true, booking: { service, start, contact: contact.lead, plate: plate?.toUpperCase() ?? null } };
}

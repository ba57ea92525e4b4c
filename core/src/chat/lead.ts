import type { Language } from './language.ts';

export type LeadInput = {
  name: string;
  phone: string | null;
  email: string | null;
  car: string | null;
  wish: string | null;
};
export type LeadErrors = Partial<Record<keyof LeadInput | 'contact' | 'consent', string>>;

const MESSAGES: Record<Language, Record<string, string>> = {
  de: {
    name: 'Bitte geben Sie Ihren Namen an (2–100 Zeichen).',
    phone: 'Diese Telefonnummer sieht nicht gültig aus.',
    email: 'Diese E-Mail-Adresse sieht nicht gültig aus.',
    contact: 'Bitte geben Sie eine Telefonnummer oder E-Mail-Adresse an.',
    car: 'Die Angabe zum Fahrzeug ist zu lang (max. 200 Zeichen).',
    wish: 'Ihr Anliegen ist zu lang (max. 2000 Zeichen).',
    consent: 'Bitte stimmen Sie der Kontaktaufnahme zu, damit wir uns melden dürfen.',
  },
  en: {
    name: 'Please enter your name (2–100 characters).',
    phone: 'This phone number does not look valid.',
    email: 'This e-mail address does not look valid.',
    contact: 'Please enter a phone number or an e-mail address.',
    car: 'The vehicle description is too long (max. 200 characters).',
    wish: 'Your request is too long (max. 2000 characters).',
    consent: 'Please agree to being contacted so that we may get back to you.',
  },
  tr: {
    name: 'Lütfen adınızı girin (2–100 karakter).',
    phone: 'Bu telefon numarası geçerli görünmüyor.',
    email: 'Bu e-posta adresi geçerli görünmüyor.',
    contact: 'Lütfen bir telefon numarası veya e-posta adresi girin.',
    car: 'Araç bilgisi çok uzun (en fazla 200 karakter).',
    wish: 'Talebiniz çok uzun (en fazla 2000 karakter).',
    consent: 'Size geri dönebilmemiz için lütfen iletişime onay verin.',
  },
  pl: {
    name: 'Proszę podać imię i nazwisko (2–100 znaków).',
    phone: 'Ten numer telefonu wygląda na nieprawidłowy.',
    email: 'Ten adres e-mail wygląda na nieprawidłowy.',
    contact: 'Proszę podać numer telefonu lub adres e-mail.',
    car: 'Opis pojazdu jest za długi (maks. 200 znaków).',
    wish: 'Zapytanie jest za długie (maks. 2000 znaków).',
    consent: 'Proszę wyrazić zgodę na kontakt, abyśmy mogli odpowiedzieć.',
  },
};

const text = (value: unknown): string | null => {
  if (typeof value !== 'string') return null;
  // Control characters never belong in a contact form; collapse whitespace so lengths are honest.
  const clean = value
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length > 0 ? clean : null;
};

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,253}\.[^\s@]{2,63}$/;
const PHONE = /^\+?[0-9 ()/.-]{6,30}$/;

/** Validates what a visitor typed into the lead form; errors are in the visitor's language. */
export function validateLead(
  raw: Record<string, unknown>,
  consentGiven: boolean,
  language: Language,
): { ok: true; lead: LeadInput } | { ok: false; errors: LeadErrors } {
  const lead: LeadInput = {
    name: text(raw.name) ?? '',
    phone: text(raw.phone),
    email: text(raw.email)?.toLowerCase() ?? null,
    car: text(raw.car),
    wish: typeof raw.wish === 'string' ? raw.wish.trim() || null : null,
  };
  const m = MESSAGES[language];
  const errors: LeadErrors = {};
  if (lead.name.length < 2 || lead.name.length > 100) errors.name = m.name;
  if (lead.phone && (!PHONE.test(lead.phone) || lead.phone.replace(/\D/g, '').length < 6)) errors.phone = m.phone;
  if (lead.email && !EMAIL.test(lead.email)) errors.email = m.email;
  if (!lead.phone && !lead.email) errors.contact = m.contact;
  if (lead.car && lead.car.length > 200) errors.car = m.car;
  if (lead.wish && lead.wish.length > 2000) errors.wish = m.wish;
  if (!consentGiven) errors.consent = m.consent;
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, lead };
}

const LEAD_FIELDS = ['name', 'phone', 'email', 'car', 'wish'] as const;

/** Whether a second submit in the same conversation says anything the stored lead does not. */
export function leadChanged(stored: Partial<Record<keyof LeadInput, unknown>>, next: LeadInput): boolean {
  return LEAD_FIELDS.some((field) => (stored[field] ?? null) !== next[field]);
}

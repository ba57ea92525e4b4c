import { z } from 'zod';
import { emailAddress, multiLineText, oneLineText } from '../text/input.ts';
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

// What the visitor left out (or sent as anything but text) is null; lengths count the cleaned text.
const optional = (schema: typeof oneLineText) => schema.catch('').transform((value) => (value === '' ? null : value));
const optionalLine = optional(oneLineText);
const optionalLines = optional(multiLineText);

const PHONE = /^\+?[0-9 ()/.-]{6,30}$/;
const FIELDS = {
  name: z.string().min(2).max(100),
  phone: z
    .string()
    .regex(PHONE)
    .refine((phone) => phone.replace(/\D/g, '').length >= 6),
  email: emailAddress,
  car: z.string().max(200),
  wish: z.string().max(2000),
};

/** Validates what a visitor typed into the lead form; errors are in the visitor's language. */
export function validateLead(
  raw: Record<string, unknown>,
  consentGiven: boolean,
  language: Language,
): { ok: true; lead: LeadInput } | { ok: false; errors: LeadErrors } {
  const typed = {
    name: optionalLine.parse(raw.name) ?? '',
    phone: optionalLine.parse(raw.phone),
    email: optionalLine.parse(raw.email),
    car: optionalLine.parse(raw.car),
    wish: optionalLines.parse(raw.wish),
  };
  const m = MESSAGES[language];
  const errors: LeadErrors = {};
  const lead = { ...typed } as LeadInput;
  for (const field of LEAD_FIELDS) {
    const value = typed[field];
    // The name is required; the others are checked when given.
    if (value === null && field !== 'name') continue;
    const checked = FIELDS[field].safeParse(value);
    if (checked.success) lead[field] = checked.data;
    else errors[field] = m[field];
  }
  if (!typed.phone && !typed.email) errors.contact = m.contact;
  if (!consentGiven) errors.consent = m.consent;
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, lead };
}

const LEAD_FIELDS = ['name', 'phone', 'email', 'car', 'wish'] as const;

/** Whether a second submit in the same conversation says anything the stored lead does not. */
export function leadChanged(stored: Partial<Record<keyof LeadInput, unknown>>, next: LeadInput): boolean {
  return LEAD_FIELDS.some((field) => (stored[field] ?? null) !== next[field]);
}

/**
 * The contact form of a workshop website (contact page, and "Fahrzeug anfragen" on a vehicle page):
 * what the visitor agrees to, how the form is checked, and the mail the workshop gets. It becomes a lead
 * like one from the chat (source "website"), with the consent stored beside it.
 */
import { type LeadErrors, type LeadInput, validateLead } from '../chat/lead.ts';
import type { Lang } from './i18n.ts';

/** Version of the consent text below; stored with every consent. */
export const CONTACT_CONSENT_VERSION = '2026-11-site';

const CONSENT: Record<Lang, (workshop: string) => string> = {
  de: (w) =>
    `Ich bin einverstanden, dass ${w} meine Angaben speichert und mich zu meiner Anfrage kontaktiert. Die Einwilligung kann ich jederzeit widerrufen.`,
  en: (w) =>
    `I agree that ${w} stores my details and contacts me about my request. I can withdraw this consent at any time.`,
  tr: (w) =>
    `${w} firmasının bilgilerimi saklamasını ve talebimle ilgili benimle iletişime geçmesini kabul ediyorum. Bu onayı istediğim zaman geri alabilirim.`,
  pl: (w) =>
    `Zgadzam się, aby ${w} przechowywał moje dane i kontaktował się ze mną w sprawie zapytania. Zgodę mogę w każdej chwili wycofać.`,
};
export const contactConsentText = (workshop: string, lang: Lang) => CONSENT[lang](workshop);

export type ContactSubmission = { lead: LeadInput; vehicle: string | null; spam: boolean };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Checks a submitted form (field → text). `website` is a field people never see (bots fill it in): such a
 * submission counts as sent but is dropped. Errors are in the page's language, one per field.
 */
export function parseContactForm(
  form: Record<string, string | undefined>,
  lang: Lang,
): { ok: true; submission: ContactSubmission } | { ok: false; errors: LeadErrors } {
  const result = validateLead(
    { name: form.name, phone: form.phone, email: form.email, car: form.car, wish: form.message },
    form.consent === 'ja',
    lang,
  );
  if (!result.ok) return result;
  const vehicle = form.vehicle && UUID.test(form.vehicle) ? form.vehicle : null;
  return { ok: true, submission: { lead: result.lead, vehicle, spam: Boolean(form.website?.trim()) } };
}

/** The workshop's notification for a website enquiry: everything to call back, and where it came from. */
export function contactMail(
  workshop: string,
  lead: LeadInput,
  adminUrl: string,
  page: string,
): { subject: string; text: string } {
  const lines = [
    `Neue Anfrage über das Kontaktformular der Website von ${workshop}:`,
    '',
    `Name: ${lead.name}`,
    lead.phone ? `Telefon: ${lead.phone}` : null,
    lead.email ? `E-Mail: ${lead.email}` : null,
    lead.car ? `Fahrzeug: ${lead.car}` : null,
    lead.wish ? `Nachricht: ${lead.wish}` : null,
    `Gesendet von: ${page}`,
    '',
    'Die Einwilligung zur Kontaktaufnahme liegt vor und ist gespeichert.',
    `Lead im Admin öffnen: ${adminUrl}`,
  ].filter((line): line is string => line !== null);
  const about = `${lead.name}${lead.car ? ` (${lead.car})` : ''}`;
  return { subject: `Website-Anfrage: ${about}`, text: lines.join('\n') };
}

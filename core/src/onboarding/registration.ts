/**
 * Self-service registration: what a new workshop owner sends from the platform site, checked field by
 * field with messages a person understands. Nothing here touches a database.
 */
import { cleanText, emailAddress, hasControlCharacters, oneLineText } from '../text/input.ts';
import { TERMS_VERSION } from './terms.ts';

export type Registration = {
  workshopName: string;
  firstName: string;
  lastName: string;
  email: string;
  password: string;
  city: string;
  template: string | null;
  plan: string | null;
  /** The version of AGB and Datenschutzhinweise the person accepted (always the current one). */
  termsVersion: string;
};

export type FieldErrors = Partial<Record<RegistrationField, string>>;
export type RegistrationField =
  | 'workshop_name'
  | 'owner_name'
  | 'email'
  | 'password'
  | 'city'
  | 'template'
  | 'plan'
  | 'terms';

export type Parsed = { ok: true; value: Registration } | { ok: false; errors: FieldErrors };

/** The honeypot field: invisible to people, irresistible to form-filling bots. */
export const HONEYPOT_FIELD = 'website';

const KEY = /^[a-z0-9][a-z0-9_-]{0,63}$/;

function textField(raw: unknown, label: string, min: number, max: number): { value: string } | { error: string } {
  const value = oneLineText.safeParse(raw).data ?? '';
  // Said rather than silently dropped: what is typed here ends up in contracts and invoices.
  if (typeof raw === 'string' && hasControlCharacters(raw))
    return { error: `${capitalise(label)} enthält unzulässige Steuerzeichen.` };
  if (value === '') return { error: `Bitte geben Sie ${label} an.` };
  if (value.length < min) return { error: `${capitalise(label)} ist zu kurz (mindestens ${min} Zeichen).` };
  if (value.length > max) return { error: `${capitalise(label)} ist zu lang (höchstens ${max} Zeichen).` };
  return { value };
}

const capitalise = (s: string) => s.replace(/^(den|die|das|Ihren|Ihre|Ihr) /, '').replace(/^./, (c) => c.toUpperCase());

/** "Anna Maria Schneider" → first "Anna Maria", last "Schneider"; a single word is the last name. */
export function splitName(full: string): { firstName: string; lastName: string } {
  const parts = full.split(' ');
  if (parts.length === 1) return { firstName: '', lastName: full };
  return { firstName: parts.slice(0, -1).join(' '), lastName: parts[parts.length - 1] ?? '' };
}

const COMMON_PASSWORDS = new Set([
  'passwort123',
  'passwort1234',
  'password123',
  'password1234',
  '1234567890',
  '12345678910',
  'qwertz1234',
  'qwertzuiop',
  'qwertyuiop',
  'werkstatt123',
  'werkstatt2026',
  'autohaus123',
  'hallo12345',
  'sommer2026',
  'winter2026',
  'carbot12345',
  'geheim12345',
]);

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

/** Returns a German reason when the password is too weak, or null. Length matters most; patterns help. */
export function passwordProblem(password: string, context: { email?: string; names?: string[] } = {}): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `Das Passwort muss mindestens ${MIN_PASSWORD_LENGTH} Zeichen lang sein.`;
  if (password.length > MAX_PASSWORD_LENGTH)
    return `Das Passwort darf höchstens ${MAX_PASSWORD_LENGTH} Zeichen lang sein.`;
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower))
    return 'Dieses Passwort ist sehr verbreitet und leicht zu erraten. Bitte wählen Sie ein anderes.';
  if (new Set(lower).size < 5)
    return 'Das Passwort wiederholt zu wenige verschiedene Zeichen. Bitte wählen Sie ein abwechslungsreicheres.';
  if (isSequence(lower)) return 'Das Passwort ist eine einfache Zeichenfolge. Bitte wählen Sie ein anderes.';
  const personal = [context.email?.split('@')[0], ...(context.names ?? [])]
    .flatMap((s) => (s ?? '').toLowerCase().split(/[^a-z0-9äöüß]+/))
    .filter((s) => s.length >= 4);
  if (personal.some((word) => lower.includes(word)))
    return 'Das Passwort darf weder Ihren Namen noch den Namen der Werkstatt oder Ihre E-Mail-Adresse enthalten.';
  return null;
}

/** abcdefghij, 0123456789, 9876543210 and the like. */
function isSequence(value: string): boolean {
  let up = 0;
  let down = 0;
  for (let i = 1; i < value.length; i++) {
    const step = value.charCodeAt(i) - value.charCodeAt(i - 1);
    if (step === 1) up++;
    if (step === -1) down++;
  }
  return up >= value.length - 2 || down >= value.length - 2;
}

/** Parses the registration body. `body` is whatever JSON arrived; nothing about it is trusted. */
export function parseRegistration(body: unknown): Parsed {
  const input = (body !== null && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<
    string,
    unknown
  >;
  const errors: FieldErrors = {};

  const workshop = textField(input.workshop_name, 'den Namen Ihrer Werkstatt', 2, 120);
  if ('error' in workshop) errors.workshop_name = workshop.error;
  const owner = textField(input.owner_name, 'Ihren Vor- und Nachnamen', 2, 120);
  if ('error' in owner) errors.owner_name = owner.error;
  const city = textField(input.city, 'den Ort Ihrer Werkstatt', 2, 80);
  if ('error' in city) errors.city = city.error;

  const typedEmail = typeof input.email === 'string' ? cleanText(input.email).toLowerCase() : '';
  const checkedEmail = emailAddress.safeParse(input.email);
  const email = checkedEmail.data ?? typedEmail;
  if (typedEmail === '') errors.email = 'Bitte geben Sie Ihre E-Mail-Adresse an.';
  else if (!checkedEmail.success)
    errors.email =
      'Bitte prüfen Sie die E-Mail-Adresse – sie sieht nicht vollständig aus (Beispiel: name@werkstatt.de).';

  const password = typeof input.password === 'string' ? input.password : '';
  if (password === '') errors.password = 'Bitte wählen Sie ein Passwort.';
  else {
    const names = ['value' in owner ? owner.value : '', 'value' in workshop ? workshop.value : ''];
    const problem = passwordProblem(password, { email, names });
    if (problem) errors.password = problem;
  }

  let template: string | null = null;
  if (input.template !== undefined && input.template !== null && input.template !== '') {
    if (typeof input.template !== 'string' || !KEY.test(input.template))
      errors.template = 'Bitte wählen Sie eine der angebotenen Vorlagen.';
    else template = input.template;
  }
  let plan: string | null = null;
  if (input.plan !== undefined && input.plan !== null && input.plan !== '') {
    if (typeof input.plan !== 'string' || !KEY.test(input.plan))
      errors.plan = 'Bitte wählen Sie einen der angebotenen Tarife.';
    else plan = input.plan;
  }
  if (input.terms !== true && input.terms !== 'on' && input.terms !== 'true')
    errors.terms = 'Bitte bestätigen Sie, dass Sie die AGB und die Datenschutzhinweise gelesen haben.';
  // A form that names the version it showed must show the current one: what is recorded is what was read.
  else if (input.terms_version !== undefined && input.terms_version !== TERMS_VERSION)
    errors.terms =
      'Unsere AGB oder Datenschutzhinweise wurden inzwischen aktualisiert. Bitte lesen Sie den aktuellen Stand und bestätigen Sie erneut.';

  if (Object.keys(errors).length > 0 || !('value' in workshop) || !('value' in owner) || !('value' in city)) {
    return { ok: false, errors };
  }
  const { firstName, lastName } = splitName(owner.value);
  return {
    ok: true,
    value: {
      workshopName: workshop.value,
      firstName,
      lastName,
      email,
      password,
      city: city.value,
      template,
      plan,
      termsVersion: TERMS_VERSION,
    },
  };
}

/** True when the honeypot carries anything. */
export function isBot(body: unknown): boolean {
  if (body === null || typeof body !== 'object') return false;
  const trap = (body as Record<string, unknown>)[HONEYPOT_FIELD];
  return trap !== undefined && trap !== null && trap !== '';
}

const RESERVED_SLUGS = new Set([
  'www',
  'admin',
  'api',
  'app',
  'mail',
  'smtp',
  'ftp',
  'static',
  'assets',
  'cdn',
  'carbot',
  'status',
  'hilfe',
  'support',
  'blog',
  'docs',
]);

/** A website address from the workshop's name: "Kfz-Technik Müller & Söhne" → "kfz-technik-mueller-soehne". */
export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/g, '');
  return slug;
}

/** Candidate slugs in order of preference: name, name-city, name-city-2, … */
export function slugCandidates(workshopName: string, city: string, count = 20): string[] {
  const own = slugify(workshopName);
  const base = own || 'werkstatt';
  const withCity = slugify(`${base} ${city}`).slice(0, 58).replace(/-+$/g, '') || base;
  const list: string[] = [];
  // A name alone is only used when it is distinctive: not reserved, not too short, not our fallback.
  if (own && !RESERVED_SLUGS.has(own) && own.length >= 3) list.push(own);
  list.push(withCity);
  for (let i = 2; list.length < count; i++) list.push(`${withCity}-${i}`);
  return list;
}

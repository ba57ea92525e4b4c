/**
 * Data subject requests (GDPR Art. 15 access, Art. 17 erasure, Art. 20 portability) for one workshop
 * tenant: how a person is named in a request, what belongs to them, what the export and the readable
 * summary contain, and what the proof record keeps — counts, never the person's data.
 */
import { z } from 'zod';
import { emailAddress, oneLineText } from '../text/input.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A phone number reduced to what identifies it: digits only, the German country code and the trunk zero
 * dropped, so that "+49 171 1234567", "0049 (171) 123-45-67" and "0171/1234567" are the same number.
 */
export function phoneKey(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let digits = raw.replace(/^\s*\+/, '00').replace(/\D/g, '');
  if (digits.startsWith('0049')) digits = digits.slice(4);
  digits = digits.replace(/^0+/, '');
  return digits.length >= 6 ? digits : null;
}

const PHONE_MESSAGE = 'Bitte geben Sie eine Telefonnummer mit mindestens sechs Ziffern an.';
const CONVERSATION_MESSAGE = 'Bitte geben Sie eine gültige Gesprächs-ID an.';
const phone = oneLineText.pipe(z.string().max(40)).refine((value) => phoneKey(value) !== null, {
  message: PHONE_MESSAGE,
});

export const subjectQuery = z
  .object({
    email: z.union([emailAddress, z.literal('')]).optional(),
    phone: z.union([phone, z.literal('')]).optional(),
    conversation: z.union([z.string().regex(UUID, CONVERSATION_MESSAGE), z.literal('')]).optional(),
  })
  .strict()
  .transform((q) => ({
    email: q.email || null,
    phone: q.phone || null,
    conversation: q.conversation ? q.conversation.toLowerCase() : null,
  }))
  .refine((q) => q.email || q.phone || q.conversation, {
    message: 'Bitte geben Sie eine E-Mail-Adresse, eine Telefonnummer oder eine Gesprächs-ID an.',
  });
export type SubjectQuery = z.output<typeof subjectQuery>;

/** The request's input, or the German messages that say what is wrong with it. */
export function parseSubjectQuery(input: unknown): { ok: true; query: SubjectQuery } | { ok: false; errors: string[] } {
  const parsed = subjectQuery.safeParse(input ?? {});
  if (parsed.success) return { ok: true, query: parsed.data };
  // zod's own texts are English and technical; each problem gets the sentence for its field.
  const messages = parsed.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return `Unbekannte Angabe ${issue.keys.map((k) => `„${k.slice(0, 40)}“`).join(', ')}: gesucht wird nach E-Mail-Adresse (email), Telefonnummer (phone) oder Gesprächs-ID (conversation).`;
    }
    const field = issue.path[0];
    if (field === 'email') return 'Bitte geben Sie eine gültige E-Mail-Adresse an.';
    if (field === 'phone') return PHONE_MESSAGE;
    if (field === 'conversation') return CONVERSATION_MESSAGE;
    if (issue.path.length === 0 && issue.code === 'invalid_type') {
      return 'Bitte senden Sie ein JSON-Objekt mit E-Mail-Adresse, Telefonnummer oder Gesprächs-ID.';
    }
    return issue.message;
  });
  return { ok: false, errors: [...new Set(messages)] };
}

/** How the person was named, for the proof record: which kinds of identifier, never their values. */
export function matchedBy(query: SubjectQuery): string[] {
  return (['email', 'phone', 'conversation'] as const).filter((k) => query[k] !== null);
}

/** Whether a lead (or any row with email/phone) belongs to the person asked about. */
export function rowMatches(row: { email?: unknown; phone?: unknown }, query: SubjectQuery): boolean {
  const email = typeof row.email === 'string' ? row.email.trim().toLowerCase() : null;
  if (query.email && email === query.email) return true;
  const key = typeof row.phone === 'string' ? phoneKey(row.phone) : null;
  return Boolean(query.phone && key && key === phoneKey(query.phone));
}

/** Every kind of record a request covers, in the order the summary and the export list them. */
export const KINDS = ['leads', 'conversations', 'messages', 'consents', 'appointments', 'mails', 'analytics'] as const;
export type Kind = (typeof KINDS)[number];
export type Row = Record<string, unknown>;
export type Found = Record<Kind, Row[]>;
export type Counts = Record<Kind, number>;

export const emptyFound = (): Found => ({
  leads: [],
  conversations: [],
  messages: [],
  consents: [],
  appointments: [],
  mails: [],
  analytics: [],
});

export const countsOf = (found: Found): Counts =>
  Object.fromEntries(KINDS.map((kind) => [kind, found[kind].length])) as Counts;

export const total = (counts: Counts): number => KINDS.reduce((sum, kind) => sum + counts[kind], 0);

/**
 * Texts in which the person's own words or details may appear without being linked to them: a message
 * typed into another conversation, a notification mail about a lead that was never stored. Searched for
 * the literal e-mail address and phone number as given.
 */
export function searchTerms(query: SubjectQuery): string[] {
  return [query.email, query.phone].filter((t): t is string => Boolean(t && t.length >= 6));
}

const LABELS: Record<Kind, [string, string]> = {
  leads: ['Anfrage', 'Anfragen (Name, Kontaktdaten, Fahrzeug, Anliegen, Notizen)'],
  conversations: ['Gespräch', 'Chat-Gespräche (Zeitpunkt, Sprache, Herkunftsseite)'],
  messages: ['Nachricht', 'Chat-Nachrichten (Wortlaut von Besucher, Assistent und Team)'],
  consents: ['Einwilligung', 'Einwilligungen (Zweck, Textfassung, Zeitpunkt)'],
  appointments: ['Termin', 'Termine'],
  mails: ['E-Mail', 'Benachrichtigungs-E-Mails an die Werkstatt (Warteschlange und Versandprotokoll)'],
  analytics: ['Statistik-Eintrag', 'Statistik-Ereignisse, die mit einem dieser Gespräche verknüpft sind'],
};

/** The kinds with something in them, labelled for people: "2 Anfragen (…)". */
export function describeCounts(counts: Counts): string[] {
  return KINDS.filter((kind) => counts[kind] > 0).map((kind) => `${counts[kind]} × ${LABELS[kind][1]}`);
}

/**
 * The readable part of an access request (Art. 15 (1)): what is stored, for which purposes, who receives
 * it, how long it is kept, where it came from, and the person's rights. German, plain text, ready to send.
 */
export function readableSummary(input: {
  workshop: string;
  found: Found;
  createdAt: Date;
  llmProcessor: string | null;
  retention: { conversationsDays: number; leadsMonths: number };
}): string {
  const counts = countsOf(input.found);
  const lines = [
    `Auskunft nach Art. 15 DSGVO – ${input.workshop}`,
    `Stand: ${input.createdAt.toISOString().slice(0, 10)}`,
    '',
  ];
  if (total(counts) === 0) {
    lines.push('Zu den angegebenen Merkmalen sind bei uns keine personenbezogenen Daten gespeichert.');
  } else {
    lines.push('Gespeicherte Daten:', ...describeCounts(counts).map((line) => `– ${line}`));
    lines.push(
      '',
      'Zwecke und Rechtsgrundlagen: Beantwortung Ihrer Fragen im Chat (Art. 6 Abs. 1 lit. b DSGVO); Kontaktaufnahme zu Ihrer Anfrage auf Grundlage Ihrer Einwilligung (Art. 6 Abs. 1 lit. a DSGVO); Nachweis der Einwilligung (Art. 7 Abs. 1 DSGVO).',
      `Empfänger: das Team von ${input.workshop}; CarBot als Auftragsverarbeiter (Betrieb von Website und Chat)${input.llmProcessor ? `; ${input.llmProcessor} als weiterer Auftragsverarbeiter für die KI-Antworten (nur der Chat-Wortlaut)` : ''}.`,
      `Speicherdauer: Gespräche ${input.retention.conversationsDays} Tage, Anfragen ${input.retention.leadsMonths} Monate, Einwilligungsnachweise so lange wie die Anfrage und drei weitere Jahre (Verjährungsfrist); danach werden sie automatisch gelöscht.`,
      'Herkunft: Ihre eigenen Angaben im Chat bzw. im Anfrageformular.',
      'Eine automatisierte Entscheidungsfindung nach Art. 22 DSGVO findet nicht statt.',
    );
  }
  lines.push(
    '',
    'Ihre Rechte: Berichtigung (Art. 16), Löschung (Art. 17), Einschränkung (Art. 18), Datenübertragbarkeit (Art. 20), Widerspruch (Art. 21), Widerruf einer Einwilligung (Art. 7 Abs. 3) und Beschwerde bei einer Aufsichtsbehörde (Art. 77 DSGVO).',
    'Die vollständigen Daten liegen dieser Auskunft als maschinenlesbare JSON-Datei bei (Art. 20 DSGVO).',
  );
  return lines.join('\n');
}

/** Internal columns that say nothing about the person and only confuse an export. */
const INTERNAL = new Set(['visitor_token_hash', 'tenant', 'client_key', 'attempts', 'next_attempt_at', 'last_error']);

/** The machine-readable export (Art. 20): every record, grouped by kind, internal columns left out. */
export function exportDocument(input: { workshop: string; found: Found; createdAt: Date; summary: string }) {
  const clean = (row: Row) => Object.fromEntries(Object.entries(row).filter(([key]) => !INTERNAL.has(key)));
  return {
    format: 'carbot-dsgvo-auskunft/1',
    controller: input.workshop,
    created_at: input.createdAt.toISOString(),
    summary: input.summary,
    data: Object.fromEntries(KINDS.map((kind) => [kind, input.found[kind].map(clean)])),
  };
}

/** Columns of a kept appointment that identify a person; an erased person's appointment keeps only its slot. */
export const APPOINTMENT_PERSONAL_COLUMNS = [
  'customer_name',
  'customer_email',
  'customer_phone',
  'car',
  'licence_plate',
  'note',
  'consent',
  'name',
  'email',
  'phone',
  'notes',
] as const;

/**
 * The proof that a request was handled (Art. 5 (2), accountability), kept after erasure: what kind of
 * request, which kinds of identifier were used, how many records of each kind — nothing that names or
 * recognises the person.
 */
export function proofRecord(input: {
  kind: 'export' | 'erasure';
  query: SubjectQuery;
  counts: Counts;
  source: 'admin' | 'widget' | 'retention';
}) {
  return {
    kind: input.kind,
    source: input.source,
    matched_by: matchedBy(input.query).join(','),
    counts: input.counts,
    total: total(input.counts),
  };
}

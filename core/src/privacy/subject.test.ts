import { expect, test } from 'vitest';
import {
  countsOf,
  emptyFound,
  exportDocument,
  type Found,
  matchedBy,
  parseSubjectQuery,
  phoneKey,
  proofRecord,
  readableSummary,
  rowMatches,
  type SubjectQuery,
  searchTerms,
} from './subject.ts';

test.each<[string, string | null]>([
  ['+49 171 1234567', '1711234567'],
  ['0049 (171) 123-45-67', '1711234567'],
  ['0171/1234567', '1711234567'],
  ['171 1234567', '1711234567'],
  ['+48 600 123 456', '48600123456'],
  ['12345', null],
  ['keine Nummer', null],
  ['', null],
])('phone key of %s', (raw, key) => {
  expect(phoneKey(raw)).toBe(key);
});

const CONVERSATION = '3f2b9c1e-8a7d-4e6f-9b0a-1c2d3e4f5a6b';

test.each<[string, unknown, SubjectQuery | string]>([
  [
    'e-mail, cleaned and lower-cased',
    { email: '  Max@Example.DE ' },
    { email: 'max@example.de', phone: null, conversation: null },
  ],
  ['phone', { phone: '0171 1234567' }, { email: null, phone: '0171 1234567', conversation: null }],
  [
    'conversation id',
    { conversation: CONVERSATION.toUpperCase() },
    { email: null, phone: null, conversation: CONVERSATION },
  ],
  ['empty fields count as missing', { email: '', phone: '', conversation: '' }, 'Bitte geben Sie eine E-Mail-Adresse'],
  ['nothing', {}, 'Bitte geben Sie eine E-Mail-Adresse'],
  ['a bad e-mail', { email: 'max@' }, 'gültige E-Mail-Adresse'],
  ['too few digits', { phone: '12-34' }, 'mindestens sechs Ziffern'],
  ['not a conversation id', { conversation: '1; DROP TABLE leads' }, 'gültige Gesprächs-ID'],
  ['unknown fields', { email: 'max@example.de', tenant: 'fremd' }, 'Unbekannte Angabe „tenant“'],
  ['not an object', 'max@example.de', 'Bitte senden Sie ein JSON-Objekt'],
  ['a list', ['max@example.de'], 'Bitte senden Sie ein JSON-Objekt'],
  ['a phone number as a number', { phone: 1711234567 }, 'mindestens sechs Ziffern'],
  ['a conversation id in a list', { conversation: [CONVERSATION] }, 'gültige Gesprächs-ID'],
  ['an e-mail as an object', { email: { $ne: '' } }, 'gültige E-Mail-Adresse'],
])('request input: %s', (_label, input, expected) => {
  const parsed = parseSubjectQuery(input);
  if (typeof expected === 'string') {
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.join(' ')).toContain(expected);
  } else {
    expect(parsed).toEqual({ ok: true, query: expected });
  }
});

const query: SubjectQuery = { email: 'max@example.de', phone: '+49 171 1234567', conversation: null };

test.each<[string, { email?: unknown; phone?: unknown }, boolean]>([
  ['same e-mail, other case', { email: 'Max@Example.de' }, true],
  ['same phone, other format', { phone: '0171/123 45 67' }, true],
  ['other e-mail and phone', { email: 'erika@example.de', phone: '0172 7654321' }, false],
  ['nothing stored', { email: null, phone: null }, false],
])('row match: %s', (_label, row, matches) => {
  expect(rowMatches(row, query)).toBe(matches);
});

test('the texts searched are the identifiers as given, never short fragments', () => {
  expect(searchTerms(query)).toEqual(['max@example.de', '+49 171 1234567']);
  expect(searchTerms({ email: null, phone: null, conversation: CONVERSATION })).toEqual([]);
});

const found = (): Found => ({
  ...emptyFound(),
  leads: [{ id: 'l1', name: 'Max Mustermann', email: 'max@example.de', phone: '+49 171 1234567', tenant: 't' }],
  conversations: [{ id: CONVERSATION, visitor_token_hash: 'geheim' }],
  messages: [
    { id: 'm1', content: 'Ich bin Max Mustermann' },
    { id: 'm2', content: 'Gern!' },
  ],
  consents: [{ id: 'c1', purpose: 'lead_contact' }],
});

test('the proof record keeps counts and the kinds of identifier, nothing of the person', () => {
  const proof = proofRecord({ kind: 'erasure', query, counts: countsOf(found()), source: 'admin' });
  expect(proof).toEqual({
    kind: 'erasure',
    source: 'admin',
    matched_by: 'email,phone',
    counts: { leads: 1, conversations: 1, messages: 2, consents: 1, appointments: 0, mails: 0, analytics: 0 },
    total: 5,
  });
  const text = JSON.stringify(proof);
  for (const personal of ['max@example.de', '171', 'Mustermann', CONVERSATION]) expect(text).not.toContain(personal);
  expect(matchedBy({ email: null, phone: null, conversation: CONVERSATION })).toEqual(['conversation']);
});

const retention = { conversationsDays: 90, leadsMonths: 12 };

test('the readable summary lists what is stored, purposes, recipients, retention and rights', () => {
  const at = new Date('2026-11-29T10:00:00Z');
  const text = readableSummary({
    workshop: 'Autohaus Beispiel',
    found: found(),
    createdAt: at,
    llmProcessor: 'OpenAI Ireland Ltd.',
    retention,
  });
  expect(text).toContain('Auskunft nach Art. 15 DSGVO – Autohaus Beispiel');
  expect(text).toContain('Stand: 2026-11-29');
  expect(text).toContain('– 1 × Anfragen');
  expect(text).toContain('– 2 × Chat-Nachrichten');
  expect(text).not.toContain('Termine');
  expect(text).toContain('OpenAI Ireland Ltd. als weiterer Auftragsverarbeiter');
  expect(text).toContain('Gespräche 90 Tage, Anfragen 12 Monate');
  expect(text).toContain('Art. 77 DSGVO');
});

test('the summary says so when nothing is stored, and names no AI processor without one', () => {
  const text = readableSummary({
    workshop: 'W',
    found: emptyFound(),
    createdAt: new Date(),
    llmProcessor: null,
    retention,
  });
  expect(text).toContain('keine personenbezogenen Daten gespeichert');
  expect(text).not.toContain('KI-Antworten');
});

test('the export groups every kind and leaves internal columns out', () => {
  const doc = exportDocument({
    workshop: 'W',
    found: found(),
    createdAt: new Date('2026-11-29T10:00:00Z'),
    summary: 's',
  });
  expect(doc.format).toBe('carbot-dsgvo-auskunft/1');
  expect(Object.keys(doc.data)).toEqual([
    'leads',
    'conversations',
    'messages',
    'consents',
    'appointments',
    'mails',
    'analytics',
  ]);
  expect(doc.data.leads?.[0]).toEqual({
    id: 'l1',
    name: 'Max Mustermann',
    email: 'max@example.de',
    phone: '+49 171 1234567',
  });
  expect(doc.data.conversations?.[0]).toEqual({ id: CONVERSATION });
});

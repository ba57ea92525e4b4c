/**
 * Full-text retrieval over a workshop's published data. The index holds one passage per service, FAQ
 * entry, post, vehicle and the workshop's contact/hours; the database does the matching (SQLite FTS5 or
 * PostgreSQL text search) and this module builds safe queries and turns rows into passages.
 */
import type { Language } from './language.ts';
import { expand } from './vocabulary/expand.ts';

export type PassageKind = 'service' | 'faq' | 'post' | 'vehicle' | 'workshop';

export type Passage = {
  kind: PassageKind;
  /** Id of the source row, to keep the index current when it changes. */
  sourceId: string;
  title: string;
  body: string;
  /** Path on the workshop's website, e.g. /leistungen or /fahrzeuge/<id>. */
  path: string;
  /** Prices in cents that this passage states, for the price guard. */
  prices: number[];
};

const STOPWORDS = new Set(
  (
    'der die das den dem des ein eine einen einem einer und oder aber ich du er sie es wir ihr mich mir uns euch ' +
    'ist sind war bin bist hat habt haben kann können könnt muss wie was wer wo wann warum welche welcher welches ' +
    'mit für von zu zum zur im in am an auf aus bei bis nach über unter vor ohne um nicht kein keine auch noch nur ' +
    'sehr mal bitte danke hallo gibt es ihr ihre ihren euer eure the a an and or is are was be to of for in on at ' +
    'with what how much do does can you your my me i it this that bir ve ile ne nasıl czy jak ile jest i w na z'
  ).split(' '),
);

/**
 * Words that say what kind of question it is, not what it is about. They count only when nothing else
 * is asked: "Was kostet eine Scheibenversiegelung?" must not be answered with every passage that
 * mentions a price.
 */
const GENERIC = new Set(
  (
    'kostet kosten preis preise teuer günstig billig dauert dauer lange geht gehen macht machen bekomme ' +
    'bekommen suche suchen möchte hätte gerne gern brauche habt hast wenig viel viele cost costs price ' +
    'much long need want looking have get ne kadar fiyat ile kosztuje cena ile długo szukam'
  ).split(' '),
);

/**
 * Search terms from free text, in the order the question names them: what the vocabulary recognises
 * (in any of the four languages) as its German search words, every other word as it is; no stopwords;
 * words that only say what kind of question it is (a price, a duration) only when there is nothing more
 * specific; at most 16 terms.
 */
export function terms(text: string): string[] {
  const words = text
    .toLowerCase()
    .normalize('NFC')
    .match(/[\p{L}\p{N}]+|€/gu);
  const matches = new Map(expand(text).map((m) => [m.at, m]));
  const specific: string[] = [];
  const generic: string[] = [];
  const add = (list: string[], word: string) => {
    if (word.length < 2 || STOPWORDS.has(word) || specific.includes(word) || list.includes(word)) return;
    list.push(word.slice(0, 40));
  };
  const list = words ?? [];
  for (let i = 0; i < list.length; i += 1) {
    const match = matches.get(i);
    if (match) {
      // Words of a concept without search words ("how much", "ne kadar") say what kind of question it is.
      if (match.concept.search.length === 0)
        for (let j = i; j < i + match.length; j += 1) add(generic, list[j] as string);
      for (const term of match.concept.search)
        for (const part of term.match(/[\p{L}\p{N}]+/gu) ?? []) add(specific, part);
      i += match.length - 1;
      continue;
    }
    const word = list[i] as string;
    add(GENERIC.has(word) ? generic : specific, word);
  }
  return (specific.length ? specific : generic).slice(0, 16);
}

/**
 * Words are prefix-matched ("Reifen" finds "Reifenwechsel"); numbers only match themselves, because "30"
 * as a prefix would match every price and mileage that starts with 30, and rank thousands of vehicles.
 */
const prefixed = (term: string) => !/^\d+$/.test(term);

/** An FTS5 MATCH expression: every term quoted (no operator injection), OR-combined. */
export function fts5Query(text: string): string | null {
  const list = terms(text);
  return list.length ? list.map((t) => `"${t.replace(/"/g, '')}"${prefixed(t) ? '*' : ''}`).join(' OR ') : null;
}

/** A PostgreSQL to_tsquery expression with the same semantics (terms are letters/digits only). */
export function tsQuery(text: string): string | null {
  const list = terms(text);
  return list.length ? list.map((t) => (prefixed(t) ? `${t}:*` : t)).join(' | ') : null;
}

// Reindexing a workshop formats thousands of prices: one formatter, built once.
const euroFormat = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });
const euro = (cents: number) => euroFormat.format(cents / 100);

/**
 * The words around the workshop's own texts in a passage, in the conversation's language: an answer in
 * Turkish quoting a German service says "Fiyat" and "Cumartesi", not "Preis" and "Samstag". Amounts keep
 * one format in every language (what the price guard and the visitor's eye both recognise: 89,00 €).
 */
type Labels = {
  price: string;
  from: string;
  onRequest: string;
  duration: (minutes: number) => string;
  year: string;
  reserved: string;
  available: string;
  address: string;
  phone: string;
  email: string;
  hours: string;
  closed: string;
  contact: string;
  days: string[];
  fuels: Record<string, string>;
};

export const PASSAGE_LABELS: Record<Language, Labels> = {
  de: {
    price: 'Preis',
    from: 'ab',
    onRequest: 'Preis auf Anfrage',
    duration: (m) => `Dauer: ca. ${m} Minuten`,
    year: 'Baujahr',
    reserved: 'reserviert',
    available: 'verfügbar',
    address: 'Adresse',
    phone: 'Telefon',
    email: 'E-Mail',
    hours: 'Öffnungszeiten',
    closed: 'geschlossen',
    contact: 'Kontakt und Öffnungszeiten',
    days: ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'],
    fuels: {
      petrol: 'Benzin',
      diesel: 'Diesel',
      electric: 'Elektro',
      hybrid: 'Hybrid',
      plugin_hybrid: 'Plug-in-Hybrid',
      lpg: 'Autogas',
      cng: 'Erdgas',
      hydrogen: 'Wasserstoff',
    },
  },
  en: {
    price: 'Price',
    from: 'from',
    onRequest: 'Price on request',
    duration: (m) => `Takes about ${m} minutes`,
    year: 'Year',
    reserved: 'reserved',
    available: 'available',
    address: 'Address',
    phone: 'Phone',
    email: 'E-mail',
    hours: 'Opening hours',
    closed: 'closed',
    contact: 'contact and opening hours',
    days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    fuels: {
      petrol: 'petrol',
      diesel: 'diesel',
      electric: 'electric',
      hybrid: 'hybrid',
      plugin_hybrid: 'plug-in hybrid',
      lpg: 'LPG',
      cng: 'CNG',
      hydrogen: 'hydrogen',
    },
  },
  tr: {
    price: 'Fiyat',
    from: 'başlangıç',
    onRequest: 'Fiyat sorunuz',
    duration: (m) => `Süre: yaklaşık ${m} dakika`,
    year: 'Model yılı',
    reserved: 'rezerve',
    available: 'satışta',
    address: 'Adres',
    phone: 'Telefon',
    email: 'E-posta',
    hours: 'Çalışma saatleri',
    closed: 'kapalı',
    contact: 'iletişim ve çalışma saatleri',
    days: ['Pazartesi', 'Salı', 'Çarşamba', 'Perşembe', 'Cuma', 'Cumartesi', 'Pazar'],
    fuels: {
      petrol: 'benzinli',
      diesel: 'dizel',
      electric: 'elektrikli',
      hybrid: 'hibrit',
      plugin_hybrid: 'plug-in hibrit',
      lpg: 'LPG',
      cng: 'CNG',
      hydrogen: 'hidrojen',
    },
  },
  pl: {
    price: 'Cena',
    from: 'od',
    onRequest: 'Cena na zapytanie',
    duration: (m) => `Czas: ok. ${m} minut`,
    year: 'Rocznik',
    reserved: 'zarezerwowany',
    available: 'dostępny',
    address: 'Adres',
    phone: 'Telefon',
    email: 'E-mail',
    hours: 'Godziny otwarcia',
    closed: 'nieczynne',
    contact: 'kontakt i godziny otwarcia',
    days: ['Poniedziałek', 'Wtorek', 'Środa', 'Czwartek', 'Piątek', 'Sobota', 'Niedziela'],
    fuels: {
      petrol: 'benzyna',
      diesel: 'diesel',
      electric: 'elektryczny',
      hybrid: 'hybryda',
      plugin_hybrid: 'hybryda plug-in',
      lpg: 'LPG',
      cng: 'CNG',
      hydrogen: 'wodór',
    },
  },
};

type Named = { name: string; description?: string | null };

/** The passage for a service: name, price (with "ab" where it varies) and duration. */
export function servicePassage(
  id: string,
  text: Named,
  price: string | number | null,
  priceFrom: boolean,
  durationMinutes: number | null,
  language: Language = 'de',
): Passage {
  const l = PASSAGE_LABELS[language];
  const cents = price === null || price === '' ? null : Math.round(Number(price) * 100);
  const parts = [text.description ?? ''];
  if (cents !== null) parts.unshift(`${l.price}: ${priceFrom ? `${l.from} ` : ''}${euro(cents)}`);
  else parts.unshift(l.onRequest);
  if (durationMinutes) parts.push(l.duration(durationMinutes));
  return {
    kind: 'service',
    sourceId: id,
    title: text.name,
    body: sentences(parts),
    path: '/leistungen',
    prices: cents === null ? [] : [cents],
  };
}

/** Joins text pieces into sentences without doubling the full stop of a piece that already has one. */
export const sentences = (parts: (string | null | undefined)[]) =>
  parts
    .map((p) => (p ?? '').trim().replace(/\.$/, ''))
    .filter(Boolean)
    .join('. ');

export function faqPassage(id: string, question: string, answer: string): Passage {
  return { kind: 'faq', sourceId: id, title: question, body: answer, path: '/faq', prices: [] };
}

export function postPassage(id: string, slug: string, title: string, excerpt: string | null): Passage {
  return { kind: 'post', sourceId: id, title, body: excerpt ?? '', path: `/blog/${slug}`, prices: [] };
}

export type VehicleFacts = {
  make: string;
  model: string;
  variant?: string | null;
  year?: number | null;
  mileage_km?: number | null;
  fuel?: string | null;
  price?: string | number | null;
  status: string;
};

export function vehiclePassage(id: string, v: VehicleFacts, language: Language = 'de'): Passage {
  const l = PASSAGE_LABELS[language];
  const cents = v.price === null || v.price === undefined || v.price === '' ? null : Math.round(Number(v.price) * 100);
  const facts = [
    v.year ? `${l.year} ${v.year}` : '',
    v.mileage_km !== null && v.mileage_km !== undefined ? `${v.mileage_km.toLocaleString('de-DE')} km` : '',
    v.fuel ? (l.fuels[v.fuel] ?? v.fuel) : '',
    cents !== null ? `${l.price} ${euro(cents)}` : '',
    v.status === 'reserved' ? l.reserved : l.available,
  ].filter(Boolean);
  return {
    kind: 'vehicle',
    sourceId: id,
    title: [v.make, v.model, v.variant].filter(Boolean).join(' '),
    body: facts.join(', '),
    path: `/fahrzeuge/${id}`,
    prices: cents === null ? [] : [cents],
  };
}

const DAY_KEYS = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'];

/** Opening hours as a sentence: "Montag: 07:30–12:30, 13:15–17:30; … Sonntag: geschlossen". */
export function hoursText(
  hours: Record<string, [string, string][]> | null | undefined,
  language: Language = 'de',
): string {
  const l = PASSAGE_LABELS[language];
  return DAY_KEYS.map((key, i) => {
    const ranges = hours?.[key] ?? [];
    return `${l.days[i]}: ${ranges.length ? ranges.map(([from, to]) => `${from}–${to}`).join(', ') : l.closed}`;
  }).join('; ');
}

export type WorkshopFacts = {
  id: string;
  name: string;
  street?: string | null;
  postal_code?: string | null;
  city?: string | null;
  phone?: string | null;
  email?: string | null;
  opening_hours?: Record<string, [string, string][]> | null;
};

export function workshopPassage(w: WorkshopFacts, language: Language = 'de'): Passage {
  const l = PASSAGE_LABELS[language];
  const address = [w.street, [w.postal_code, w.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  const body = [
    address ? `${l.address}: ${address}` : '',
    w.phone ? `${l.phone}: ${w.phone}` : '',
    w.email ? `${l.email}: ${w.email}` : '',
    `${l.hours}: ${hoursText(w.opening_hours, language)}`,
  ]
    .filter(Boolean)
    .join('. ');
  return {
    kind: 'workshop',
    sourceId: w.id,
    title: `${w.name} – ${l.contact}`,
    body,
    path: '/kontakt',
    prices: [],
  };
}

/** How visitors name weekdays (stems, longest first so "cumartesi" is not read as "cuma"). */
const DAY_WORDS: [string, string][] = (
  [
    ['mo', 'montag monday pazartesi poniedział'],
    ['tu', 'dienstag tuesday salı wtor'],
    ['we', 'mittwoch wednesday çarşamba środ'],
    ['th', 'donnerstag thursday perşembe czwart'],
    ['fr', 'freitag friday cuma piąt'],
    ['sa', 'samstag sonnabend saturday cumartesi sobot'],
    ['su', 'sonntag sunday pazar niedziel'],
  ] as const
)
  .flatMap(([key, words]) => words.split(' ').map((stem): [string, string] => [stem, key]))
  .sort((a, b) => b[0].length - a[0].length);
const WEEKEND = new Set(['wochenende', 'weekend', 'weekendzie']);

/** The weekdays a question asks about, as keys of the opening hours ("sa"), in the order asked. */
export function askedDays(question: string): string[] {
  const out: string[] = [];
  for (const word of question
    .toLowerCase()
    .normalize('NFC')
    .match(/[\p{L}]+/gu) ?? []) {
    const days = WEEKEND.has(word) ? ['sa', 'su'] : [DAY_WORDS.find(([stem]) => word.startsWith(stem))?.[1]];
    for (const day of days) if (day && !out.includes(day)) out.push(day);
  }
  return out;
}

/**
 * The passage as it best answers this question: for the workshop's contact passage asked about opening
 * hours, the hours come first and the days asked about lead them ("Samstag: 09:00–13:00; Montag: …"),
 * so neither the model nor a shortened answer loses them behind the address. `language`: the one the
 * passage is written in.
 */
export function focusPassage(passage: Passage, question: string, language: Language = 'de'): Passage {
  if (passage.kind !== 'workshop') return passage;
  const l = PASSAGE_LABELS[language];
  const label = `${l.hours}: `;
  const at = passage.body.indexOf(label);
  const days = askedDays(question);
  if (at < 0 || (days.length === 0 && !terms(question).includes('öffnungszeiten'))) return passage;
  const names = new Map(l.days.map((name, i) => [name, DAY_KEYS[i] as string]));
  const entries = passage.body.slice(at + label.length).split('; ');
  const rank = (entry: string) => {
    const index = days.indexOf(names.get(entry.slice(0, entry.indexOf(':'))) ?? '');
    return index < 0 ? days.length : index;
  };
  const hours = entries
    .map((entry, i) => ({ entry, i }))
    .sort((a, b) => rank(a.entry) - rank(b.entry) || a.i - b.i)
    .map(({ entry }) => entry)
    .join('; ');
  const rest = passage.body.slice(0, at).replace(/\.\s*$/, '');
  return { ...passage, body: rest ? `${label}${hours}. ${rest}` : `${label}${hours}` };
}

/**
 * Shortens a passage for an answer without cutting inside a value: at the last sentence or list boundary
 * ("; " or ". ") that fits, else the last ", ", else the last space — never inside "07:30–12:30" or a price.
 * What is left out is marked with " …".
 */
export function clipPassage(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  // A full stop ends a sentence only before a capital: "ca. 150 Minuten" and "Str. 1" stay whole.
  for (const boundary of [/;(?=\s)|[.!?](?=\s+\p{Lu})/gu, /,(?=\s)/g, /\s/g]) {
    const cuts = [...room.matchAll(boundary)].map((m) => m.index ?? 0).filter((i) => i > max / 3);
    const cut = cuts.at(-1);
    if (cut !== undefined) return `${room.slice(0, cut).trimEnd()} …`;
  }
  return `${room.trimEnd()}…`;
}

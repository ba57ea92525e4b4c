/**
 * Query expansion over the vocabulary: which concepts a question names, in whichever of the four
 * languages, and the German words to search the workshop's (German) data for.
 */
import { SERVICES, VEHICLES, type VocabularyEntry } from './terms.ts';

/** Lower case without diacritics, for comparing words across spellings ("Ölwechsel" = "olwechsel"). */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ı/g, 'i')
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

/** The words of a text, folded: letters and digits, "€" kept as a word of its own. */
export const foldedWords = (text: string): string[] => fold(text).match(/[\p{L}\p{N}]+|€/gu) ?? [];

type Word = { text: string; prefix: boolean };
type Form = Word[];
export type Concept = { search: string[]; forms: Form[]; vehicle: boolean };

function word(raw: string): Word {
  if (raw.endsWith('*')) return { text: raw.slice(0, -1), prefix: true };
  if (raw.endsWith('=')) return { text: raw.slice(0, -1), prefix: false };
  return { text: raw, prefix: raw.length >= 4 };
}

function compile(entry: VocabularyEntry, vehicle: boolean): Concept {
  const [search, ...languages] = entry;
  const forms = languages
    .flatMap((list) => list.split('|'))
    .map((form) =>
      form
        .trim()
        .split(/\s+/)
        .flatMap((raw) => {
          const marker = /[*=]$/.exec(raw)?.[0] ?? '';
          const parts = foldedWords(raw);
          return parts.map((part, i) => word(i === parts.length - 1 ? part + marker : part));
        }),
    )
    .filter((form) => form.length > 0);
  return { search: search ? search.split(' ') : [], forms, vehicle };
}

export const CONCEPTS: readonly Concept[] = [
  ...SERVICES.map((e) => compile(e, false)),
  ...VEHICLES.map((e) => compile(e, true)),
];

/**
 * Endings are short (Turkish "yağını", Polish "oleju", German "Bremsen"); a much longer word is a
 * compound of its own: "Scheibenversiegelung" is not a "Scheibe".
 */
const MAX_ENDING = 6;

const matchesAt = (words: string[], at: number, form: Form) =>
  form.every((w, i) => {
    const given = words[at + i];
    if (given === undefined) return false;
    return w.prefix ? given.startsWith(w.text) && given.length - w.text.length <= MAX_ENDING : given === w.text;
  });

/** A concept named at word `at` (an index into `foldedWords(question)`), spanning `length` words. */
export type ConceptMatch = { at: number; length: number; concept: Concept };

/**
 * Forms by the first three letters of their first word (shorter words match only exactly, so they are
 * filed under themselves): a question's word is only compared with the few forms that can match it.
 */
const BY_START = new Map<string, { concept: Concept; form: Form }[]>();
for (const concept of CONCEPTS) {
  for (const form of concept.forms) {
    const start = (form[0] as Word).text.slice(0, 3);
    BY_START.set(start, [...(BY_START.get(start) ?? []), { concept, form }]);
  }
}

/** The concepts a question names, in order; at each word the longest form wins. */
export function expand(question: string): ConceptMatch[] {
  const words = foldedWords(question);
  const out: ConceptMatch[] = [];
  for (let at = 0; at < words.length; at += 1) {
    let best: ConceptMatch | null = null;
    for (const { concept, form } of BY_START.get((words[at] as string).slice(0, 3)) ?? []) {
      if (form.length > (best?.length ?? 0) && matchesAt(words, at, form)) best = { at, length: form.length, concept };
    }
    if (!best) continue;
    out.push(best);
    at += best.length - 1;
  }
  return out;
}

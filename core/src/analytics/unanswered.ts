/**
 * The questions the assistant could not answer from the workshop's data, grouped so an owner sees
 * "Klimaanlage befüllen (7×)" instead of seven rows: each question is reduced to its terms (vocabulary
 * concepts in any of the four languages count as one term, so "Ölwechsel" and "oil change" meet; other
 * words folded, stop words dropped), and questions sharing most of their terms form a group.
 */
import { expand, foldedWords } from '../chat/vocabulary/expand.ts';

const STOP = new Set(
  // German
  (
    'der die das den dem des ein eine einen einem einer eines und oder aber ich du er sie es wir ihr mich mir ' +
    'mein meine meinen sein seine ist sind war bin bist hat habe haben hast hatte wird werden kann koennt konnen ' +
    'koennen kannst muss musst soll will wollen mochte moechte mochten gibt gib bei beim mit von vom zu zum zur ' +
    'auf aus an am im in ins fur fuer uber ueber unter nach vor noch nur auch schon wie was wer wo wann warum ' +
    'welche welcher welches wieviel viel viele bitte danke hallo guten tag ja nein nicht kein keine euch ihnen ' +
    'ihr ihre uns unser so dass ob wenn dann denn da hier dort mal man machen macht gerne gern heute morgen ' +
    'etwas ganz sehr mehr kostet kosten preis euro eur ihr habt seid gibts ' +
    // English
    'the a an and or but i you he she it we they me my your is are was be been have has had do does did can ' +
    'could would should will to of for on in at by with from about how what who where when why which much ' +
    'many please thanks hello hi yes no not any some this that there here cost costs price ' +
    // Turkish
    've veya ama ben sen o biz siz onlar bir bu su ne nasil nerede ne zaman kac fiyat mi mu musunuz misiniz ' +
    'var yok lutfen merhaba tesekkurler icin ile ' +
    // Polish
    'i lub ale ja ty on ona my wy oni jest sa byl jak co kto gdzie kiedy ile cena czy prosze dzien dobry ' +
    'dziekuje na w z do od za dla o nie tak'
  ).split(/\s+/),
);

/** A crude stem: long words lose a common German/English ending, so "Reifen"/"Reifens" and "brakes"/"brake" meet. */
function stem(word: string): string {
  if (word.length <= 5) return word;
  return word.replace(/(ern|en|er|es|e|n|s)$/, '');
}

/** The terms of a question: concept names first, then the remaining significant words. */
export function questionTerms(question: string): string[] {
  const words = foldedWords(question);
  const covered = new Set<number>();
  const terms: string[] = [];
  for (const match of expand(question)) {
    for (let i = match.at; i < match.at + match.length; i += 1) covered.add(i);
    const name = match.concept.search.join(' ') || words.slice(match.at, match.at + match.length).join(' ');
    terms.push(`#${name}`);
  }
  words.forEach((w, i) => {
    if (covered.has(i) || STOP.has(w) || w.length < 3 || /^\d+$/.test(w) || w === '€') return;
    terms.push(stem(w));
  });
  return [...new Set(terms)];
}

export type Unanswered = { text: string; at: string };
export type QuestionGroup = {
  /** The question to offer as an FAQ entry: the group's most frequent wording (the latest on ties). */
  question: string;
  count: number;
  /** The group's terms, most shared first (concepts without their marker). */
  terms: string[];
  /** Up to five different wordings, latest first. */
  examples: string[];
  lastAskedAt: string;
};

const overlap = (a: Set<string>, b: Set<string>) => {
  let n = 0;
  for (const t of a) if (b.has(t)) n += 1;
  return n;
};

/**
 * Groups questions by shared terms: a question joins the group whose terms it shares best, if it shares
 * at least half of the smaller set (and at least one term); otherwise it starts a group. Questions without
 * terms ("hallo?") group by their exact folded text. Groups come largest first, then most recent.
 */
export function groupQuestions(items: Unanswered[], limit = 50): QuestionGroup[] {
  type G = { terms: Map<string, number>; core: Set<string>; texts: Map<string, number>; items: Unanswered[] };
  const groups: G[] = [];
  const sorted = [...items].sort((a, b) => b.at.localeCompare(a.at));
  // The same wording comes again and again: its terms are worked out once.
  const known = new Map<string, string[]>();
  for (const item of sorted) {
    const text = item.text.trim().replace(/\s+/g, ' ').slice(0, 300);
    if (!text) continue;
    let terms = known.get(text);
    if (!terms) {
      terms = questionTerms(text);
      known.set(text, terms);
    }
    const key = terms.length ? new Set(terms) : new Set([`=${foldedWords(text).join(' ')}`]);
    let best: G | null = null;
    let bestScore = 0;
    for (const g of groups) {
      const shared = overlap(key, g.core);
      if (shared === 0) continue;
      const score = shared / Math.min(key.size, g.core.size);
      if (score >= 0.5 && score > bestScore) {
        best = g;
        bestScore = score;
      }
    }
    const g: G = best ?? { terms: new Map(), core: new Set(key), texts: new Map(), items: [] };
    if (!best) groups.push(g);
    for (const t of key) g.terms.set(t, (g.terms.get(t) ?? 0) + 1);
    g.texts.set(text, (g.texts.get(text) ?? 0) + 1);
    g.items.push({ text, at: item.at });
  }
  return groups
    .map((g): QuestionGroup => {
      const texts = [...g.texts.entries()];
      // Map order is first-seen = latest first; a stable sort keeps the latest on ties.
      const question = texts.sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
      return {
        question,
        count: g.items.length,
        terms: [...g.terms.entries()]
          .sort((a, b) => b[1] - a[1])
          .map(([t]) => t.replace(/^[#=]/, ''))
          .slice(0, 5),
        examples: [...new Set(g.items.map((i) => i.text))].slice(0, 5),
        lastAskedAt: g.items[0]?.at ?? '',
      };
    })
    .sort((a, b) => b.count - a.count || b.lastAskedAt.localeCompare(a.lastAskedAt))
    .slice(0, limit);
}

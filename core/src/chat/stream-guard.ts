import { guardPrices } from './price-guard.ts';

/**
 * Streams an LLM answer through the price guard word by word. An amount can be split across chunks
 * ("21" + "9 €", "€" + " 219"), so the unfinished last word and any trailing run of words that could still
 * become part of an amount (digits, "€", "EUR", "Euro") wait for more text or the end of the stream;
 * everything before them is checked and released at once, so the visitor sees the answer as it is written.
 */
export class StreamGuard {
  #pending = '';
  readonly #known: ReadonlySet<number>;
  readonly #replacement: string;
  invented = 0;

  constructor(known: Iterable<number>, replacement: string) {
    this.#known = known instanceof Set ? (known as ReadonlySet<number>) : new Set(known);
    this.#replacement = replacement;
  }

  push(delta: string): string {
    this.#pending += delta;
    const cut = safeCut(this.#pending);
    if (cut <= 0) return '';
    const ready = this.#pending.slice(0, cut);
    this.#pending = this.#pending.slice(cut);
    return this.#guard(ready);
  }

  flush(): string {
    const rest = this.#pending;
    this.#pending = '';
    return rest ? this.#guard(rest) : '';
  }

  #guard(text: string): string {
    const result = guardPrices(text, this.#known, this.#replacement);
    this.invented += result.invented.length;
    return result.text;
  }
}

/** A word that is, or could grow into, part of an amount. */
const AMOUNTISH = /[\d€]|eur/i;

/**
 * Length of the prefix that can be released: up to the last whitespace, minus a trailing run of
 * amount-like words. An amount never spans the cut, because the word before it has no digit and no
 * currency, and an amount is a number and a currency with at most one space between them.
 */
export function safeCut(text: string): number {
  const words = [...text.matchAll(/\S+\s+/g)];
  let cut = 0;
  for (const word of words) {
    const end = (word.index ?? 0) + word[0].length;
    if (!AMOUNTISH.test(word[0])) cut = end;
  }
  return cut;
}

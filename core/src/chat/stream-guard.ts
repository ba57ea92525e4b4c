import { guardPrices } from './price-guard.ts';

/**
 * Streams an LLM answer sentence by sentence through the price guard. An amount can be split across
 * chunks ("21" + "9 €"), so text is only released up to the last sentence end; what follows waits for
 * more text or the end of the stream.
 */
export class StreamGuard {
  #pending = '';
  readonly #known: Set<number>;
  readonly #replacement: string;
  invented = 0;

  constructor(known: Iterable<number>, replacement: string) {
    this.#known = new Set(known);
    this.#replacement = replacement;
  }

  push(delta: string): string {
    this.#pending += delta;
    const cut = lastSentenceEnd(this.#pending);
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

/** Index just after the last ". ", "! ", "? " or newline, or 0. */
function lastSentenceEnd(text: string): number {
  let best = 0;
  for (const match of text.matchAll(/[.!?…]\s+|\n/g)) best = (match.index ?? 0) + match[0].length;
  return best;
}

/**
 * The assistant must never invent a price. Every euro amount in an answer is checked against the amounts
 * that exist in the workshop's own data; anything else is replaced before the visitor sees it.
 */

/** Money in cents, to compare without floating-point surprises. */
export type Cents = number;

const NUMBER = String.raw`\d{1,3}(?:[.\u00a0 ]\d{3})+(?:,\d{1,2})?|\d+(?:[.,]\d{1,2})?`;
const AMOUNT = new RegExp(
  String.raw`(?:(?:€|EUR|Euro)\s?(${NUMBER}))|(?:(${NUMBER})(?:,-)?\s?(?:€|EUR\b|Euro\b|Eur\b))`,
  'gi',
);

/** Parses a German or English formatted amount ("1.234,50", "1,234.50", "189", "189,-") into cents. */
export function parseAmount(raw: string): Cents | null {
  let text = raw.replace(/[\u00a0 ]/g, '').replace(/,-$/, '');
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(text)) text = text.replace(/\./g, '').replace(',', '.');
  else if (/^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(text)) text = text.replace(/,/g, '');
  else text = text.replace(',', '.');
  const value = Number(text);
  return Number.isFinite(value) ? Math.round(value * 100) : null;
}

export type FoundAmount = { text: string; index: number; cents: Cents };

export function findAmounts(answer: string): FoundAmount[] {
  const found: FoundAmount[] = [];
  for (const match of answer.matchAll(AMOUNT)) {
    const number = match[1] ?? match[2];
    if (!number) continue;
    const cents = parseAmount(number);
    if (cents !== null) found.push({ text: match[0], index: match.index ?? 0, cents });
  }
  return found;
}

export type GuardResult = { text: string; invented: FoundAmount[] };

/**
 * Replaces every amount that is not one of `known` (cents) with `replacement`. Known amounts are the
 * prices of services and vehicles, so "ab 189 €" for a service priced 189 passes.
 */
export function guardPrices(answer: string, known: Iterable<Cents>, replacement: string): GuardResult {
  // Streaming calls this for every few words with the same thousands of prices: reuse a given Set.
  const allowed = known instanceof Set ? (known as Set<Cents>) : new Set(known);
  const invented = findAmounts(answer).filter((a) => !allowed.has(a.cents));
  let text = answer;
  for (const amount of [...invented].reverse()) {
    text = text.slice(0, amount.index) + replacement + text.slice(amount.index + amount.text.length);
  }
  return { text, invented };
}

/** Amounts in cents from prices stored as decimals (Directus returns decimals as strings). */
export function centsOf(prices: Iterable<string | number | null | undefined>): Cents[] {
  const out: Cents[] = [];
  for (const price of prices) {
    if (price === null || price === undefined || price === '') continue;
    const value = Number(price);
    if (Number.isFinite(value)) out.push(Math.round(value * 100));
  }
  return out;
}

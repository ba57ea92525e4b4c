/**
 * What a model call costs in euros. Prices per million tokens in USD as published by the provider;
 * the exchange rate is configuration. Unknown models (e.g. a local OpenAI-compatible server) cost what
 * the operator configures, 0 by default.
 */
export type ModelPrice = { inputPerMillionUsd: number; outputPerMillionUsd: number };

export const MODEL_PRICES: Readonly<Record<string, ModelPrice>> = {
  'gpt-4o-mini': { inputPerMillionUsd: 0.15, outputPerMillionUsd: 0.6 },
  'gpt-4o': { inputPerMillionUsd: 2.5, outputPerMillionUsd: 10 },
  'gpt-4.1-mini': { inputPerMillionUsd: 0.4, outputPerMillionUsd: 1.6 },
  'gpt-4.1-nano': { inputPerMillionUsd: 0.1, outputPerMillionUsd: 0.4 },
};

export function costEur(
  model: string,
  tokensIn: number,
  tokensOut: number,
  usdToEur = 0.92,
  prices: Readonly<Record<string, ModelPrice>> = MODEL_PRICES,
): number {
  const price = prices[model] ?? prices[model.replace(/-\d{4}-\d{2}-\d{2}$/, '')];
  if (!price) return 0;
  const usd = (tokensIn * price.inputPerMillionUsd + tokensOut * price.outputPerMillionUsd) / 1_000_000;
  return Math.round(usd * usdToEur * 1_000_000) / 1_000_000;
}

/** Whether the tenant may still use the LLM this month. A missing budget means no limit. */
export function budgetLeft(spentThisMonthEur: number, monthlyBudgetEur: number | null | undefined): boolean {
  if (monthlyBudgetEur === null || monthlyBudgetEur === undefined) return true;
  return spentThisMonthEur < monthlyBudgetEur;
}

/**
 * A tenant's LLM spend this month, as last read from the database plus what this process has spent
 * since. Summing a month of messages on every answer grows with the month; read at most every `ttlMs`.
 * Other processes' spend arrives through `add` when they announce it (the Directus extension's bus),
 * else with the next read; either way a budget can be overrun by at most a few seconds of answers — it
 * is a cost guard, not an invoice.
 */
export class MonthlySpend {
  readonly #ttlMs: number;
  readonly #entries = new Map<string, { month: number; readAt: number; eur: number }>();

  constructor(ttlMs = 10_000) {
    this.#ttlMs = ttlMs;
  }

  /** The cached spend, or undefined when it must be read again (unknown, too old, or another month). */
  get(tenant: string, month: Date, now: number = Date.now()): number | undefined {
    const entry = this.#entries.get(tenant);
    if (!entry || entry.month !== month.getTime() || now - entry.readAt >= this.#ttlMs) return undefined;
    return entry.eur;
  }

  set(tenant: string, month: Date, eur: number, now: number = Date.now()): void {
    this.#entries.set(tenant, { month: month.getTime(), readAt: now, eur });
  }

  add(tenant: string, month: Date, eur: number): void {
    const entry = this.#entries.get(tenant);
    if (entry && entry.month === month.getTime()) entry.eur += eur;
  }

  /** Forgets everything: the next check reads the database. */
  clear(): void {
    this.#entries.clear();
  }
}

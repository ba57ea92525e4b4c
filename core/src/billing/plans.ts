/**
 * Plans and their limits. Plans are data (collection `plans`); this module only interprets them, so a
 * platform admin can change a price or a limit without a release. `null` in a limit means unlimited.
 */

export type Plan = {
  key: string;
  name: string;
  price_net: number | string;
  sort: number | null;
  max_client_keys: number | null;
  max_leads_per_month: number | null;
  max_locations: number | null;
  website: boolean;
  all_templates: boolean;
  custom_templates: boolean;
  custom_domain: boolean;
  api_access: boolean;
  trial_days: number | null;
  stripe_price_id: string | null;
  /** Monthly budget for the chat assistant's LLM costs in EUR; null means unlimited. */
  ai_budget_eur?: number | string | null;
};

export type Template = { key: string; name: string; min_plan: string | null };

export type CountedLimit = 'client_keys' | 'leads_per_month' | 'locations';
export type LimitKind = CountedLimit | 'website' | 'template' | 'custom_domain' | 'api_access' | 'no_plan';

export class PlanLimitError extends Error {
  readonly code = 'PLAN_LIMIT';
  readonly limit: LimitKind;
  constructor(message: string, limit: LimitKind) {
    super(message);
    this.limit = limit;
  }
}

export const DEFAULT_TRIAL_DAYS = 14;

/** Leads the workshop records itself (a phone call, a walk-in) are its own bookkeeping, not CarBot's output. */
export const COUNTED_LEAD_SOURCES: readonly string[] = ['chat', 'website'];
/** Online bookings count against the same monthly lead limit; phone bookings staff enter do not. */
export const COUNTED_BOOKING_SOURCES: readonly string[] = ['site', 'widget', 'assistant'];

const MAX_FIELD: Record<CountedLimit, 'max_client_keys' | 'max_leads_per_month' | 'max_locations'> = {
  client_keys: 'max_client_keys',
  leads_per_month: 'max_leads_per_month',
  locations: 'max_locations',
};

export const limitOf = (plan: Plan, kind: CountedLimit): number | null => {
  const value = plan[MAX_FIELD[kind]];
  return value === null || value === undefined ? null : Number(value);
};

/** Plans from smallest to largest: by `sort`, then by price. */
export function ordered(plans: readonly Plan[]): Plan[] {
  return [...plans].sort(
    (a, b) =>
      (a.sort ?? Number.MAX_SAFE_INTEGER) - (b.sort ?? Number.MAX_SAFE_INTEGER) ||
      Number(a.price_net) - Number(b.price_net),
  );
}

export function rankOf(plans: readonly Plan[], key: string | null | undefined): number {
  if (!key) return -1;
  return ordered(plans).findIndex((p) => p.key === key);
}

/** The smallest plan that passes `allows`, to tell the owner where to go. */
export function smallestPlan(plans: readonly Plan[], allows: (plan: Plan) => boolean): Plan | undefined {
  return ordered(plans).find(allows);
}

const upgradeHint = (plans: readonly Plan[], allows: (plan: Plan) => boolean) => {
  const target = smallestPlan(plans, allows);
  return target
    ? ` Im Tarif ${target.name} ist das enthalten – wechseln Sie unter „Abrechnung“.`
    : ' Bitte wenden Sie sich an den CarBot-Support.';
};

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function requirePlan(plan: Plan | null | undefined): Plan {
  if (!plan)
    throw new PlanLimitError(
      'Ihrem Konto ist kein Tarif zugeordnet. Bitte wählen Sie unter „Abrechnung“ einen Tarif.',
      'no_plan',
    );
  return plan;
}

/**
 * Refuses creating one more of something counted when `current` already reaches the plan's limit.
 * `current` is the number that exists before the new one.
 */
export function checkCount(
  kind: CountedLimit,
  plan: Plan | null | undefined,
  current: number,
  plans: readonly Plan[],
): void {
  const p = requirePlan(plan);
  const max = limitOf(p, kind);
  if (max === null || current < max) return;
  const bigger = (candidate: Plan) => {
    const m = limitOf(candidate, kind);
    return m === null || m > max;
  };
  const messages: Record<CountedLimit, string> = {
    client_keys: `Ihr Tarif ${p.name} umfasst höchstens ${count(max, 'aktiven Widget-Key', 'aktive Widget-Keys')}. Deaktivieren Sie einen vorhandenen Key oder wählen Sie einen größeren Tarif.`,
    leads_per_month: `Ihr Tarif ${p.name} umfasst ${count(max, 'Lead', 'Leads')} pro Monat; dieses Kontingent ist für den laufenden Monat ausgeschöpft. Ab dem 1. des nächsten Monats geht es weiter.`,
    locations: `Ihr Tarif ${p.name} umfasst ${count(max, 'Standort', 'Standorte')}.`,
  };
  throw new PlanLimitError(messages[kind] + upgradeHint(plans, bigger), kind);
}

/** A website (publishing a workshop's site) needs a plan with website. */
export function checkWebsite(plan: Plan | null | undefined, plans: readonly Plan[]): void {
  const p = requirePlan(plan);
  if (p.website) return;
  throw new PlanLimitError(
    `Im Tarif ${p.name} ist keine Website enthalten, nur das Chat-Widget für Ihre bestehende Website.${upgradeHint(plans, (c) => c.website)}`,
    'website',
  );
}

/**
 * A template may be chosen when the plan has a website and ranks at least as high as the template's
 * minimum plan. A plan without `all_templates` only gets templates that have no minimum plan. Custom
 * templates made for one customer carry the plan with custom templates (Enterprise) as minimum plan.
 */
export function checkTemplate(plan: Plan | null | undefined, template: Template, plans: readonly Plan[]): void {
  const p = requirePlan(plan);
  const allows = (c: Plan) =>
    c.website &&
    (c.all_templates || !template.min_plan) &&
    (!template.min_plan || rankOf(plans, c.key) >= rankOf(plans, template.min_plan));
  if (allows(p)) return;
  throw new PlanLimitError(
    `Die Vorlage „${template.name}“ ist im Tarif ${p.name} nicht enthalten.${upgradeHint(plans, allows)}`,
    'template',
  );
}

export function checkCustomDomains(
  plan: Plan | null | undefined,
  domains: readonly string[],
  plans: readonly Plan[],
): void {
  if (domains.length === 0) return;
  const p = requirePlan(plan);
  if (p.custom_domain) return;
  throw new PlanLimitError(
    `Eigene Domains sind im Tarif ${p.name} nicht enthalten.${upgradeHint(plans, (c) => c.custom_domain)}`,
    'custom_domain',
  );
}

export function checkApiAccess(plan: Plan | null | undefined, plans: readonly Plan[]): void {
  const p = requirePlan(plan);
  if (p.api_access) return;
  throw new PlanLimitError(
    `Der API-Zugang mit eigenem Token ist im Tarif ${p.name} nicht enthalten.${upgradeHint(plans, (c) => c.api_access)}`,
    'api_access',
  );
}

/** `custom_domains` arrives as csv text or as a list; returns the non-empty entries. */
export function domainList(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return list.map((d) => String(d).trim()).filter((d) => d.length > 0);
}

const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });

/** "49,00 € / Monat zzgl. MwSt." — prices are net; VAT is added by Stripe Tax at checkout. */
export function netPriceLabel(plan: Pick<Plan, 'price_net'>): string {
  return `${euro.format(Number(plan.price_net))} / Monat zzgl. MwSt.`;
}

/** The trial length every given plan agrees on, or null when they differ (a text then names no number). */
export function commonTrialDays(plans: readonly Pick<Plan, 'trial_days'>[]): number | null {
  const days = [...new Set(plans.map((p) => p.trial_days ?? DEFAULT_TRIAL_DAYS))];
  return days.length === 1 ? (days[0] as number) : days.length === 0 ? DEFAULT_TRIAL_DAYS : null;
}

/**
 * The platform admin's view of the business: tenants by plan and by billing phase, how many trials
 * became paying customers, and the monthly recurring revenue as Stripe last told us (the subscription
 * state the webhook mirrors into `tenants`), at the plans' net monthly prices.
 */
import { type BillingTenant, serviceState } from '../billing/state.ts';

/** Subscriptions that bring in money this month; `past_due` still counts until Stripe gives up. */
const PAYING = new Set(['active', 'past_due']);

export type PlatformTenant = BillingTenant & { id: string; date_created?: string | number | Date | null };
export type PlanPrice = { key: string; name: string; price_net: number | string | null };

export type PlatformSummary = {
  tenants: number;
  byPlan: { plan: string; name: string; tenants: number; paying: number; mrr: number }[];
  byPhase: Record<string, number>;
  trials: { running: number; ended: number; converted: number; rate: number | null };
  mrr: number;
};

export function platformSummary(
  tenants: PlatformTenant[],
  plans: PlanPrice[],
  now: Date = new Date(),
): PlatformSummary {
  const price = new Map(plans.map((p) => [p.key, Number(p.price_net ?? 0)]));
  const names = new Map(plans.map((p) => [p.key, p.name]));
  const byPlan = new Map<string, { plan: string; name: string; tenants: number; paying: number; mrr: number }>();
  const byPhase: Record<string, number> = {};
  let running = 0;
  let ended = 0;
  let converted = 0;
  let mrr = 0;
  for (const t of tenants) {
    const plan = t.plan ?? 'none';
    const row = byPlan.get(plan) ?? { plan, name: names.get(plan) ?? 'ohne Tarif', tenants: 0, paying: 0, mrr: 0 };
    byPlan.set(plan, row);
    row.tenants += 1;
    const paying = PAYING.has(t.subscription_status ?? '') && Boolean(t.stripe_subscription_id);
    if (paying) {
      row.paying += 1;
      row.mrr += price.get(plan) ?? 0;
      mrr += price.get(plan) ?? 0;
    }
    const phase = serviceState(t, now).phase;
    byPhase[phase] = (byPhase[phase] ?? 0) + 1;
    const trialEnd = t.trial_ends_at ? new Date(t.trial_ends_at as string) : null;
    if (trialEnd && !Number.isNaN(trialEnd.getTime())) {
      // A trial is decided when it has ended or the tenant subscribed before its end.
      if (paying) {
        converted += 1;
        ended += 1;
      } else if (trialEnd <= now) ended += 1;
      else running += 1;
    }
  }
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    tenants: tenants.length,
    byPlan: [...byPlan.values()].map((r) => ({ ...r, mrr: round(r.mrr) })).sort((a, b) => b.tenants - a.tenants),
    byPhase,
    trials: { running, ended, converted, rate: ended ? converted / ended : null },
    mrr: round(mrr),
  };
}

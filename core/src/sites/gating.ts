import { serviceState } from '../billing/state.ts';

/**
 * What a tenant's plan allows on the website side: Basic is widget only (no website), templates and
 * custom domains per plan, and whether a workshop's site is served at all.
 */
export type PlanFacts = {
  key: string;
  website: boolean;
  all_templates: boolean;
  custom_domain: boolean;
  sort?: number | null;
};
export type TemplateFacts = { key: string; min_plan: string | null };
export type TenantFacts = {
  plan: string | null;
  subscription_status: string | null;
  past_due_since?: string | null;
  trial_ends_at?: string | null;
};

/**
 * `until`: when the decision may flip without anyone saving anything (the trial or the grace period
 * ends); whatever was derived from it (resolved site, cached pages) must be re-checked then.
 */
export type SiteDecision = { serve: true; pastDue: boolean; until: Date | null } | { serve: false; reason: string };

export function siteDecision(
  workshop: { status: string | null },
  tenant: TenantFacts | null,
  plan: PlanFacts | null,
  now: Date,
): SiteDecision {
  if (workshop.status !== 'published') return { serve: false, reason: 'unpublished' };
  if (!tenant || !plan) return { serve: false, reason: 'no-plan' };
  if (!plan.website) return { serve: false, reason: 'plan-without-website' };
  // Billing owns what a subscription state means (trial end, 7-day grace, cancellation): one rule for
  // website, widget and admin banner.
  const state = serviceState(
    {
      plan: tenant.plan,
      subscription_status: tenant.subscription_status,
      trial_ends_at: tenant.trial_ends_at ?? null,
      past_due_since: tenant.past_due_since ?? null,
    },
    now,
  );
  if (state.live) {
    const until = state.phase === 'trial' ? state.trialEndsAt : state.phase === 'grace' ? state.graceEndsAt : null;
    return { serve: true, pastDue: state.phase === 'grace', until };
  }
  if (tenant.subscription_status === 'past_due') return { serve: false, reason: 'past-due-expired' };
  return { serve: false, reason: `subscription-${state.phase}` };
}

/** The template a workshop gets: its choice if the plan allows it, otherwise the first template allowed. */
export function effectiveTemplate(
  wanted: string | null,
  plan: PlanFacts,
  templates: TemplateFacts[],
  planOrder: Record<string, number>,
): string {
  const rank = (key: string | null) => (key ? (planOrder[key] ?? Number.POSITIVE_INFINITY) : 0);
  const allowed = templates.filter(
    (t) => rank(t.min_plan) <= rank(plan.key) && (plan.all_templates || t.key === 'klassisch'),
  );
  return allowed.find((t) => t.key === wanted)?.key ?? allowed[0]?.key ?? 'klassisch';
}

/** Custom domains resolve only on plans that include them. */
export const customDomainAllowed = (plan: PlanFacts | null) => Boolean(plan?.website && plan.custom_domain);

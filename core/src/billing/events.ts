/**
 * Stripe webhook events → tenant subscription state. Stripe delivers events at least once and in no
 * guaranteed order, so (1) every event id is processed once, and (2) subscription state is only ever
 * taken from an event that is newer than the one the stored state came from. The order is total —
 * creation time, then lifecycle stage, then id — so any delivery order ends in the same state.
 */

export const HANDLED_EVENTS = [
  'checkout.session.completed',
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'customer.subscription.trial_will_end',
  'invoice.paid',
  'invoice.payment_failed',
] as const;
export type HandledEvent = (typeof HANDLED_EVENTS)[number];

export const isHandled = (type: string): type is HandledEvent => (HANDLED_EVENTS as readonly string[]).includes(type);

/** Events that carry a full subscription object and therefore define the tenant's state. */
export const STATE_EVENTS: ReadonlySet<string> = new Set([
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
]);

export type EventRef = { id: string; type: string; created: number };

const STAGE: Record<string, number> = {
  'customer.subscription.created': 1,
  'customer.subscription.updated': 2,
  'customer.subscription.deleted': 3,
};

/** Negative when `a` happened before `b`. Same-second events are ordered by lifecycle, then by id. */
export function compareEvents(a: EventRef, b: EventRef): number {
  if (a.created !== b.created) return a.created - b.created;
  const stage = (STAGE[a.type] ?? 0) - (STAGE[b.type] ?? 0);
  if (stage !== 0) return stage;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Whether an incoming state event may replace the state that came from `stored`. */
export const isNewer = (incoming: EventRef, stored: EventRef | null | undefined): boolean =>
  !stored || compareEvents(incoming, stored) > 0;

/** The parts of a Stripe subscription we read (shaped as in API version 2025-03-31 and later). */
export type SubscriptionLike = {
  id: string;
  customer: string | { id: string };
  status: string;
  trial_end: number | null;
  cancel_at: number | null;
  cancel_at_period_end?: boolean;
  metadata?: Record<string, string> | null;
  items: {
    data: {
      price: { id: string; metadata?: Record<string, string> | null };
      current_period_start?: number;
      current_period_end?: number;
    }[];
  };
  // Older API versions kept the period on the subscription itself.
  current_period_start?: number;
  current_period_end?: number;
};

export type TenantPatch = {
  stripe_subscription_id?: string | null;
  subscription_status?: string;
  plan?: string;
  trial_ends_at?: string | null;
  current_period_end?: string | null;
  past_due_since?: string | null;
  cancel_at?: string | null;
};

const iso = (unix: number | null | undefined) =>
  unix === null || unix === undefined ? null : new Date(unix * 1000).toISOString();

export const customerId = (customer: string | { id: string } | null | undefined): string | null =>
  customer === null || customer === undefined ? null : typeof customer === 'string' ? customer : customer.id;

/**
 * Which plan a subscription is for: the plan whose Stripe price it uses, else the plan named in the
 * price's or the subscription's metadata (prices created inline at checkout carry it there).
 */
export function planOf(sub: SubscriptionLike, plans: readonly { key: string; stripe_price_id: string | null }[]) {
  const price = sub.items.data[0]?.price;
  const known = new Set(plans.map((p) => p.key));
  const byPrice = price ? plans.find((p) => p.stripe_price_id && p.stripe_price_id === price.id) : undefined;
  if (byPrice) return byPrice.key;
  for (const candidate of [price?.metadata?.carbot_plan, sub.metadata?.carbot_plan]) {
    if (candidate && known.has(candidate)) return candidate;
  }
  return undefined;
}

/**
 * The tenant fields a subscription object defines. A pure function of the object, so replaying or
 * reordering events cannot produce anything but the state of the newest one. A payment problem is
 * dated from the start of the unpaid period: that is when the renewal invoice fell due.
 */
export function subscriptionPatch(
  sub: SubscriptionLike,
  plans: readonly { key: string; stripe_price_id: string | null }[],
): TenantPatch {
  const item = sub.items.data[0];
  const periodStart = item?.current_period_start ?? sub.current_period_start ?? null;
  const periodEnd = item?.current_period_end ?? sub.current_period_end ?? null;
  const plan = planOf(sub, plans);
  const patch: TenantPatch = {
    stripe_subscription_id: sub.id,
    subscription_status: sub.status,
    current_period_end: iso(periodEnd),
    past_due_since: sub.status === 'past_due' || sub.status === 'unpaid' ? iso(periodStart) : null,
    cancel_at:
      sub.status === 'canceled'
        ? null
        : sub.cancel_at
          ? iso(sub.cancel_at)
          : sub.cancel_at_period_end
            ? iso(periodEnd)
            : null,
  };
  if (plan) patch.plan = plan;
  if (sub.trial_end) patch.trial_ends_at = iso(sub.trial_end);
  return patch;
}

/** Stripe's subscription statuses after which the subscription can never become active again. */
export const TERMINAL = new Set(['canceled', 'incomplete_expired']);

/**
 * A second subscription of the same customer (made outside CarBot) must not switch off the one the
 * tenant pays for: an event about another subscription is applied only when the tenant has none that
 * is still running, or when it brings a running one.
 */
export function concernsCurrent(
  sub: Pick<SubscriptionLike, 'id' | 'status'>,
  tenant: { stripe_subscription_id: string | null; subscription_status: string | null },
): boolean {
  if (!tenant.stripe_subscription_id || tenant.stripe_subscription_id === sub.id) return true;
  const currentRunning = !TERMINAL.has(tenant.subscription_status ?? '');
  return !currentRunning || !TERMINAL.has(sub.status);
}

/** Invoices point to their subscription in `parent.subscription_details` (2025 API) or `subscription`. */
export function invoiceSubscription(invoice: {
  parent?: { subscription_details?: { subscription?: string | { id: string } | null } | null } | null;
  subscription?: string | { id: string } | null;
}): string | null {
  return customerId(invoice.parent?.subscription_details?.subscription ?? invoice.subscription ?? null);
}

export type TenantBilling = {
  stripe_subscription_id: string | null;
  subscription_status: string | null;
  /** The event the stored subscription state came from. */
  last: EventRef | null;
};

export type Decision = { apply: true; patch: TenantPatch } | { apply: false; outcome: 'older' | 'other_subscription' };

/** Whether a subscription event changes the tenant, and how. */
export function decideSubscriptionEvent(
  event: EventRef,
  sub: SubscriptionLike,
  tenant: TenantBilling,
  plans: readonly { key: string; stripe_price_id: string | null }[],
): Decision {
  if (!isNewer(event, tenant.last)) return { apply: false, outcome: 'older' };
  if (!concernsCurrent(sub, tenant)) return { apply: false, outcome: 'other_subscription' };
  return { apply: true, patch: subscriptionPatch(sub, plans) };
}

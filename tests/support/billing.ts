/**
 * Helpers for billing tests: fresh tenants with an owner, Stripe-shaped events signed with the `stripe`
 * library's own test-header helper, and access to the Stripe stand-in's record of API calls.
 */
import { ROLE } from '@carbot/core/roles';
import Stripe from 'stripe';
import { inject } from 'vitest';
import { STRIPE_TEST_WEBHOOK_SECRET, type StripeCall } from './edges/stripe.ts';
import { admin, login } from './http.ts';

export const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
export const PASSWORD = 'Testpasswort-Billing-2026';

export type TestTenant = { id: string; customer: string; email: string; token: string; userId: string };

/** A tenant with an active owner, created by the platform admin. */
export async function makeTenant(fields: Record<string, unknown> = {}): Promise<TestTenant> {
  const customer = `cus_test_${unique()}`;
  const tenant = await admin().post('/items/tenants', {
    name: `Testbetrieb ${unique()}`,
    plan: 'premium',
    subscription_status: 'trialing',
    trial_ends_at: new Date(Date.now() + 10 * 86_400_000).toISOString(),
    stripe_customer_id: customer,
    billing_email: `buchhaltung.${unique()}@example.com`,
    ...fields,
  });
  if (tenant.status !== 200) throw new Error(`Mandant: ${tenant.status} ${tenant.text}`);
  const id = tenant.body.data.id as string;
  const email = `inhaber.${unique()}@example.com`;
  const user = await admin().post('/users', {
    email,
    password: PASSWORD,
    role: ROLE.owner,
    tenant: id,
    status: 'active',
    first_name: 'Ina',
    last_name: 'Haber',
  });
  if (user.status !== 200) throw new Error(`Inhaber: ${user.status} ${user.text}`);
  return {
    id,
    customer: tenant.body.data.stripe_customer_id ?? customer,
    email,
    token: await login(email, PASSWORD),
    userId: user.body.data.id,
  };
}

export async function addUser(tenant: string, role: 'owner' | 'staff') {
  const email = `${role}.${unique()}@example.com`;
  const res = await admin().post('/users', {
    email,
    password: PASSWORD,
    role: role === 'owner' ? ROLE.owner : ROLE.staff,
    tenant,
    status: 'active',
  });
  if (res.status !== 200) throw new Error(`${role}: ${res.status} ${res.text}`);
  return { email, id: res.body.data.id as string, token: await login(email, PASSWORD) };
}

export const BILLING_FIELDS = [
  'plan',
  'subscription_status',
  'stripe_subscription_id',
  'trial_ends_at',
  'current_period_end',
  'past_due_since',
  'cancel_at',
] as const;

export async function billingState(tenant: string) {
  const res = await admin().get(
    `/items/tenants/${tenant}?fields=${BILLING_FIELDS.join(',')},stripe_customer_id,vat_id,billing_country`,
  );
  if (res.status !== 200) throw new Error(`Mandant lesen: ${res.status} ${res.text}`);
  return res.body.data as Record<string, unknown>;
}

export type StripeEvent = {
  id: string;
  object: 'event';
  type: string;
  created: number;
  api_version: string;
  livemode: false;
  pending_webhooks: number;
  request: { id: null; idempotency_key: null };
  data: { object: Record<string, unknown> };
};

export function stripeEvent(type: string, object: Record<string, unknown>, created: number): StripeEvent {
  return {
    id: `evt_test_${unique()}`,
    object: 'event',
    type,
    created,
    api_version: '2026-10-28.endive',
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object },
  };
}

/** A subscription object as Stripe sends it with the 2025+ API (period on the item). */
export function subscription(
  t: Pick<TestTenant, 'id' | 'customer'>,
  s: {
    id: string;
    status: string;
    plan?: string;
    price?: string;
    trialEnd?: number | null;
    periodStart: number;
    periodEnd: number;
    cancelAtPeriodEnd?: boolean;
  },
): Record<string, unknown> {
  return {
    id: s.id,
    object: 'subscription',
    customer: t.customer,
    status: s.status,
    created: s.periodStart,
    trial_end: s.trialEnd ?? null,
    cancel_at: null,
    cancel_at_period_end: s.cancelAtPeriodEnd ?? false,
    canceled_at: null,
    ended_at: null,
    metadata: { carbot_tenant: t.id, carbot_plan: s.plan ?? 'premium' },
    items: {
      object: 'list',
      data: [
        {
          id: `si_${unique()}`,
          object: 'subscription_item',
          price: { id: s.price ?? 'price_inline', object: 'price', metadata: {} },
          quantity: 1,
          current_period_start: s.periodStart,
          current_period_end: s.periodEnd,
        },
      ],
    },
  };
}

export function invoice(t: Pick<TestTenant, 'customer'>, subscriptionId: string, amount: number, created: number) {
  return {
    id: `in_${unique()}`,
    object: 'invoice',
    customer: t.customer,
    status: 'open',
    amount_due: amount,
    amount_paid: 0,
    currency: 'eur',
    billing_reason: 'subscription_cycle',
    created,
    parent: { type: 'subscription_details', subscription_details: { subscription: subscriptionId } },
  };
}

const signer = new Stripe('sk_test_signing_only');

/** POSTs an event to the webhook as Stripe does: raw JSON body, `Stripe-Signature` header. */
export async function deliver(
  event: unknown,
  options: { secret?: string; signature?: string | null; body?: string; contentType?: string } = {},
) {
  const payload = JSON.stringify(event);
  const signature =
    options.signature === undefined
      ? signer.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? STRIPE_TEST_WEBHOOK_SECRET })
      : options.signature;
  const res = await fetch(`${inject('directusUrl')}/billing/webhook`, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? 'application/json; charset=utf-8',
      ...(signature === null ? {} : { 'stripe-signature': signature }),
    },
    body: options.body ?? payload,
  });
  const text = await res.text();
  let body: any = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: res.status, body, text };
}

export async function stripeCalls(): Promise<StripeCall[]> {
  return (await fetch(`${inject('edgeUrls').stripeApi}/_control/calls`)).json() as Promise<StripeCall[]>;
}

export async function failNextStripeCalls(count: number) {
  await fetch(`${inject('edgeUrls').stripeApi}/_control/fail?count=${count}`, { method: 'POST' });
}

export async function recordedEvent(id: string) {
  const res = await admin().get(`/items/stripe_events/${id}`);
  return res.status === 200 ? (res.body.data as Record<string, unknown>) : null;
}

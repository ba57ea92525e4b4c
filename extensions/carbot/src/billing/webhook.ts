import {
  customerId,
  decideSubscriptionEvent,
  type EventRef,
  invoiceSubscription,
  isHandled,
  STATE_EVENTS,
  type SubscriptionLike,
  subscriptionPatch,
} from '@carbot/core/billing/events';
import { paymentFailedMail, trialEndingMail } from '@carbot/core/billing/mails';
import { GRACE_DAYS } from '@carbot/core/billing/state';
import type { Mail } from '@carbot/core/mail/compose';
import { ROLE } from '@carbot/core/roles';
import { isDirectusError } from '@directus/errors';
import type { SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import type Stripe from 'stripe';
import { BillingData, type ServicesLike, type TenantRow } from '../shared/billing.js';

export type WebhookDeps = {
  services: ServicesLike;
  database: Knex;
  getSchema: () => Promise<SchemaOverview>;
  logger: { error: (error: unknown, message: string) => void };
  billingUrl: string;
};

export type Outcome =
  | 'applied'
  | 'stale'
  | 'ignored'
  | 'other_subscription'
  | 'notified'
  | 'recorded'
  | 'unknown_tenant'
  | 'duplicate';

type Work = { outcome: Outcome; tenant: string | null; after?: () => Promise<void> };

const DAY = 86_400_000;

/** What we keep of an event: ids, states and amounts for the audit trail; no addresses or card data. */
function summary(object: Record<string, unknown>): Record<string, unknown> {
  const keep = [
    'id',
    'object',
    'status',
    'customer',
    'subscription',
    'client_reference_id',
    'trial_end',
    'cancel_at',
    'cancel_at_period_end',
    'amount_due',
    'amount_paid',
    'currency',
    'billing_reason',
    'number',
    'attempt_count',
  ];
  return Object.fromEntries(keep.filter((k) => k in object).map((k) => [k, object[k]]));
}

/**
 * Applies one verified Stripe event exactly once. The event id is recorded in `stripe_events` in the
 * same transaction that changes the tenant, so a replay finds it and changes nothing; the tenant row is
 * locked first, so two events for one tenant cannot interleave. Mails go out only after the commit.
 * Writes as the system: the caller proved with Stripe's signature that the event is genuine.
 */
export async function processEvent(event: Stripe.Event, deps: WebhookDeps): Promise<Outcome> {
  if (!isHandled(event.type)) return 'ignored';
  const schema = await deps.getSchema();
  let work: Work | undefined;
  try {
    await deps.database.transaction(async (trx) => {
      const items = (collection: string) =>
        // system: the event is signed by Stripe (checked before); no user may write billing state.
        new deps.services.ItemsService(collection, { schema, knex: trx, accountability: null });
      await items('stripe_events').createOne({
        id: event.id,
        type: event.type,
        stripe_created: event.created,
        outcome: 'recorded',
        payload: summary(event.data.object as unknown as Record<string, unknown>),
      });
      work = await handle(event, new BillingData(deps.services, schema, trx), trx, schema, deps);
      await items('stripe_events').updateOne(event.id, { outcome: work.outcome, tenant: work.tenant });
    });
  } catch (error) {
    if (isDirectusError(error, 'RECORD_NOT_UNIQUE')) return 'duplicate';
    throw error;
  }
  const done = work as Work | undefined;
  if (done?.after) {
    await done
      .after()
      .catch((error: unknown) =>
        deps.logger.error(error, `Stripe-Ereignis ${event.id}: Benachrichtigung fehlgeschlagen`),
      );
  }
  return done?.outcome ?? 'recorded';
}

async function lockTenant(trx: Knex, id: string) {
  // PostgreSQL: wait for any other event of this tenant to commit. SQLite runs one writer at a time anyway.
  if (trx.client.config.client === 'pg') await trx('tenants').where('id', id).forUpdate().select('id');
}

async function tenantFor(d: BillingData, customer: string | null, hint: string | null | undefined) {
  if (customer) {
    const byCustomer = await d.tenantByCustomer(customer);
    if (byCustomer) return byCustomer;
  }
  // Metadata we set ourselves names the tenant; trust it only where no other customer is linked.
  if (hint && /^[0-9a-f-]{36}$/i.test(hint)) {
    const tenant = await d.tenant(hint);
    if (tenant && (!tenant.stripe_customer_id || tenant.stripe_customer_id === customer)) return tenant;
  }
  return undefined;
}

async function handle(
  event: Stripe.Event,
  d: BillingData,
  trx: Knex,
  schema: SchemaOverview,
  deps: WebhookDeps,
): Promise<Work> {
  const object = event.data.object as unknown as Record<string, unknown>;
  const items = (collection: string) =>
    // system: the event is signed by Stripe (checked before); no user may write billing state.
    new deps.services.ItemsService(collection, { schema, knex: trx, accountability: null });

  if (event.type === 'checkout.session.completed') {
    const session = event.data.object as Stripe.Checkout.Session;
    const customer = customerId(session.customer as string | { id: string } | null);
    const tenant = await tenantFor(d, customer, session.client_reference_id ?? session.metadata?.carbot_tenant);
    if (!tenant) return { outcome: 'unknown_tenant', tenant: null };
    await lockTenant(trx, tenant.id);
    const fresh = (await d.tenant(tenant.id)) as TenantRow;
    const patch: Record<string, unknown> = {};
    if (!fresh.stripe_customer_id && customer) patch.stripe_customer_id = customer;
    const subscription = customerId(session.subscription as string | { id: string } | null);
    if (!fresh.stripe_subscription_id && subscription) patch.stripe_subscription_id = subscription;
    const details = session.customer_details;
    const country = details?.address?.country;
    if (country) patch.billing_country = country;
    const vat = details?.tax_ids?.find((t) => t.value)?.value;
    if (vat) patch.vat_id = vat;
    if (details?.email && !fresh.billing_email) patch.billing_email = details.email;
    if (Object.keys(patch).length > 0) await items('tenants').updateOne(tenant.id, patch);
    return { outcome: 'applied', tenant: tenant.id };
  }

  if (STATE_EVENTS.has(event.type) || event.type === 'customer.subscription.trial_will_end') {
    const sub = object as unknown as SubscriptionLike;
    const customer = customerId(sub.customer);
    const found = await tenantFor(d, customer, sub.metadata?.carbot_tenant);
    if (!found) return { outcome: 'unknown_tenant', tenant: null };
    await lockTenant(trx, found.id);
    const tenant = (await d.tenant(found.id)) as TenantRow;

    if (event.type === 'customer.subscription.trial_will_end') {
      if (tenant.stripe_subscription_id && tenant.stripe_subscription_id !== sub.id)
        return { outcome: 'other_subscription', tenant: tenant.id };
      const trialEnd = sub.trial_end ? new Date(sub.trial_end * 1000) : null;
      if (!trialEnd) return { outcome: 'recorded', tenant: tenant.id };
      const mail = trialEndingMail({
        tenantName: tenant.name,
        trialEndsAt: trialEnd,
        hasSubscription: true,
        billingUrl: deps.billingUrl,
      });
      return {
        outcome: 'notified',
        tenant: tenant.id,
        after: () => notify(deps, tenant, mail, 'Ihre Testphase endet bald').then(() => undefined),
      };
    }

    const last = await lastEvent(items, tenant);
    const ref: EventRef = { id: event.id, type: event.type, created: event.created };
    const plans = await d.plans();
    const decision = decideSubscriptionEvent(ref, sub, { ...tenant, last }, plans);
    if (!decision.apply)
      return { outcome: decision.outcome === 'older' ? 'stale' : decision.outcome, tenant: tenant.id };
    const patch = subscriptionPatch(sub, plans);
    if (customer && !tenant.stripe_customer_id) Object.assign(patch, { stripe_customer_id: customer });
    await items('tenants').updateOne(tenant.id, {
      ...patch,
      stripe_state_at: event.created,
      stripe_state_event: event.id,
    });
    return { outcome: 'applied', tenant: tenant.id };
  }

  // invoice.paid / invoice.payment_failed
  const invoice = event.data.object as Stripe.Invoice;
  const customer = customerId(invoice.customer as string | { id: string } | null);
  const found = customer ? await d.tenantByCustomer(customer) : undefined;
  if (!found) return { outcome: 'unknown_tenant', tenant: null };
  const subscription = invoiceSubscription(invoice as never);
  if (found.stripe_subscription_id && subscription && subscription !== found.stripe_subscription_id)
    return { outcome: 'other_subscription', tenant: found.id };
  if (event.type === 'invoice.paid') return { outcome: 'recorded', tenant: found.id };

  const since = found.past_due_since ? new Date(found.past_due_since) : new Date(invoice.created * 1000);
  const mail = paymentFailedMail({
    tenantName: found.name,
    amountCents: typeof invoice.amount_due === 'number' ? invoice.amount_due : null,
    currency: invoice.currency ?? 'eur',
    graceEndsAt: new Date(since.getTime() + GRACE_DAYS * DAY),
    billingUrl: deps.billingUrl,
  });
  return {
    outcome: 'notified',
    tenant: found.id,
    after: () => notify(deps, found, mail, 'Zahlung fehlgeschlagen').then(() => undefined),
  };
}

/** The stored state's event, with its type for same-second ordering. */
async function lastEvent(
  items: (c: string) => { readByQuery(q: Record<string, unknown>): Promise<Record<string, unknown>[]> },
  tenant: TenantRow,
): Promise<EventRef | null> {
  if (!tenant.stripe_state_event || tenant.stripe_state_at === null) return null;
  const rows = await items('stripe_events').readByQuery({
    fields: ['type'],
    filter: { id: { _eq: tenant.stripe_state_event } },
    limit: 1,
  });
  return { id: tenant.stripe_state_event, created: tenant.stripe_state_at, type: String(rows[0]?.type ?? '') };
}

/**
 * Mails the tenant's owners and its billing address, and leaves a notice in each owner's admin. Returns
 * false (and sends nothing) when the tenant has no confirmed owner: an address nobody confirmed gets no mail.
 */
export async function notify(
  deps: Pick<WebhookDeps, 'services' | 'getSchema'>,
  tenant: Pick<TenantRow, 'id' | 'billing_email'>,
  mail: Mail,
  subject: string,
): Promise<boolean> {
  const schema = await deps.getSchema();
  // system: billing notices go to the tenant's owners whoever triggered them (Stripe, a scheduled job).
  const system = { schema, accountability: null };
  // system: the active owners of this tenant and their addresses, for the platform's mail.
  const owners = await new deps.services.ItemsService('directus_users', system).readByQuery({
    fields: ['id', 'email'],
    filter: { tenant: { _eq: tenant.id }, role: { _eq: ROLE.owner }, status: { _eq: 'active' } },
    limit: -1,
  });
  if (owners.length === 0) return false;
  const recipients = new Set(owners.map((o) => String(o.email ?? '').toLowerCase()).filter(Boolean));
  if (tenant.billing_email) recipients.add(tenant.billing_email.toLowerCase());
  const MailService = deps.services.MailService as new (
    o: unknown,
  ) => {
    send(m: Record<string, unknown>): Promise<unknown>;
  };
  // system: the platform's own mail to its customer.
  const mailer = new MailService(system);
  for (const to of recipients) await mailer.send({ to, subject: mail.subject, text: mail.text, html: mail.html });
  // system: a notice in each owner's admin, written by the platform.
  const notifications = new deps.services.ItemsService('directus_notifications', system);
  for (const owner of owners) {
    await notifications.createOne({
      recipient: owner.id,
      subject,
      message: mail.text.split('\n\n').slice(1, 3).join('\n\n'),
      collection: 'tenants',
      item: tenant.id,
    });
  }
  return true;
}

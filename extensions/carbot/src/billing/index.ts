import { centsOf, checkoutTrialEnd, type StripeSettings, stripeSettings } from '@carbot/core/billing/config';
import { COUNTED_LEAD_SOURCES, limitOf, netPriceLabel, type Plan } from '@carbot/core/billing/plans';
import { monthStart, OPEN_SUBSCRIPTION, serviceState } from '@carbot/core/billing/state';
import { defineEndpoint } from '@directus/extensions-sdk';
import type { Accountability, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import Stripe from 'stripe';
import { BillingData, normalisePlan, type ServicesLike, TENANT_FIELDS, type TenantRow } from '../shared/billing.js';
import { catching, httpError } from '../shared/errors.js';
import { isOwner, ok, publicUrl } from '../shared/http.js';
import { processEvent, type WebhookDeps } from './webhook.js';

type Req = {
  accountability?: Accountability | null;
  schema?: SchemaOverview;
  body?: unknown;
  rawBody?: Buffer;
  headers: Record<string, string | string[] | undefined>;
};

const PLAN_KEY = /^[a-z0-9][a-z0-9_-]{0,63}$/;

function stripeClient(settings: StripeSettings): Stripe | null {
  if (!settings.configured) return null;
  return new Stripe(settings.secretKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: 'CarBot' },
    ...(settings.host ? { host: settings.host } : {}),
    ...(settings.port ? { port: settings.port } : {}),
    ...(settings.protocol ? { protocol: settings.protocol } : {}),
  });
}

/**
 * Billing: Stripe webhook (public, signed), and for workshop owners the state of their subscription,
 * Stripe Checkout to subscribe and the Stripe Customer Portal to change plan, payment data or cancel.
 */
export default defineEndpoint({
  id: 'billing',
  handler: (endpointRouter, { services, getSchema, env, logger, database }) => {
    const router = catching(endpointRouter);
    const settings = stripeSettings(env);
    const stripe = stripeClient(settings);
    const webhookSecret = settings.configured ? settings.webhookSecret : null;
    const base = publicUrl(env);
    const billingUrl = `${base}/admin/carbot-billing`;
    const svc = services as unknown as ServicesLike;
    const knex = database as unknown as Knex;

    /** The caller's tenant when the caller is a workshop owner; refuses the request otherwise. */
    async function ownerTenant(req: Req): Promise<TenantRow> {
      const acc = req.accountability;
      if (!acc?.user) {
        throw httpError(401, 'INVALID_CREDENTIALS', 'Bitte melden Sie sich an.');
      }
      if (!isOwner(acc)) {
        throw httpError(403, 'FORBIDDEN', 'Nur Werkstattinhaber können Tarif und Abrechnung verwalten.');
      }
      const schema = req.schema ?? (await getSchema());
      // Read with the owner's own permissions: an owner sees exactly one tenant, their own.
      const rows = await new svc.ItemsService('tenants', { schema, accountability: acc }).readByQuery({
        fields: TENANT_FIELDS,
        limit: 1,
      });
      const tenant = rows[0] as TenantRow | undefined;
      if (!tenant) {
        throw httpError(403, 'FORBIDDEN', 'Ihr Benutzerkonto ist keinem Mandanten zugeordnet.');
      }
      return tenant;
    }

    router.post('/webhook', async (req, res) => {
      const request = req as unknown as Req;
      if (!stripe || !webhookSecret) {
        throw httpError(503, 'BILLING_NOT_CONFIGURED', 'Die Abrechnung ist auf diesem Server nicht eingerichtet.');
      }
      const signature = request.headers['stripe-signature'];
      if (typeof signature !== 'string' || signature === '') {
        throw httpError(400, 'INVALID_SIGNATURE', 'Die Stripe-Signatur fehlt.');
      }
      if (!Buffer.isBuffer(request.rawBody)) {
        throw httpError(400, 'INVALID_PAYLOAD', 'Erwartet wird ein JSON-Ereignis von Stripe.');
      }
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(request.rawBody, signature, webhookSecret);
      } catch {
        throw httpError(400, 'INVALID_SIGNATURE', 'Die Stripe-Signatur ist ungültig oder abgelaufen.');
      }
      const outcome = await processEvent(event, {
        services: svc,
        database: knex,
        getSchema,
        logger: logger as unknown as WebhookDeps['logger'],
        billingUrl,
      });
      return ok(res, { received: true, outcome });
    });

    router.get('/status', async (req, res) => {
      const request = req as unknown as Req;
      const tenant = await ownerTenant(request);
      const schema = request.schema ?? (await getSchema());
      const plans = (
        await new svc.ItemsService('plans', { schema, accountability: request.accountability ?? null }).readByQuery({
          limit: -1,
          sort: ['sort'],
        })
      ).map(normalisePlan);
      const plan = plans.find((p) => p.key === tenant.plan);
      const d = new BillingData(svc, schema);
      const [clientKeys, leads, locations, aiCost] = await Promise.all([
        d.count('client_keys', { tenant: { _eq: tenant.id }, status: { _eq: 'active' } }),
        d.count('leads', {
          tenant: { _eq: tenant.id },
          source: { _in: [...COUNTED_LEAD_SOURCES] },
          date_created: { _gte: monthStart().toISOString() },
        }),
        d.count('workshops', { tenant: { _eq: tenant.id }, status: { _neq: 'archived' } }),
        d.sum('messages', 'cost_eur', {
          tenant: { _eq: tenant.id },
          date_created: { _gte: monthStart().toISOString() },
        }),
      ]);
      const limit = (kind: 'client_keys' | 'leads_per_month' | 'locations') => (plan ? limitOf(plan, kind) : null);
      const state = serviceState(tenant);
      return ok(res, {
        configured: Boolean(stripe && webhookSecret),
        tenant: {
          name: tenant.name,
          plan: tenant.plan,
          status: tenant.subscription_status,
          trial_ends_at: tenant.trial_ends_at,
          current_period_end: tenant.current_period_end,
          cancel_at: tenant.cancel_at,
          past_due_since: tenant.past_due_since,
          billing_email: tenant.billing_email,
          vat_id: tenant.vat_id,
          has_customer: Boolean(tenant.stripe_customer_id),
          has_subscription:
            Boolean(tenant.stripe_subscription_id) && OPEN_SUBSCRIPTION.has(tenant.subscription_status ?? ''),
        },
        state: { phase: state.phase, live: state.live, banner: state.banner, grace_ends_at: state.graceEndsAt },
        usage: [
          { key: 'client_keys', label: 'Aktive Widget-Keys', used: clientKeys, limit: limit('client_keys') },
          { key: 'leads_per_month', label: 'Leads in diesem Monat', used: leads, limit: limit('leads_per_month') },
          { key: 'locations', label: 'Standorte', used: locations, limit: limit('locations') },
          {
            key: 'ai_cost',
            label: 'KI-Kosten des Chat-Assistenten in diesem Monat',
            used: Math.round(aiCost * 100) / 100,
            limit:
              plan?.ai_budget_eur === null || plan?.ai_budget_eur === undefined ? null : Number(plan.ai_budget_eur),
            unit: 'eur',
          },
        ],
        plans: plans.map((p) => publicPlan(p)),
      });
    });

    router.post('/checkout', async (req, res) => {
      const request = req as unknown as Req;
      const tenant = await ownerTenant(request);
      if (!stripe) return notConfigured();
      const body = (request.body ?? {}) as Record<string, unknown>;
      const key = body.plan;
      if (typeof key !== 'string' || !PLAN_KEY.test(key)) {
        throw httpError(400, 'INVALID_PAYLOAD', 'Bitte wählen Sie einen Tarif (basic, premium oder enterprise).');
      }
      const schema = request.schema ?? (await getSchema());
      const d = new BillingData(svc, schema);
      const plan = (await d.plans()).find((p) => p.key === key);
      if (!plan) throw httpError(400, 'INVALID_PAYLOAD', `Den Tarif „${key}“ gibt es nicht.`);
      if (tenant.stripe_subscription_id && OPEN_SUBSCRIPTION.has(tenant.subscription_status ?? '')) {
        throw httpError(
          409,
          'SUBSCRIPTION_EXISTS',
          'Sie haben bereits ein Abo. Tarifwechsel, Zahlungsdaten und Kündigung verwalten Sie im Kundenportal.',
        );
      }
      const trialEnd = tenant.stripe_subscription_id ? null : checkoutTrialEnd(tenant.trial_ends_at);
      const metadata = { carbot_tenant: tenant.id, carbot_plan: plan.key };
      let session: Stripe.Checkout.Session;
      try {
        const customer = await ensureCustomer(tenant, request.accountability ?? null, schema);
        session = await stripe.checkout.sessions.create({
          mode: 'subscription',
          customer,
          client_reference_id: tenant.id,
          locale: 'de',
          line_items: [{ ...priceOf(plan), quantity: 1 }],
          automatic_tax: { enabled: true },
          tax_id_collection: { enabled: true },
          billing_address_collection: 'required',
          customer_update: { address: 'auto', name: 'auto' },
          subscription_data: { metadata, ...(trialEnd ? { trial_end: trialEnd } : {}) },
          metadata,
          success_url: `${billingUrl}?checkout=success`,
          cancel_url: `${billingUrl}?checkout=canceled`,
        });
      } catch (error) {
        return stripeFailure(error);
      }
      if (!session.url) throw httpError(502, 'STRIPE_UNAVAILABLE', 'Stripe hat keine Checkout-Adresse geliefert.');
      return ok(res, { url: session.url });
    });

    router.post('/portal', async (req, res) => {
      const request = req as unknown as Req;
      const tenant = await ownerTenant(request);
      if (!stripe) return notConfigured();
      if (!tenant.stripe_customer_id) {
        throw httpError(409, 'NO_CUSTOMER', 'Es gibt noch kein Abo. Wählen Sie zuerst einen Tarif.');
      }
      try {
        const session = await stripe.billingPortal.sessions.create({
          customer: tenant.stripe_customer_id,
          return_url: billingUrl,
          locale: 'de',
        });
        return ok(res, { url: session.url });
      } catch (error) {
        return stripeFailure(error);
      }
    });

    function notConfigured(): never {
      throw httpError(
        503,
        'BILLING_NOT_CONFIGURED',
        'Die Online-Abrechnung ist noch nicht eingerichtet. Ihre Testphase läuft normal weiter.',
      );
    }

    /** Stripe down or refusing: the owner gets a plain answer, the log gets the details. */
    function stripeFailure(error: unknown): never {
      if (!(error instanceof Stripe.errors.StripeError)) throw error;
      logger.error(error, 'Stripe-Anfrage fehlgeschlagen');
      throw httpError(
        502,
        'STRIPE_UNAVAILABLE',
        'Die Verbindung zu unserem Zahlungsdienst Stripe ist gerade gestört. Bitte versuchen Sie es in ein paar Minuten erneut.',
      );
    }

    /**
     * One Stripe customer per tenant, created once: the idempotency key makes concurrent first clicks
     * create the same customer, and the id is stored only where none is stored yet. Written as the
     * system because owners cannot (and must not) edit Stripe ids themselves.
     */
    async function ensureCustomer(tenant: TenantRow, acc: Accountability | null, schema: SchemaOverview) {
      if (tenant.stripe_customer_id) return tenant.stripe_customer_id;
      const owner = acc?.user
        ? await new svc.ItemsService('directus_users', { schema, accountability: acc }).readOne(acc.user, {
            fields: ['email'],
          })
        : null;
      const created = await (stripe as Stripe).customers.create(
        {
          name: tenant.name,
          email: tenant.billing_email ?? (owner?.email as string | undefined),
          preferred_locales: ['de'],
          metadata: { carbot_tenant: tenant.id },
        },
        { idempotencyKey: `carbot-customer-${tenant.id}` },
      );
      // system: owners may not write Stripe ids; only the id Stripe just created is stored, and only once.
      const tenants = new svc.ItemsService('tenants', { schema, accountability: null });
      await tenants.updateByQuery(
        { filter: { id: { _eq: tenant.id }, stripe_customer_id: { _null: true } } },
        { stripe_customer_id: created.id },
      );
      const row = await tenants.readOne(tenant.id, { fields: ['stripe_customer_id'] });
      return (row.stripe_customer_id as string | null) ?? created.id;
    }
  },
});

/** A plan's Stripe price, or — when the platform has not created one — the net price inline. */
function priceOf(plan: Plan): Stripe.Checkout.SessionCreateParams.LineItem {
  if (plan.stripe_price_id) return { price: plan.stripe_price_id };
  return {
    price_data: {
      currency: 'eur',
      unit_amount: centsOf(plan.price_net),
      tax_behavior: 'exclusive',
      recurring: { interval: 'month' },
      product_data: { name: `CarBot ${plan.name}`, metadata: { carbot_plan: plan.key } },
    },
  };
}

function publicPlan(p: Plan) {
  return {
    key: p.key,
    name: p.name,
    price_net: Number(p.price_net),
    price_label: netPriceLabel(p),
    max_client_keys: p.max_client_keys,
    max_leads_per_month: p.max_leads_per_month,
    max_locations: p.max_locations,
    website: p.website,
    all_templates: p.all_templates,
    custom_templates: p.custom_templates,
    custom_domain: p.custom_domain,
    api_access: p.api_access,
  };
}

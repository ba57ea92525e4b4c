import {
  COUNTED_BOOKING_SOURCES,
  COUNTED_LEAD_SOURCES,
  checkApiAccess,
  checkCount,
  checkCustomDomains,
  checkTemplate,
  checkWebsite,
  domainList,
  type Plan,
  PlanLimitError,
} from '@carbot/core/billing/plans';
import { monthStart } from '@carbot/core/billing/state';
import { createError } from '@directus/errors';
import { defineHook } from '@directus/extensions-sdk';
import type { Accountability, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import { BillingData, normalisePlan, type ServicesLike } from '../shared/billing.js';

const LimitReached = createError<{ reason: string; limit: string }>('PLAN_LIMIT', ({ reason }) => reason, 403);
const ApiAccessDenied = createError<{ reason: string; limit: string }>('PLAN_LIMIT', ({ reason }) => reason, 403);

const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/**
 * Why a static token may not be used, or null. Read directly with one indexed query: this runs on
 * every request with a static token, before anyone is authenticated.
 */
async function apiRefusal(database: Knex, token: string): Promise<string | null> {
  let row: { tenant: string | null; key: string | null; api_access: unknown } | undefined;
  try {
    row = await database('directus_users as u')
      .leftJoin('tenants as t', 't.id', 'u.tenant')
      .leftJoin('plans as p', 'p.key', 't.plan')
      .select('u.tenant as tenant', 'p.key as key', 'p.api_access as api_access')
      .where('u.token', token)
      .first();
  } catch {
    // A fresh installation has no CarBot tables yet, and its admin token must work to create them. The
    // gate is a commercial limit, not an access rule (permissions still apply), so it stays open here.
    return null;
  }
  if (!row?.tenant) return null;
  if (row.api_access === true || row.api_access === 1) return null;
  const plans = (await database('plans').select('*')).map(normalisePlan);
  try {
    checkApiAccess(
      plans.find((p) => p.key === row.key),
      plans,
    );
    return null;
  } catch (error) {
    if (error instanceof PlanLimitError) return error.message;
    throw error;
  }
}

type Payload = Record<string, unknown>;
type Context = { accountability: Accountability | null; database: Knex; schema: SchemaOverview | null };
type Meta = { keys?: (string | number)[]; collection?: string };

/**
 * Enforces the plan limits on every write path: admin app, REST, GraphQL, imports, and server code such
 * as the chat endpoint (which writes as the system). Platform administrators are exempt on purpose —
 * support can grant an exception — every tenant user and every automated write is not.
 */
export default defineHook(({ filter }, { services, getSchema, database }) => {
  async function data(context: Context) {
    return new BillingData(
      services as unknown as ServicesLike,
      context.schema ?? (await getSchema()),
      context.database,
    );
  }

  /**
   * The tenant a new row counts against: the writing user's, or for server code the one stamped on the
   * row or owning its workshop. Null when there is none to check.
   */
  async function tenantFor(
    d: BillingData,
    context: Context,
    payload: Payload,
    parent?: unknown,
  ): Promise<string | null> {
    const acc = context.accountability;
    if (acc?.user) return d.tenantOfUser(acc.user);
    if (typeof payload.tenant === 'string') return payload.tenant;
    return parent === undefined ? null : d.tenantOfWorkshop(parent);
  }

  async function guard(context: unknown, work: () => Promise<void>) {
    if ((context as Context).accountability?.admin) return;
    try {
      await work();
    } catch (error) {
      if (error instanceof PlanLimitError) throw new LimitReached({ reason: error.message, limit: error.limit });
      throw error;
    }
  }

  const planFor = (d: BillingData, tenant: string) => d.planOf(tenant);

  filter<Payload>('client_keys.items.create', async (payload, _meta, context) => {
    if ((payload.status ?? 'active') !== 'active') return payload;
    await guard(context, async () => {
      const d = await data(context as Context);
      const tenant = await tenantFor(d, context as Context, payload, workshopId(payload.workshop));
      if (!tenant) return;
      const { plan, plans } = await planFor(d, tenant);
      const active = await d.count('client_keys', { tenant: { _eq: tenant }, status: { _eq: 'active' } });
      checkCount('client_keys', plan, active, plans);
    });
    return payload;
  });

  filter<Payload>('client_keys.items.update', async (payload, meta, context) => {
    if (payload.status !== 'active') return payload;
    await guard(context, async () => {
      const d = await data(context as Context);
      const keys = (meta as Meta).keys ?? [];
      const tenant = await tenantFor(d, context as Context, {}, undefined);
      const tenants = tenant ? [tenant] : await d.tenantsOfRows('client_keys', keys);
      for (const t of tenants) {
        const { plan, plans } = await planFor(d, t);
        const activeOthers = await d.count('client_keys', {
          tenant: { _eq: t },
          status: { _eq: 'active' },
          id: { _nin: keys },
        });
        const reactivated = await d.count('client_keys', { tenant: { _eq: t }, id: { _in: keys } });
        checkCount('client_keys', plan, activeOthers + reactivated - 1, plans);
      }
    });
    return payload;
  });

  /** Leads and online bookings of this calendar month share the plan's monthly lead limit. */
  const leadsThisMonth = async (d: BillingData, tenant: string) => {
    const since = monthStart().toISOString();
    const leads = await d.count('leads', {
      tenant: { _eq: tenant },
      source: { _in: [...COUNTED_LEAD_SOURCES] },
      date_created: { _gte: since },
    });
    const bookings = await d.count('appointments', {
      tenant: { _eq: tenant },
      source: { _in: [...COUNTED_BOOKING_SOURCES] },
      date_created: { _gte: since },
    });
    return leads + bookings;
  };

  for (const [collection, sources, fallback] of [
    ['leads', COUNTED_LEAD_SOURCES, 'manual'],
    ['appointments', COUNTED_BOOKING_SOURCES, 'phone'],
  ] as const) {
    filter<Payload>(`${collection}.items.create`, async (payload, _meta, context) => {
      const source = typeof payload.source === 'string' ? payload.source : fallback;
      if (!sources.includes(source)) return payload;
      await guard(context, async () => {
        const d = await data(context as Context);
        const tenant = await tenantFor(d, context as Context, payload, workshopId(payload.workshop));
        if (!tenant) return;
        const { plan, plans } = await planFor(d, tenant);
        checkCount('leads_per_month', plan, await leadsThisMonth(d, tenant), plans);
      });
      return payload;
    });
  }

  filter<Payload>('workshops.items.create', async (payload, _meta, context) => {
    await guard(context, async () => {
      const d = await data(context as Context);
      const tenant = await tenantFor(d, context as Context, payload);
      if (!tenant) return;
      const { plan, plans } = await planFor(d, tenant);
      if (payload.status !== 'archived') {
        const locations = await d.count('workshops', { tenant: { _eq: tenant }, status: { _neq: 'archived' } });
        checkCount('locations', plan, locations, plans);
      }
      await checkWorkshopFeatures(d, payload, plan, plans);
    });
    return payload;
  });

  filter<Payload>('workshops.items.update', async (payload, meta, context) => {
    const touches = ['status', 'template', 'custom_domains'].some((f) => f in payload);
    if (!touches) return payload;
    await guard(context, async () => {
      const d = await data(context as Context);
      const keys = (meta as Meta).keys ?? [];
      const own = await tenantFor(d, context as Context, {}, undefined);
      const tenants = own ? [own] : await d.tenantsOfRows('workshops', keys);
      for (const tenant of tenants) {
        const { plan, plans } = await planFor(d, tenant);
        if (payload.status !== undefined && payload.status !== 'archived') {
          const others = await d.count('workshops', {
            tenant: { _eq: tenant },
            status: { _neq: 'archived' },
            id: { _nin: keys },
          });
          const moving = await d.count('workshops', { tenant: { _eq: tenant }, id: { _in: keys } });
          checkCount('locations', plan, others + moving - 1, plans);
        }
        await checkWorkshopFeatures(d, payload, plan, plans);
      }
    });
    return payload;
  });

  /**
   * API access means calling CarBot with a user's static token. Tokens of tenant users are honoured only
   * while the tenant's plan includes API access, so a downgrade switches scripts off without touching
   * the token. Sessions of the admin app (JWTs) are not affected.
   */
  filter<Accountability>('authenticate', async (accountability, meta) => {
    const token = (meta as { req?: { token?: unknown } }).req?.token;
    if (typeof token !== 'string' || token === '' || JWT.test(token)) return accountability;
    const refusal = await apiRefusal(database as Knex, token);
    if (refusal) throw new ApiAccessDenied({ reason: refusal, limit: 'api_access' });
    return accountability;
  });

  async function checkWorkshopFeatures(d: BillingData, payload: Payload, plan: Plan | undefined, plans: Plan[]) {
    if (payload.status === 'published') checkWebsite(plan, plans);
    const template = typeof payload.template === 'string' ? payload.template : workshopId(payload.template);
    if (typeof template === 'string' && template !== '') {
      const row = await d.template(template);
      if (row) checkTemplate(plan, row, plans);
    }
    if ('custom_domains' in payload) checkCustomDomains(plan, domainList(payload.custom_domains), plans);
  }
});

const workshopId = (value: unknown): unknown =>
  value !== null && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value;

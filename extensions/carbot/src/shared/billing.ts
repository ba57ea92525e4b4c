import type { Plan } from '@carbot/core/billing/plans';
import type { BillingTenant } from '@carbot/core/billing/state';
import type { Accountability, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';

export type TenantRow = BillingTenant & {
  id: string;
  name: string;
  billing_email: string | null;
  billing_country: string | null;
  vat_id: string | null;
  stripe_customer_id: string | null;
  stripe_subscription_id: string | null;
  stripe_state_at: number | null;
  stripe_state_event: string | null;
  current_period_end: string | null;
  cancel_at: string | null;
};

export const TENANT_FIELDS = [
  'id',
  'name',
  'plan',
  'subscription_status',
  'trial_ends_at',
  'past_due_since',
  'current_period_end',
  'cancel_at',
  'billing_email',
  'billing_country',
  'vat_id',
  'stripe_customer_id',
  'stripe_subscription_id',
  'stripe_state_at',
  'stripe_state_event',
];

type Query = Record<string, unknown>;
type ItemsServiceLike = {
  readByQuery(query: Query): Promise<Record<string, unknown>[]>;
  readOne(key: string | number, query?: Query): Promise<Record<string, unknown>>;
  createOne(data: Record<string, unknown>): Promise<string | number>;
  updateOne(key: string | number, data: Record<string, unknown>): Promise<string | number>;
  updateByQuery(query: Query, data: Record<string, unknown>): Promise<(string | number)[]>;
};
export type ServicesLike = {
  ItemsService: new (
    collection: string,
    options: { schema: SchemaOverview; knex?: Knex; accountability: Accountability | null },
  ) => ItemsServiceLike;
} & Record<string, unknown>;

const BOOLEAN_FIELDS = ['website', 'all_templates', 'custom_templates', 'custom_domain', 'api_access'] as const;

export function normalisePlan(row: Record<string, unknown>): Plan {
  const plan = { ...row } as Record<string, unknown>;
  for (const field of BOOLEAN_FIELDS) plan[field] = plan[field] === true || plan[field] === 1 || plan[field] === '1';
  for (const field of ['max_client_keys', 'max_leads_per_month', 'max_locations', 'trial_days', 'sort']) {
    plan[field] = plan[field] === null || plan[field] === undefined ? null : Number(plan[field]);
  }
  return plan as Plan;
}

/**
 * Reads the billing facts of a tenant as the system. Limits and gates must count and read a tenant's
 * rows regardless of who triggers the check (a visitor's lead has no user at all); only the verdict
 * leaves these functions, never the rows.
 */
export class BillingData {
  private readonly services: ServicesLike;
  private readonly schema: SchemaOverview;
  private readonly knex: Knex | undefined;

  constructor(services: ServicesLike, schema: SchemaOverview, knex?: Knex) {
    this.services = services;
    this.schema = schema;
    this.knex = knex;
  }

  private items(collection: string) {
    // system: limits count a tenant's rows whoever asks (a visitor's lead has no user); only verdicts leave.
    return new this.services.ItemsService(collection, {
      schema: this.schema,
      accountability: null,
      ...(this.knex ? { knex: this.knex } : {}),
    });
  }

  async plans(): Promise<Plan[]> {
    return (await this.items('plans').readByQuery({ limit: -1, sort: ['sort'] })).map(normalisePlan);
  }

  async tenant(id: string): Promise<TenantRow | undefined> {
    const rows = await this.items('tenants').readByQuery({
      fields: TENANT_FIELDS,
      filter: { id: { _eq: id } },
      limit: 1,
    });
    const row = rows[0];
    if (!row) return undefined;
    row.stripe_state_at =
      row.stripe_state_at === null || row.stripe_state_at === undefined ? null : Number(row.stripe_state_at);
    return row as unknown as TenantRow;
  }

  async tenantByCustomer(customerId: string): Promise<TenantRow | undefined> {
    const rows = await this.items('tenants').readByQuery({
      fields: ['id'],
      filter: { stripe_customer_id: { _eq: customerId } },
      limit: 1,
    });
    const id = rows[0]?.id;
    return typeof id === 'string' ? this.tenant(id) : undefined;
  }

  async tenantOfUser(userId: string | null | undefined): Promise<string | null> {
    if (!userId) return null;
    const rows = await this.items('directus_users').readByQuery({
      fields: ['tenant'],
      filter: { id: { _eq: userId } },
      limit: 1,
    });
    return (rows[0]?.tenant as string | null | undefined) ?? null;
  }

  async tenantOfWorkshop(workshopId: unknown): Promise<string | null> {
    if (typeof workshopId !== 'string' || workshopId === '') return null;
    const rows = await this.items('workshops').readByQuery({
      fields: ['tenant'],
      filter: { id: { _eq: workshopId } },
      limit: 1,
    });
    return (rows[0]?.tenant as string | null | undefined) ?? null;
  }

  /** Tenants owning the given rows (for batch updates by server code). */
  async tenantsOfRows(collection: string, keys: (string | number)[]): Promise<string[]> {
    if (keys.length === 0) return [];
    const rows = await this.items(collection).readByQuery({
      fields: ['tenant'],
      filter: { id: { _in: keys } },
      limit: -1,
    });
    return [...new Set(rows.map((r) => r.tenant).filter((t): t is string => typeof t === 'string'))];
  }

  async template(key: string): Promise<{ key: string; name: string; min_plan: string | null } | undefined> {
    const rows = await this.items('site_templates').readByQuery({
      fields: ['key', 'name', 'min_plan'],
      filter: { key: { _eq: key } },
      limit: 1,
    });
    return rows[0] as { key: string; name: string; min_plan: string | null } | undefined;
  }

  async count(collection: string, filter: Record<string, unknown>): Promise<number> {
    const rows = await this.items(collection).readByQuery({ aggregate: { count: ['*'] }, filter, limit: -1 });
    const value = rows[0]?.count;
    return Number(typeof value === 'object' && value !== null ? Object.values(value)[0] : (value ?? 0));
  }

  async sum(collection: string, field: string, filter: Record<string, unknown>): Promise<number> {
    const rows = await this.items(collection).readByQuery({ aggregate: { sum: [field] }, filter, limit: -1 });
    const value = rows[0]?.sum;
    return Number(typeof value === 'object' && value !== null ? (Object.values(value)[0] ?? 0) : (value ?? 0));
  }

  /** The plan a tenant's limits come from, with all plans for upgrade hints. */
  async planOf(tenantId: string): Promise<{ tenant: TenantRow | undefined; plan: Plan | undefined; plans: Plan[] }> {
    const [tenant, plans] = await Promise.all([this.tenant(tenantId), this.plans()]);
    return { tenant, plan: plans.find((p) => p.key === tenant?.plan), plans };
  }
}

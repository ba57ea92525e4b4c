import type { BillingTenant } from '@carbot/core/billing/state';
import type { Knex } from 'knex';

export type AdmissionRow = BillingTenant & {
  /** Null for a workshop website's signed key. */
  key_id: string | null;
  workshop: string;
  tenant: string;
  allowed_origins: unknown;
  name: string;
  slug: string | null;
  workshop_status: string;
  phone: string | null;
  email: string | null;
  languages: unknown;
  color_primary: string | null;
  ai_budget_eur: number | string | null;
};

/**
 * Everything one widget request needs to know about its client key — workshop, billing state and AI
 * budget — in a single query. Every chat request runs this before anything else, and on SQLite all
 * queries share one connection, so one round trip instead of several is what keeps answers quick under load.
 */
export async function admission(db: Knex, key: string): Promise<AdmissionRow | undefined> {
  return (await db('client_keys as k')
    .join('workshops as w', 'w.id', 'k.workshop')
    .join('tenants as t', 't.id', 'w.tenant')
    .leftJoin('plans as p', 'p.key', 't.plan')
    .where({ 'k.key': key, 'k.status': 'active' })
    .first('k.id as key_id', 'k.allowed_origins', ...WORKSHOP_COLUMNS)) as AdmissionRow | undefined;
}

/** The same for a workshop's own website, whose key is not stored but signed (see siteKey in core). */
export async function siteAdmission(db: Knex, workshopId: string): Promise<AdmissionRow | undefined> {
  return (await db('workshops as w')
    .join('tenants as t', 't.id', 'w.tenant')
    .leftJoin('plans as p', 'p.key', 't.plan')
    .where('w.id', workshopId)
    .first(db.raw('null as key_id'), db.raw('null as allowed_origins'), ...WORKSHOP_COLUMNS)) as
    | AdmissionRow
    | undefined;
}

const WORKSHOP_COLUMNS = [
  'w.id as workshop',
  'w.tenant',
  'w.name',
  'w.slug',
  'w.status as workshop_status',
  'w.phone',
  'w.email',
  'w.languages',
  'w.color_primary',
  't.plan',
  't.subscription_status',
  't.trial_ends_at',
  't.past_due_since',
  't.cancel_at',
  't.stripe_subscription_id',
  'p.ai_budget_eur',
];

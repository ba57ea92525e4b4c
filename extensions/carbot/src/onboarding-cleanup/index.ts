import { abandonedBefore, isAbandoned } from '@carbot/core/onboarding/cleanup';
import { cronTick, withLease } from '@carbot/core/ops/lease';
import { defineHook } from '@directus/extensions-sdk';
import type { SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';

type Row = Record<string, unknown>;
type Items = {
  readByQuery(query: Record<string, unknown>): Promise<Row[]>;
  deleteMany(keys: string[]): Promise<unknown>;
  deleteOne(key: string): Promise<unknown>;
};

/**
 * Removes registrations nobody confirmed within a week (rule: core/src/onboarding/cleanup.ts): owner,
 * workshop and tenant together, or nothing. Runs once per cluster and tick, never overlapping itself (the
 * `onboarding-cleanup` lease; Directus's own synchronisation needs Redis);
 * each tenant goes in its own transaction, so one failure leaves the others and the next run retries it.
 */
export default defineHook(({ schedule }, { services, getSchema, database, env, logger }) => {
  const knex = database as unknown as Knex;
  const cron =
    typeof env.CARBOT_SIGNUP_CLEANUP_SCHEDULE === 'string' && env.CARBOT_SIGNUP_CLEANUP_SCHEDULE.trim() !== ''
      ? env.CARBOT_SIGNUP_CLEANUP_SCHEDULE
      : '41 * * * *';

  const system = (schema: SchemaOverview, trx?: Knex) => ({
    schema,
    // system: a scheduled job of the platform; it only ever removes accounts nobody has confirmed.
    accountability: null,
    ...(trx ? { knex: trx } : {}),
  });
  const items = (collection: string, schema: SchemaOverview, trx?: Knex) =>
    new (services.ItemsService as new (c: string, o: unknown) => Items)(collection, system(schema, trx));
  const users = (schema: SchemaOverview, trx: Knex) =>
    new (services.UsersService as new (o: unknown) => Items)(system(schema, trx));

  /** Everything the rule needs about one tenant, read inside `trx` when given. */
  async function pending(schema: SchemaOverview, tenantId: string, trx?: Knex) {
    const [tenant] = await items('tenants', schema, trx).readByQuery({
      fields: ['id', 'name', 'date_created', 'stripe_customer_id', 'stripe_subscription_id'],
      filter: { id: { _eq: tenantId } },
      limit: 1,
    });
    if (!tenant) return null;
    const members = await items('directus_users', schema, trx).readByQuery({
      fields: ['id', 'status'],
      filter: { tenant: { _eq: tenantId } },
      limit: -1,
    });
    return {
      name: String(tenant.name ?? ''),
      userIds: members.map((u: Row) => String(u.id)),
      registration: {
        createdAt: (tenant.date_created as string | null) ?? null,
        stripeCustomerId: (tenant.stripe_customer_id as string | null) ?? null,
        stripeSubscriptionId: (tenant.stripe_subscription_id as string | null) ?? null,
        users: members.map((u: Row) => ({ status: (u.status as string | null) ?? null })),
      },
    };
  }

  schedule(cron, async () => {
    await withLease(
      knex,
      'onboarding-cleanup',
      { ttlMs: 5 * 60_000, tick: cronTick(cron, Date.now()) },
      removeAbandoned,
    );
  });

  async function removeAbandoned() {
    const schema: SchemaOverview = await getSchema();
    const now = new Date();
    // Start from unconfirmed users (few) rather than from all tenants (many).
    const candidates = await items('directus_users', schema).readByQuery({
      fields: ['tenant'],
      filter: {
        status: { _eq: 'unverified' },
        tenant: { date_created: { _lt: abandonedBefore(now).toISOString() } },
      },
      limit: 200,
    });
    const tenantIds = [
      ...new Set(candidates.map((u: Row) => u.tenant).filter((t): t is string => typeof t === 'string')),
    ];
    for (const tenantId of tenantIds) {
      try {
        const removed = await knex.transaction(async (trx) => {
          // Read again inside the transaction: the owner may have confirmed a moment ago.
          const found = await pending(schema, tenantId, trx);
          if (!found || !isAbandoned(found.registration, now)) return null;
          // Claim the users while they are still unconfirmed; a confirmation racing us makes the count
          // differ, and the whole removal is rolled back.
          const claimed = await trx('directus_users')
            .whereIn('id', found.userIds)
            .andWhere('status', 'unverified')
            .update({ status: 'suspended' });
          if (claimed !== found.userIds.length) throw new Error('Konto wurde inzwischen bestätigt');
          await users(schema, trx).deleteMany(found.userIds);
          const workshops = items('workshops', schema, trx);
          const ids = (
            await workshops.readByQuery({ fields: ['id'], filter: { tenant: { _eq: tenantId } }, limit: -1 })
          ).map((w: Row) => String(w.id));
          if (ids.length) await workshops.deleteMany(ids);
          await items('tenants', schema, trx).deleteOne(tenantId);
          return found.name;
        });
        if (removed !== null) logger.info(`Unbestätigte Registrierung entfernt: ${removed} (${tenantId})`);
      } catch (error) {
        logger.warn(`Unbestätigte Registrierung ${tenantId} nicht entfernt: ${(error as Error).message}`);
      }
    }
  }
});

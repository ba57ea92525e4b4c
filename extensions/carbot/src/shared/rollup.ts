/**
 * Rolling raw analytics events up into `analytics_daily`: one day at a time, in a transaction that replaces
 * the day's rows (a rerun after new events never doubles anything). Today and yesterday are rolled up on
 * every run (late events, the salt's grace period), older days once, when they have never been.
 */
import { type PathCount, type RollupRow, rollupRows, type TypeCount } from '@carbot/core/analytics/rollup';
import { berlinDay } from '@carbot/core/analytics/visitor';
import type { Knex } from 'knex';

export async function rollupDay(db: Knex, day: string): Promise<number> {
  return db.transaction(async (trx) => {
    const types = (await trx('analytics_events')
      .select('tenant', 'workshop', 'type')
      .count({ n: '*' })
      .countDistinct({ visitors: 'visitor' })
      .where('day', day)
      .whereNotNull('tenant')
      .groupBy('tenant', 'workshop', 'type')) as TypeCount[];
    const paths = (await trx('analytics_events')
      .select('tenant', 'workshop', 'path')
      .count({ n: '*' })
      .where('day', day)
      .where('type', 'page_view')
      .whereNotNull('tenant')
      .whereNotNull('path')
      .groupBy('tenant', 'workshop', 'path')) as PathCount[];
    const rows: RollupRow[] = rollupRows(
      day,
      types.map((t) => ({ ...t, tenant: String(t.tenant), workshop: String(t.workshop) })),
      paths.map((p) => ({ ...p, tenant: String(p.tenant), workshop: String(p.workshop) })),
    );
    await trx('analytics_daily').where('day', day).del();
    // 6 columns per row: 150 rows stay under SQLite's 999 bindings.
    for (let i = 0; i < rows.length; i += 150) await trx('analytics_daily').insert(rows.slice(i, i + 150));
    return rows.length;
  });
}

/** Days to roll up now: today, yesterday, and any day with raw events but no rollup yet. */
export async function dueDays(db: Knex, now: number = Date.now()): Promise<string[]> {
  const recent = [berlinDay(now - 86_400_000), berlinDay(now)];
  const missing = (await db('analytics_events')
    .distinct('day')
    .whereNotNull('day')
    .whereNotIn('day', db('analytics_daily').distinct('day'))
    .orderBy('day')
    .limit(400)
    .pluck('day')) as string[];
  return [...new Set([...missing.map(String), ...recent])].sort();
}

export async function rollupDue(db: Knex, now: number = Date.now()): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const day of await dueDays(db, now)) out[day] = await rollupDay(db, day);
  return out;
}

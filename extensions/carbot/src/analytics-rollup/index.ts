import { cronTick, withLease } from '@carbot/core/ops/lease';
import { defineHook } from '@directus/extensions-sdk';
import type { Knex } from 'knex';
import { rollupDue } from '../shared/rollup.js';

/**
 * Rolls the raw analytics events up per day (`analytics_daily`) every few minutes, once per cluster and
 * tick (the `analytics-rollup` lease). The dashboard reads past days from the rollups and today from the
 * raw events; the nightly retention purge removes raw events, never rollups.
 */
export default defineHook(({ schedule }, { database, env, logger }) => {
  const db = database as unknown as Knex;
  const cron =
    typeof env.CARBOT_ANALYTICS_ROLLUP_SCHEDULE === 'string' && env.CARBOT_ANALYTICS_ROLLUP_SCHEDULE.trim() !== ''
      ? env.CARBOT_ANALYTICS_ROLLUP_SCHEDULE
      : '*/5 * * * *';
  schedule(cron, async () => {
    try {
      await withLease(db, 'analytics-rollup', { ttlMs: 5 * 60_000, tick: cronTick(cron, Date.now()) }, () =>
        rollupDue(db),
      );
    } catch (error) {
      logger.error(`Statistik-Tageswerte: ${(error as Error).message}`);
    }
  });
});

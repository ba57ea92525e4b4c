import { cronTick } from '@carbot/core/ops/lease';
import { defineHook } from '@directus/extensions-sdk';
import type { Knex } from 'knex';
import { runRetention } from '../shared/privacy.js';

/**
 * The nightly retention purge: conversations, leads, orphaned consents and old notification mails past
 * each tenant's retention are erased, counts logged per tenant and kept as the job's last report. Once
 * per night across the cluster through its lease in the database, with the cron time as tick (Directus's
 * own schedule synchronisation needs Redis).
 */
export default defineHook(({ schedule }, { database, env, logger }) => {
  const db = database as unknown as Knex;
  const cron =
    typeof env.CARBOT_RETENTION_SCHEDULE === 'string' && env.CARBOT_RETENTION_SCHEDULE.trim()
      ? env.CARBOT_RETENTION_SCHEDULE
      : '23 3 * * *';
  schedule(cron, async () => {
    try {
      const run = await runRetention(db, cronTick(cron, Date.now()));
      if (!run.ran) return;
      for (const [tenant, counts] of Object.entries(run.value.tenants)) {
        const removed = Object.entries(counts).filter(([, n]) => n > 0);
        if (removed.length)
          logger.info(`Aufbewahrung: Mandant ${tenant} – ${removed.map(([k, n]) => `${k} ${n}`).join(', ')}`);
      }
    } catch (error) {
      logger.error(`Aufbewahrung: ${(error as Error).message}`);
    }
  });
});

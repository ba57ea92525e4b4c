import { hostname } from 'node:os';
import { defineHook } from '@directus/extensions-sdk';
import type { Knex } from 'knex';
import { purgeAll, withLease } from '../shared/privacy.js';

/**
 * The nightly retention purge: conversations, leads, orphaned consents and old notification mails past
 * each tenant's retention are erased, counts logged per tenant and kept as the job's last report. Once
 * per cluster through a lease in the database (Directus's own schedule synchronisation needs Redis).
 */
export default defineHook(({ schedule }, { database, env, logger }) => {
  const db = database as unknown as Knex;
  const cron =
    typeof env.CARBOT_RETENTION_SCHEDULE === 'string' && env.CARBOT_RETENTION_SCHEDULE.trim()
      ? env.CARBOT_RETENTION_SCHEDULE
      : '23 3 * * *';
  const holder = `${hostname()}:${process.pid}`;
  schedule(cron, async () => {
    try {
      await withLease(db, 'retention', holder, async () => {
        const report = await purgeAll(db);
        for (const [tenant, counts] of Object.entries(report.tenants)) {
          const removed = Object.entries(counts).filter(([, n]) => n > 0);
          if (removed.length)
            logger.info(`Aufbewahrung: Mandant ${tenant} – ${removed.map(([k, n]) => `${k} ${n}`).join(', ')}`);
        }
        return report;
      });
    } catch (error) {
      logger.error(`Aufbewahrung: ${(error as Error).message}`);
    }
  });
});

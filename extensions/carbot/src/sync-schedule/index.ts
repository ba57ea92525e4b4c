import { LEASES_TABLE } from '@carbot/core/ops/lease';
import { isDue } from '@carbot/core/sync/schedule';
import { defineHook } from '@directus/extensions-sdk';
import type { Knex } from 'knex';
import { syncContext } from '../shared/sync-context.js';
import { runFeed } from '../shared/sync-feed.js';

/**
 * Pulls the feeds that are due. Every instance looks every minute; the feed's lease in the database makes
 * sure exactly one of them runs a feed, and the due check is repeated under the lease, so a feed another
 * instance just finished is not pulled twice.
 */
export default defineHook(({ schedule }, { services, getSchema, database, env, emitter, logger }) => {
  const db = database as unknown as Knex;
  // Nobody waits for a scheduled run: a feed whose lease is taken is simply someone else's this time.
  const base = syncContext({ services, getSchema, database, env: env as Record<string, unknown>, emitter });
  const ctx = { ...base, settings: { ...base.settings, leaseWaitMs: 0 } };
  const cron =
    typeof env.CARBOT_SYNC_SCHEDULE === 'string' && env.CARBOT_SYNC_SCHEDULE.trim() !== ''
      ? env.CARBOT_SYNC_SCHEDULE
      : '* * * * *';
  let running = false;

  schedule(cron, async () => {
    if (running) return;
    running = true;
    try {
      // Directus starts before our migrations on a fresh installation.
      if (!(await db.schema.hasTable(LEASES_TABLE))) return;
      const feeds = (await db('inventory_feeds')
        .select('id', 'schedule', 'last_run_at')
        .where({ mode: 'pull' })
        .whereNot('status', 'paused')
        .whereNotNull('url')) as { id: string; schedule: string | null; last_run_at: unknown }[];
      const now = new Date();
      for (const feed of feeds) {
        const last = feed.last_run_at ? new Date(feed.last_run_at as string) : null;
        if (!isDue(last, feed.schedule, now)) continue;
        try {
          await runFeed(ctx, feed.id, 'schedule', { pull: true }, false, (fresh) =>
            isDue(fresh.last_run_at ? new Date(fresh.last_run_at) : null, fresh.schedule, new Date()),
          );
        } catch (error) {
          logger.warn(`Feed ${feed.id}: ${(error as Error).message}`);
        }
      }
    } finally {
      running = false;
    }
  });
});

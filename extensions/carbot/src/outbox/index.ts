import { withLease } from '@carbot/core/ops/lease';
import { defineHook } from '@directus/extensions-sdk';
import type { Knex } from 'knex';
import { installShutdown, isDraining, track } from '../shared/lifecycle.js';
import { deliverDue } from '../shared/outbox.js';

/**
 * Works the mail outbox: every few seconds, due mails go out through Directus's mailer; failures are
 * retried with growing pauses. Every instance ticks; the `outbox` lease lets one of them work at a time
 * (never two overlapping runs), and each row is claimed before it is sent, so nothing goes out twice.
 */
export default defineHook(({ init }, { services, getSchema, database, env, logger }) => {
  const interval = Number(env.CARBOT_OUTBOX_INTERVAL_MS ?? 5000);
  const baseDelay = Number(env.CARBOT_OUTBOX_RETRY_MS ?? 30_000);
  let running = false;
  const knex = database as unknown as Knex;
  init('app.after', () => {
    try {
      installShutdown(knex, Number(env.CARBOT_SHUTDOWN_WORK_MS ?? 10_000));
    } catch (error) {
      logger.warn(`Geordnetes Beenden nicht eingerichtet: ${(error as Error).message}`);
    }
    const timer = setInterval(async () => {
      if (running || isDraining()) return;
      running = true;
      try {
        // system: notifications are sent on behalf of the platform, not of a user.
        const mailer = new services.MailService({ schema: await getSchema(), knex: database });
        await track(
          withLease(knex, 'outbox', { ttlMs: 60_000 }, () => deliverDue(knex, mailer, baseDelay, 20, isDraining)),
        );
      } catch (error) {
        logger.warn(`Mail-Ausgang: ${(error as Error).message}`);
      } finally {
        running = false;
      }
    }, interval);
    timer.unref();
  });
});

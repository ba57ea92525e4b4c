import { defineHook } from '@directus/extensions-sdk';
import type { Knex } from 'knex';
import { deliverDue } from '../shared/outbox.js';

/**
 * Works the mail outbox: every few seconds, due mails go out through Directus's mailer; failures are
 * retried with growing pauses. Runs on every instance; rows are claimed, so nothing is sent twice.
 */
export default defineHook(({ init }, { services, getSchema, database, env, logger }) => {
  const interval = Number(env.CARBOT_OUTBOX_INTERVAL_MS ?? 5000);
  const baseDelay = Number(env.CARBOT_OUTBOX_RETRY_MS ?? 30_000);
  let running = false;
  init('app.after', () => {
    const timer = setInterval(async () => {
      if (running) return;
      running = true;
      try {
        // system: notifications are sent on behalf of the platform, not of a user.
        const mailer = new services.MailService({ schema: await getSchema(), knex: database });
        await deliverDue(database as unknown as Knex, mailer, baseDelay);
      } catch (error) {
        logger.warn(`Mail-Ausgang: ${(error as Error).message}`);
      } finally {
        running = false;
      }
    }, interval);
    timer.unref();
  });
});

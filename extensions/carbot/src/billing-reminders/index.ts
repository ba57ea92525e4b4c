import { trialEndingMail } from '@carbot/core/billing/mails';
import { cronTick, withLease } from '@carbot/core/ops/lease';
import { ROLE } from '@carbot/core/roles';
import { defineHook } from '@directus/extensions-sdk';
import type { SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import { notify } from '../billing/webhook.js';
import type { ServicesLike } from '../shared/billing.js';
import { publicUrl } from '../shared/http.js';

const REMIND_BEFORE_MS = 3 * 86_400_000;

/**
 * Stripe reminds about trials it knows (trial_will_end). A trial that started at registration has no
 * subscription yet, so CarBot reminds the owner itself, once, three days before it ends. The job runs
 * once per cluster and tick (the `trial-reminders` lease); the stamp on the tenant keeps it to one mail.
 */
export default defineHook(({ schedule }, { services, getSchema, database, env, logger }) => {
  const svc = services as unknown as ServicesLike;
  const billingUrl = `${publicUrl(env)}/admin/carbot-billing`;
  const cron =
    typeof env.CARBOT_TRIAL_REMINDER_SCHEDULE === 'string' && env.CARBOT_TRIAL_REMINDER_SCHEDULE.trim() !== ''
      ? env.CARBOT_TRIAL_REMINDER_SCHEDULE
      : '17 * * * *';

  schedule(cron, async () => {
    await withLease(
      database as unknown as Knex,
      'trial-reminders',
      { ttlMs: 5 * 60_000, tick: cronTick(cron, Date.now()) },
      remind,
    );
  });

  async function remind() {
    const schema: SchemaOverview = await getSchema();
    // system: a scheduled job acts for the platform; it only reads billing facts and stamps its own field.
    const tenants = new svc.ItemsService('tenants', { schema, accountability: null });
    const now = new Date();
    const due = await tenants.readByQuery({
      fields: ['id', 'name', 'billing_email', 'trial_ends_at'],
      filter: {
        subscription_status: { _eq: 'trialing' },
        stripe_subscription_id: { _null: true },
        trial_reminder_at: { _null: true },
        trial_ends_at: { _between: [now.toISOString(), new Date(now.getTime() + REMIND_BEFORE_MS).toISOString()] },
      },
      limit: 200,
    });
    // system: the reminder goes to each tenant's owners; a scheduled job has no user.
    const users = new svc.ItemsService('directus_users', { schema, accountability: null });
    for (const row of due) {
      const id = String(row.id);
      // An address nobody confirmed gets no mail; the reminder waits until an owner has confirmed.
      const confirmed = await users.readByQuery({
        fields: ['id'],
        filter: { tenant: { _eq: id }, role: { _eq: ROLE.owner }, status: { _eq: 'active' } },
        limit: 1,
      });
      if (confirmed.length === 0) continue;
      await tenants.updateOne(id, { trial_reminder_at: now.toISOString() });
      const mail = trialEndingMail({
        tenantName: String(row.name),
        trialEndsAt: new Date(String(row.trial_ends_at)),
        hasSubscription: false,
        billingUrl,
      });
      try {
        const sent = await notify(
          { services: svc, getSchema },
          { id, billing_email: (row.billing_email as string | null) ?? null },
          mail,
          'Ihre Testphase endet bald',
        );
        if (!sent) await tenants.updateOne(id, { trial_reminder_at: null });
      } catch (error) {
        // Unstamp, so the next run tries again rather than the owner never hearing about it.
        await tenants.updateOne(id, { trial_reminder_at: null });
        logger.warn(`Erinnerung Testphase für ${id} nicht gesendet: ${(error as Error).message}`);
      }
    }
  }
});

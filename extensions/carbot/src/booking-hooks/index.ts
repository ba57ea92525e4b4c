import { appointmentMail, type MailKind } from '@carbot/core/booking/mails';
import { isActive, mailForChange, REMINDER_LEAD_MS, reminderDue } from '@carbot/core/booking/rules';
import { peakLoad } from '@carbot/core/booking/slots';
import { manageUrl } from '@carbot/core/booking/texts';
import { changeDeadline, manageToken, signedToken } from '@carbot/core/booking/tokens';
import { pickLanguage } from '@carbot/core/chat/language';
import { workshopSiteOrigin } from '@carbot/core/chat/privacy';
import { withLease } from '@carbot/core/ops/lease';
import { isSecretField } from '@carbot/core/secret-fields';
import { createError, ForbiddenError } from '@directus/errors';
import { defineHook } from '@directus/extensions-sdk';
import type { Accountability } from '@directus/types';
import type { Knex } from 'knex';
import {
  bookableServices,
  bookingWorkshop,
  busyOf,
  icsAttachment,
  instant,
  lockWorkshop,
  serviceDuration,
} from '../shared/booking.js';
import { deliverDue, enqueueMail } from '../shared/outbox.js';

const Overbooked = createError<{ reason: string }>('BOOKING_CONFLICT', ({ reason }) => reason, 409);
const Invalid = createError<{ reason: string }>('INVALID_PAYLOAD', ({ reason }) => reason, 400);

type Payload = Record<string, unknown>;
type Context = { accountability: Accountability | null; database: Knex };

const TIME_FIELDS = ['start', 'end', 'service', 'status'];

/**
 * Staff's side of booking, on every write path of the admin (and REST/GraphQL):
 * - a phone booking or a moved appointment gets its end from the service and is refused when it would put
 *   more cars into the shop than there are bays;
 * - confirming, declining or cancelling mails the customer (a confirmation with its .ics), in one action;
 * - confirmations are decided inside a transaction holding the workshop's booking lock, counting confirmed
 *   appointments and blocked times, so of two overlapping requests staff can confirm only as many as fit;
 * - the reminder 24 hours before goes out exactly once, whichever instance gets there first.
 * Visitor bookings (the /booking endpoint, as the system) are checked there and pass through here.
 */
export default defineHook(({ filter, init }, { services, getSchema, database, env, logger }) => {
  const db = database as unknown as Knex;
  const secret = String(env.SECRET ?? 'carbot');
  const sites = {
    domain: String(env.SITES_DOMAIN ?? 'localhost'),
    port: String(env.SITES_PUBLIC_PORT ?? env.SITES_PORT ?? '4321'),
  };
  const retryBase = Number(env.CARBOT_OUTBOX_RETRY_MS ?? 30_000);

  const byStaff = (context: unknown) => Boolean((context as Context).accountability?.user);

  /** End and busy-until of an appointment from its service, unless the payload sets the end itself. */
  async function withTimes(knex: Knex, merged: Payload, payload: Payload): Promise<Payload> {
    const start = instant(merged.start);
    if (!start) throw new Invalid({ reason: 'Bitte geben Sie den Beginn des Termins an.' });
    const duration = await serviceDuration(knex, merged.service);
    const end =
      instant(payload.end) ??
      (duration ? new Date(start.getTime() + duration.durationMinutes * 60_000) : instant(merged.end));
    if (!end || end <= start) throw new Invalid({ reason: 'Das Ende des Termins muss nach dem Beginn liegen.' });
    const busyUntil = new Date(end.getTime() + (duration?.bufferMinutes ?? 0) * 60_000);
    return { ...payload, start, end, busy_until: busyUntil };
  }

  /** What an update may carry on: busy_until is not staff's to write, the hook writes it itself. */
  function forUpdate(payload: Payload): Payload {
    const { busy_until: _omit, ...rest } = payload;
    return rest;
  }

  /**
   * Within a transaction holding the workshop's lock: would this appointment overbook? `confirming` counts
   * only confirmed appointments (requests do not stand in the way of confirming another request).
   */
  async function assertCapacity(
    trx: Knex.Transaction,
    workshopId: string,
    appointment: { id: string | null; start: Date; busyUntil: Date },
    confirming: boolean,
  ) {
    const w = await bookingWorkshop(trx, workshopId);
    if (!w) return;
    await lockWorkshop(trx, workshopId);
    let busy = await busyOf(trx, workshopId, appointment.start, appointment.busyUntil, appointment.id);
    if (confirming) {
      const confirmed = new Set(
        (
          await trx('appointments')
            .where({ workshop: workshopId, status: 'confirmed' })
            .where('start', '<', appointment.busyUntil)
            .select('start')
        ).map((r) => instant(r.start)?.getTime()),
      );
      const blocks = await trx('booking_blocks')
        .where({ workshop: workshopId })
        .where('start', '<', appointment.busyUntil)
        .where('end', '>', appointment.start)
        .select('start');
      const blockStarts = new Set(blocks.map((b) => instant(b.start)?.getTime()));
      busy = busy.filter(
        (b) => (b.bays === 1 && confirmed.has(b.start.getTime())) || blockStarts.has(b.start.getTime()),
      );
    }
    const load = peakLoad(busy, appointment.start, appointment.busyUntil);
    if (load + 1 > w.config.settings.capacity) {
      throw new Overbooked({
        reason: `Zu dieser Zeit sind bereits alle ${w.config.settings.capacity} Arbeitsplätze belegt (Termine oder gesperrte Zeiten). Bitte wählen Sie eine andere Zeit.`,
      });
    }
  }

  filter<Payload>('appointments.items.create', async (payload, _meta, context) => {
    if (!byStaff(context)) return payload;
    // Directus checks field permissions after this filter: a payload it would refuse must not get a
    // different answer from our checks first (a 400 here would tell apart what a 403 hides).
    if (Object.keys(payload).some((field) => isSecretField('appointments', field))) throw new ForbiddenError();
    const knex = (context as Context).database;
    const status = typeof payload.status === 'string' ? payload.status : 'confirmed';
    const timed = await withTimes(
      knex,
      { ...payload, status },
      { ...payload, status, source: payload.source ?? 'phone' },
    );
    if (isActive(status) && typeof payload.workshop === 'string') {
      // Directus runs this filter inside the transaction that inserts the row: lock, check and insert
      // commit together, as for a visitor's booking.
      const check = (trx: Knex.Transaction) =>
        assertCapacity(
          trx,
          payload.workshop as string,
          { id: null, start: timed.start as Date, busyUntil: timed.busy_until as Date },
          false,
        );
      if (knex.isTransaction) await check(knex as Knex.Transaction);
      else await db.transaction(check);
    }
    return timed;
  });

  filter<Payload>('appointments.items.update', async (payload, meta, context) => {
    if (!byStaff(context) || !TIME_FIELDS.some((f) => f in payload)) return payload;
    const keys = ((meta as { keys?: (string | number)[] }).keys ?? []).map(String);
    const knex = (context as Context).database;
    let result = payload;
    for (const id of keys) {
      const row = await knex('appointments').where({ id }).first();
      if (!row) continue;
      const merged = { ...row, ...payload };
      const timed = TIME_FIELDS.slice(0, 3).some((f) => f in payload)
        ? await withTimes(knex, merged, payload)
        : payload;
      const next = { ...row, ...timed };
      const mail = mailForChange(row.status, next.status);
      const moved = 'start' in payload || 'end' in payload || 'service' in payload;
      if (!mail && !moved) {
        result = forUpdate(timed);
        continue;
      }
      // Decide and write under the lock; Directus then writes the same values again.
      await db.transaction(async (trx) => {
        const start = instant(next.start) as Date;
        const busyUntil = instant(next.busy_until) ?? (instant(next.end) as Date);
        if (isActive(next.status) && (moved || mail === 'confirmed' || !isActive(row.status))) {
          await assertCapacity(trx, String(row.workshop), { id, start, busyUntil }, next.status === 'confirmed');
        }
        // The same link as in the "request received" mail (see manageToken): that mail's link keeps working.
        const token = mail === 'confirmed' ? manageToken(secret, id) : null;
        await trx('appointments')
          .where({ id })
          .update({
            status: next.status,
            start,
            end: instant(next.end),
            busy_until: busyUntil,
            ...(token ? { cancel_token_hash: token.hash } : isActive(next.status) ? {} : { cancel_token_hash: null }),
          });
        if (mail) await customerMail(trx, { ...next, id }, mail, token?.token ?? null);
      });
      result = forUpdate(timed);
    }
    if (keys.length > 0) flushOutbox();
    return result;
  });

  /** Queues the customer's mail about an appointment (in the language they booked in). */
  async function customerMail(trx: Knex, row: Payload & { id: string }, kind: MailKind, token: string | null) {
    if (!row.customer_email) return;
    const w = await bookingWorkshop(trx, String(row.workshop));
    if (!w) return;
    const language = pickLanguage(row.language, undefined);
    const [service] = await bookableServices(trx, w.id, language, String(row.service), true);
    const start = instant(row.start) as Date;
    const end = instant(row.end) as Date;
    const deadline = changeDeadline(start, w.config.cancelHours);
    const origin = w.slug ? workshopSiteOrigin(w.slug, sites) : null;
    const link =
      token && origin && deadline > new Date()
        ? manageUrl(origin, language, row.id, signedToken(secret, row.id, token))
        : null;
    const mail = appointmentMail(kind, language, {
      workshop: { name: w.name, phone: w.phone, address: w.address },
      service: service?.name ?? '',
      start,
      end,
      name: String(row.customer_name ?? ''),
      manageUrl: link,
      manageUntil: link ? deadline : null,
    });
    const ics =
      kind === 'confirmed' || kind === 'cancelled'
        ? [
            icsAttachment(
              w,
              service?.name ?? '',
              row.id,
              { start, end },
              kind === 'cancelled' ? 1 : 0,
              kind === 'cancelled',
            ),
          ]
        : undefined;
    await enqueueMail(trx, {
      tenant: w.tenant,
      to: String(row.customer_email),
      subject: mail.subject,
      text: mail.text,
      ...(ics ? { attachments: ics } : {}),
    });
  }

  function flushOutbox() {
    void (async () => {
      // system: customer mails are sent on behalf of the platform, not of the staff member.
      const mailer = new services.MailService({ schema: await getSchema(), knex: database });
      await deliverDue(db, mailer, retryBase);
    })().catch((error: Error) => logger.warn(`Mail-Ausgang: ${error.message}`));
  }

  /**
   * Reminders, exactly once however many instances run: the run takes the cluster-wide lease
   * `booking-reminders` (carbot_leases), so one instance at a time looks; and each appointment's reminder is
   * claimed by a conditional update (reminder_sent_at still empty) in the same transaction that queues the
   * mail, so even two runs that overlapped (a lease that expired under a stalled holder) cannot both send it,
   * and an instance that dies in between loses nothing.
   */
  async function sendReminders(now: Date): Promise<number> {
    if (!(await db.schema.hasTable('appointments'))) return 0;
    const due = await db('appointments')
      .where('status', 'confirmed')
      .whereNull('reminder_sent_at')
      .where('start', '>', now)
      .where('start', '<=', new Date(now.getTime() + REMINDER_LEAD_MS))
      .limit(100);
    let sent = 0;
    for (const row of due) {
      if (!reminderDue(row.status, instant(row.start) as Date, now)) continue;
      await db.transaction(async (trx) => {
        const claimed = await trx('appointments')
          .where({ id: row.id, status: 'confirmed' })
          .whereNull('reminder_sent_at')
          .update({ reminder_sent_at: now });
        if (!claimed) return;
        // The link of the earlier mails, again (a phone booking gets its first one here).
        const token = manageToken(secret, String(row.id));
        await trx('appointments').where({ id: row.id }).update({ cancel_token_hash: token.hash });
        await customerMail(trx, row, 'reminder', token.token);
        sent += 1;
      });
    }
    return sent;
  }

  const interval = Number(env.CARBOT_REMINDER_INTERVAL_MS ?? 60_000);
  let running = false;
  init('app.after', () => {
    const timer = setInterval(async () => {
      if (running) return;
      running = true;
      try {
        const run = await withLease(db, 'booking-reminders', { ttlMs: 5 * 60_000 }, () => sendReminders(new Date()));
        if (run.ran && run.value > 0) flushOutbox();
      } catch (error) {
        logger.warn(`Terminerinnerungen: ${(error as Error).message}`);
      } finally {
        running = false;
      }
    }, interval);
    timer.unref();
  });
});

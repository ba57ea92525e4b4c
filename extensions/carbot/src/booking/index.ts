import { randomUUID } from 'node:crypto';
import { validateBooking } from '@carbot/core/booking/input';
import { appointmentMail, staffNotice } from '@carbot/core/booking/mails';
import { busyRange } from '@carbot/core/booking/offer';
import { initialStatus } from '@carbot/core/booking/rules';
import { alternatives, bookingWindow, checkSlot, freeSlots, type Slot } from '@carbot/core/booking/slots';
import {
  BOOKING_CONSENT,
  BOOKING_CONSENT_VERSION,
  BOOKING_ERRORS,
  BOOKING_STATUS,
  type BookingErrorCode,
  manageUrl,
} from '@carbot/core/booking/texts';
import { isoBerlin } from '@carbot/core/booking/time';
import {
  changeDeadline,
  changeRefusal,
  manageToken,
  signedToken,
  verifySignedToken,
} from '@carbot/core/booking/tokens';
import { type Language, pickLanguage } from '@carbot/core/chat/language';
import { workshopSiteOrigin } from '@carbot/core/chat/privacy';
import { calendarDay } from '@carbot/core/text/input';
import { defineEndpoint } from '@directus/extensions-sdk';
import type { Request, Response } from 'express';
import type { Knex } from 'knex';
import { recordEvent } from '../shared/analytics.js';
import {
  type BookingService,
  type BookingWorkshop,
  bookableServices,
  bookingWorkshop,
  busyOf,
  icsAttachment,
  instant,
  lockWorkshop,
} from '../shared/booking.js';
import { catching, httpError } from '../shared/errors.js';
import { corsPreflight, ok } from '../shared/http.js';
import { deliverDue, enqueueMail } from '../shared/outbox.js';
import { publicAdmission } from '../widget-api/admission.js';

/**
 * The public booking API under /booking, for the workshop website's booking page, the widget and the
 * assistant. Authorised like the widget: a client key bound to allowed origins, or the signed key of the
 * workshop's own CarBot website. Every requested start is decided again on the server, inside one database
 * transaction that holds the workshop's booking lock (see lockWorkshop), so two requests for the last bay
 * can never both succeed, on any number of Directus instances.
 */
type Ctx = { workshop: BookingWorkshop; language: Language; visitor: string; site: string | null };

const isDay = (value: string) => calendarDay.safeParse(value).success;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_RANGE_DAYS = 62;

const slotJson = (s: Slot) => ({ start: isoBerlin(s.start), end: isoBerlin(s.end) });

const daysBetween = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

class Refused extends Error {
  readonly code: BookingErrorCode;
  constructor(code: BookingErrorCode) {
    super(code);
    this.code = code;
  }
}

export default defineEndpoint({
  id: 'booking',
  handler: (plainRouter, { services, getSchema, database, env, logger }) => {
    const router = catching(plainRouter);
    const db = database as unknown as Knex;
    const secret = String(env.SECRET ?? 'carbot');
    const sites = {
      domain: String(env.SITES_DOMAIN ?? 'localhost'),
      port: String(env.SITES_PUBLIC_PORT ?? env.SITES_PORT ?? '4321'),
    };
    const retryBase = Number(env.CARBOT_OUTBOX_RETRY_MS ?? 30_000);
    const adminUrl = (path: string) => `${String(env.PUBLIC_URL ?? '').replace(/\/$/, '')}/admin/content/${path}`;

    const refusal = (code: BookingErrorCode, language: Language, extra: Record<string, unknown> = {}) =>
      httpError(BOOKING_STATUS[code], code, BOOKING_ERRORS[language][code], extra);

    router.options('*', corsPreflight('content-type, x-carbot-key'));

    const admitPublic = publicAdmission(db, env, {
      refuse: (code, language) => refusal(code, language),
      limits: 'booking',
      logger,
    });

    /** Key, origin, billing state and rate limits, as for the widget (see publicAdmission); then booking on. */
    async function admit(req: Request, res: Response, cost: 'read' | 'write'): Promise<Ctx> {
      const { row, language, visitor, site } = await admitPublic(req, res, cost);
      const workshop = await bookingWorkshop(db, row.workshop);
      if (!workshop) throw refusal('INVALID_KEY', language);
      if (!workshop.config.enabled) throw refusal('BOOKING_DISABLED', language);
      return { workshop, language, visitor, site };
    }

    const siteOrigin = (ctx: Ctx) =>
      ctx.site ?? (ctx.workshop.slug ? workshopSiteOrigin(ctx.workshop.slug, sites) : String(env.PUBLIC_URL ?? ''));

    async function serviceFor(ctx: Ctx, id: unknown): Promise<BookingService> {
      if (typeof id !== 'string' || !UUID.test(id)) throw refusal('UNKNOWN_SERVICE', ctx.language);
      const [service] = await bookableServices(db, ctx.workshop.id, ctx.language, id.toLowerCase());
      if (!service) throw refusal('UNKNOWN_SERVICE', ctx.language);
      return service;
    }

    /** Free slots of a service between two Berlin dates, from what the database says now. */
    async function slotsFor(ctx: Ctx, service: BookingService, from: string, to: string, knex: Knex = db) {
      const range = busyRange(from, to);
      const busy = await busyOf(knex, ctx.workshop.id, range.from, range.to);
      return freeSlots({
        hours: ctx.workshop.hours,
        settings: ctx.workshop.config.settings,
        service,
        busy,
        now: new Date(),
        from,
        to,
      });
    }

    async function alternativesFor(ctx: Ctx, service: BookingService, around: Date) {
      const window = bookingWindow(ctx.workshop.config.settings, new Date());
      const busy = await busyOf(db, ctx.workshop.id, new Date(), busyRange(window.firstDate, window.lastDate).to);
      return alternatives(
        { hours: ctx.workshop.hours, settings: ctx.workshop.config.settings, service, busy, now: new Date() },
        around,
      ).map(slotJson);
    }

    function flushOutbox() {
      void (async () => {
        // system: customer and workshop mails are sent on behalf of the platform, not of a user.
        const mailer = new services.MailService({ schema: await getSchema(), knex: database });
        await deliverDue(db, mailer, retryBase);
      })().catch((error: Error) => logger.warn(`Mail-Ausgang: ${error.message}`));
    }

    router.get('/services', async (req, res) => {
      const ctx = await admit(req, res, 'read');
      const list = await bookableServices(db, ctx.workshop.id, ctx.language);
      ok(
        res,
        list.map((s) => ({
          id: s.id,
          name: s.name,
          duration_minutes: s.durationMinutes,
          price: s.price,
          price_from: s.priceFrom,
        })),
      );
    });

    router.get('/slots', async (req, res) => {
      const ctx = await admit(req, res, 'read');
      const service = await serviceFor(ctx, req.query.service);
      const window = bookingWindow(ctx.workshop.config.settings, new Date());
      const from = req.query.from === undefined ? window.firstDate : req.query.from;
      const to = req.query.to === undefined ? window.lastDate : req.query.to;
      // Days that exist: a 31 February would roll over into March.
      if (typeof from !== 'string' || typeof to !== 'string' || !isDay(from) || !isDay(to)) {
        throw refusal('INVALID_RANGE', ctx.language);
      }
      const span = daysBetween(from, to);
      if (!(span >= 0 && span <= MAX_RANGE_DAYS)) throw refusal('INVALID_RANGE', ctx.language);
      const slots = await slotsFor(ctx, service, from, to);
      res.setHeader('cache-control', 'no-store');
      res.json({ data: slots.map(slotJson), meta: { first_date: window.firstDate, last_date: window.lastDate } });
    });

    router.get('/consent', async (req, res) => {
      const ctx = await admit(req, res, 'read');
      ok(res, { version: BOOKING_CONSENT_VERSION, text: BOOKING_CONSENT[ctx.language](ctx.workshop.name) });
    });

    router.post('/appointments', async (req, res) => {
      const ctx = await admit(req, res, 'write');
      const body = (req.body ?? {}) as Record<string, unknown>;
      const checked = validateBooking(body, BOOKING_CONSENT_VERSION, ctx.language);
      if (!checked.ok) {
        throw Object.entries(checked.errors).map(([field, message]) =>
          httpError(400, 'INVALID_BOOKING', message, { field }),
        );
      }
      const source = body.source === 'widget' || body.source === 'assistant' ? body.source : 'site';
      const service = await serviceFor(ctx, checked.booking.service);
      const created = await book(ctx, service, checked.booking, source, null);
      recordEvent(
        db,
        { workshop: ctx.workshop.id, tenant: ctx.workshop.tenant, type: 'booking', language: ctx.language },
        logger,
      );
      res.status(201);
      ok(res, created, 201);
    });

    /**
     * Books inside one transaction holding the workshop's lock: the slot is checked against what is stored
     * at that moment, and the appointment, its consent and its mails are written together or not at all.
     * `replacing` is the appointment a rebooking cancels in the same transaction.
     */
    async function book(
      ctx: Ctx,
      service: BookingService,
      input: ReturnType<typeof validateBooking> extends infer R
        ? R extends { ok: true; booking: infer B }
          ? B
          : never
        : never,
      source: string,
      replacing: { id: string } | null,
    ) {
      const schema = await getSchema();
      const id = randomUUID();
      const token = manageToken(secret, id);
      const status = initialStatus(ctx.workshop.config.mode);
      let slot: Slot;
      try {
        slot = await db.transaction(async (trx) => {
          await lockWorkshop(trx, ctx.workshop.id);
          const range = busyRange(isoBerlin(input.start).slice(0, 10), isoBerlin(input.start).slice(0, 10));
          const busy = await busyOf(trx, ctx.workshop.id, range.from, range.to, replacing?.id ?? null);
          const check = checkSlot(
            { hours: ctx.workshop.hours, settings: ctx.workshop.config.settings, service, busy, now: new Date() },
            input.start,
          );
          if (!check.ok) throw new Refused(check.reason === 'taken' ? 'SLOT_TAKEN' : 'SLOT_NOT_OFFERED');
          const items = (collection: string) =>
            // system: visitors have no Directus account; the client key checked in admit() is the authorisation.
            new services.ItemsService(collection, { schema, knex: trx, accountability: null });
          const consent = await items('consents').createOne({
            workshop: ctx.workshop.id,
            purpose: 'appointment',
            granted: true,
            policy_version: BOOKING_CONSENT_VERSION,
            text_shown: BOOKING_CONSENT[ctx.language](ctx.workshop.name),
            ip_hash: ctx.visitor,
          });
          if (replacing) {
            await trx('appointments')
              .where({ id: replacing.id })
              .update({ status: 'cancelled', cancel_token_hash: null, date_updated: new Date() });
          }
          await items('appointments').createOne({
            id,
            workshop: ctx.workshop.id,
            service: service.id,
            start: check.slot.start,
            end: check.slot.end,
            busy_until: new Date(check.slot.end.getTime() + service.bufferMinutes * 60_000),
            status,
            customer_name: input.contact.name,
            customer_phone: input.contact.phone,
            customer_email: input.contact.email,
            car: input.contact.car,
            licence_plate: input.plate,
            note: input.contact.wish,
            source,
            language: ctx.language,
            consent,
            cancel_token_hash: token.hash,
            rebooked_from: replacing?.id ?? null,
          });
          await queueMails(trx, ctx, service, {
            id,
            status,
            slot: check.slot,
            input,
            token: token.token,
            rebooked: Boolean(replacing),
          });
          return check.slot;
        });
      } catch (error) {
        if (error instanceof Refused) {
          const extra =
            error.code === 'SLOT_TAKEN' ? { alternatives: await alternativesFor(ctx, service, input.start) } : {};
          throw refusal(error.code, ctx.language, extra);
        }
        const code = (error as { extensions?: { code?: string }; code?: string })?.extensions?.code;
        if (code === 'PLAN_LIMIT') throw refusal('PLAN_LIMIT', ctx.language);
        throw error;
      }
      flushOutbox();
      return {
        id,
        status,
        start: isoBerlin(slot.start),
        end: isoBerlin(slot.end),
        service: { id: service.id, name: service.name },
        cancel_url: manageUrl(siteOrigin(ctx), ctx.language, id, signedToken(secret, id, token.token)),
        cancel_until: isoBerlin(changeDeadline(slot.start, ctx.workshop.config.cancelHours)),
      };
    }

    async function queueMails(
      trx: Knex.Transaction,
      ctx: Ctx,
      service: BookingService,
      a: {
        id: string;
        status: string;
        slot: Slot;
        input: {
          contact: {
            name: string;
            phone: string | null;
            email: string | null;
            car: string | null;
            wish: string | null;
          };
        };
        token: string;
        rebooked: boolean;
      },
    ) {
      const w = ctx.workshop;
      if (a.input.contact.email) {
        const deadline = changeDeadline(a.slot.start, w.config.cancelHours);
        const mail = appointmentMail(a.status === 'confirmed' ? 'confirmed' : 'received', ctx.language, {
          workshop: { name: w.name, phone: w.phone, address: w.address },
          service: service.name,
          start: a.slot.start,
          end: a.slot.end,
          name: a.input.contact.name,
          manageUrl: manageUrl(siteOrigin(ctx), ctx.language, a.id, signedToken(secret, a.id, a.token)),
          manageUntil: deadline,
        });
        await enqueueMail(trx, {
          tenant: w.tenant,
          to: a.input.contact.email,
          subject: mail.subject,
          text: mail.text,
          ...(a.status === 'confirmed' ? { attachments: [icsAttachment(w, service.name, a.id, a.slot, 0)] } : {}),
        });
      }
      if (w.email) {
        const notice = staffNotice({
          workshop: w.name,
          service: service.nameDe,
          language: ctx.language,
          start: a.slot.start,
          end: a.slot.end,
          status: a.status === 'confirmed' ? 'confirmed' : 'requested',
          customer: { name: a.input.contact.name, phone: a.input.contact.phone, email: a.input.contact.email },
          car: a.input.contact.car,
          note: a.input.contact.wish,
          adminUrl: adminUrl(`appointments/${a.id}`),
        });
        await enqueueMail(trx, {
          tenant: w.tenant,
          to: w.email,
          subject: a.rebooked ? `Verschoben – ${notice.subject}` : notice.subject,
          text: notice.text,
        });
      }
    }

    /** The appointment a manage link names, if the link is genuine; refusals as for the visitor. */
    async function linked(ctx: Ctx, id: string, value: unknown) {
      if (!UUID.test(id)) throw refusal('INVALID_LINK', ctx.language);
      const token = verifySignedToken(secret, id, value);
      if (!token) throw refusal('INVALID_LINK', ctx.language);
      const row = await db('appointments').where({ id, workshop: ctx.workshop.id }).first();
      if (!row) throw refusal('INVALID_LINK', ctx.language);
      const start = instant(row.start) as Date;
      const why = changeRefusal(
        { status: row.status, start, token_hash: row.cancel_token_hash },
        token,
        ctx.workshop.config.cancelHours,
        new Date(),
      );
      return { row, start, end: instant(row.end) as Date, why };
    }

    const REFUSAL_CODE = { invalid: 'INVALID_LINK', closed: 'CLOSED', too_late: 'TOO_LATE' } as const;

    router.get('/appointments/:id', async (req, res) => {
      const ctx = await admit(req, res, 'read');
      const a = await linked(ctx, req.params.id as string, req.query.token);
      if (a.why === 'invalid') throw refusal('INVALID_LINK', ctx.language);
      const [service] = await bookableServices(db, ctx.workshop.id, ctx.language, a.row.service, true);
      ok(res, {
        id: a.row.id,
        status: a.row.status,
        start: isoBerlin(a.start),
        end: isoBerlin(a.end),
        service: service ? { id: service.id, name: service.name } : null,
        changeable: a.why === null,
        change_until: isoBerlin(changeDeadline(a.start, ctx.workshop.config.cancelHours)),
      });
    });

    router.post('/appointments/:id/cancel', async (req, res) => {
      const ctx = await admit(req, res, 'write');
      const body = (req.body ?? {}) as Record<string, unknown>;
      const a = await linked(ctx, req.params.id as string, body.token);
      if (a.why) throw refusal(REFUSAL_CODE[a.why], ctx.language);
      // The token is cleared in the same conditional update: of two clicks, one cancels, the other is refused.
      const changed = await db('appointments')
        .where({ id: a.row.id, cancel_token_hash: a.row.cancel_token_hash })
        .whereIn('status', ['requested', 'confirmed'])
        .update({ status: 'cancelled', cancel_token_hash: null, date_updated: new Date() });
      if (!changed) throw refusal('INVALID_LINK', ctx.language);
      await cancelledMails(ctx, a.row, a.start, a.end);
      flushOutbox();
      ok(res, { id: a.row.id, status: 'cancelled' });
    });

    router.post('/appointments/:id/rebook', async (req, res) => {
      const ctx = await admit(req, res, 'write');
      const body = (req.body ?? {}) as Record<string, unknown>;
      const a = await linked(ctx, req.params.id as string, body.token);
      if (a.why) throw refusal(REFUSAL_CODE[a.why], ctx.language);
      const service = await serviceFor(ctx, body.service ?? a.row.service);
      const checked = validateBooking(
        {
          service: service.id,
          start: body.start,
          name: a.row.customer_name,
          phone: a.row.customer_phone,
          email: a.row.customer_email,
          car: a.row.car,
          licence_plate: a.row.licence_plate,
          note: a.row.note,
          consent: { given: true, version: BOOKING_CONSENT_VERSION },
        },
        BOOKING_CONSENT_VERSION,
        ctx.language,
      );
      if (!checked.ok) {
        throw Object.entries(checked.errors).map(([field, message]) =>
          httpError(400, 'INVALID_BOOKING', message, { field }),
        );
      }
      // The old appointment must still hold the same token when the new one is written (single use).
      const still = await db('appointments')
        .where({ id: a.row.id, cancel_token_hash: a.row.cancel_token_hash })
        .first('id');
      if (!still) throw refusal('INVALID_LINK', ctx.language);
      const created = await book(ctx, service, checked.booking, String(a.row.source ?? 'site'), { id: a.row.id });
      ok(res, created, 201);
    });

    async function cancelledMails(ctx: Ctx, row: Record<string, unknown>, start: Date, end: Date) {
      const w = ctx.workshop;
      const [service] = await bookableServices(db, w.id, ctx.language, String(row.service), true);
      const name = service?.name ?? '';
      const language = pickLanguage(row.language, undefined);
      if (row.customer_email) {
        const mail = appointmentMail('cancelled', language, {
          workshop: { name: w.name, phone: w.phone, address: w.address },
          service: name,
          start,
          end,
          name: String(row.customer_name),
          manageUrl: null,
          manageUntil: null,
        });
        await enqueueMail(db, {
          tenant: w.tenant,
          to: String(row.customer_email),
          subject: mail.subject,
          text: mail.text,
          attachments: [icsAttachment(w, name, String(row.id), { start, end }, 1, true)],
        });
      }
      if (w.email) {
        await enqueueMail(db, {
          tenant: w.tenant,
          to: w.email,
          subject: `Termin abgesagt: ${String(row.customer_name)}, ${isoBerlin(start).slice(0, 16).replace('T', ' ')}`,
          text: `${String(row.customer_name)} hat den Termin ${isoBerlin(start).slice(0, 16).replace('T', ' ')} Uhr (${name}) über den Link in der Bestätigung abgesagt. Die Zeit ist wieder frei.\n\n${adminUrl(`appointments/${String(row.id)}`)}`,
        });
      }
    }
  },
});

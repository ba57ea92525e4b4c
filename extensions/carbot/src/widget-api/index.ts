import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { answerKind, countedPath } from '@carbot/core/analytics/events';
import { monthStart } from '@carbot/core/billing/state';
import { aiNotice, shownNoticeVersion } from '@carbot/core/chat/ai-notice';
import type { Turn } from '@carbot/core/chat/answer';
import {
  isoMoment,
  needsStaffNotice,
  parseCursor,
  type Role,
  staffHolds,
  statusAfterVisitorMessage,
} from '@carbot/core/chat/conversation';
import { budgetLeft, MonthlySpend } from '@carbot/core/chat/cost';
import { isLanguage, type Language, pickLanguage } from '@carbot/core/chat/language';
import { type LeadInput, leadChanged, validateLead } from '@carbot/core/chat/lead';
import { handoffMail, leadMail } from '@carbot/core/chat/lead-mail';
import { DEFAULT_LEAD_MAIL_LIMIT, lastMailHint, suppressedNote } from '@carbot/core/chat/mail-cap';
import { normaliseOrigin } from '@carbot/core/chat/origin';
import { privacyUrl } from '@carbot/core/chat/privacy';
import { type LlmPort, type Outcome, respond } from '@carbot/core/chat/respond';
import { CONSENT_POLICY_VERSION, cleanMessage, type ErrorCode, TEXTS } from '@carbot/core/chat/texts';
import { hexColor } from '@carbot/core/colors';
import { parseRate } from '@carbot/core/onboarding/throttle';
import { proofRecord } from '@carbot/core/privacy/subject';
import { localePath } from '@carbot/core/sites/i18n';
import { defineEndpoint } from '@directus/extensions-sdk';
import type { Request, Response } from 'express';
import type { Knex } from 'knex';
import OpenAI from 'openai';
import { type AnalyticsEvent, recordEvent, saltStore, visitorOf } from '../shared/analytics.js';
import { bookableServices, bookingWorkshop, busyOf } from '../shared/booking.js';
import { CHANNEL, messageBus } from '../shared/bus.js';
import { httpError, isHttpErrors } from '../shared/errors.js';
import { corsPreflight, requestIp } from '../shared/http.js';
import { isDraining, track } from '../shared/lifecycle.js';
import { deliverDue, enqueueMail } from '../shared/outbox.js';
import { clearDataCache, eraseFound, findSubject, recordProof } from '../shared/privacy.js';
import { contactPassage, knownPrices, localize, search } from '../shared/search.js';
import { publicAdmission } from './admission.js';
import { chatLog } from './chat-log.js';
import { widgetMailDecision } from './mail-cap.js';

/**
 * The public API of the chat widget under /widget. Visitors have no Directus identity: every request is
 * authorised by a client key bound to allowed origins, conversations by a per-conversation secret that
 * is valid only with the key and from the origin the conversation started with. Writes therefore run as
 * the system, always scoped to the key's workshop. Bodies are limited (16 KB, bytes actually read) by
 * the body-limit hook before anything here runs.
 */

/** `id` is null for the key of a workshop's own CarBot website, which is not stored; `limiter` names it for rate limits. */
type Key = { id: string | null; limiter: string };
type Workshop = {
  id: string;
  tenant: string;
  name: string;
  slug: string | null;
  status: string;
  phone: string | null;
  email: string | null;
  languages: unknown;
  color_primary: string | null;
  /** The tenant plan's monthly AI budget in EUR; null means unlimited. */
  aiBudgetEur: number | null;
};
/** `site` is the page's origin when the chat runs on the workshop's own CarBot website. */
type Context = { key: Key; workshop: Workshop; language: Language; visitor: string; site: string | null };

const STATUS: Record<ErrorCode, number> = {
  INVALID_KEY: 401,
  ORIGIN_NOT_ALLOWED: 403,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  INVALID_MESSAGE: 400,
  INVALID_SESSION: 401,
  NOT_FOUND: 404,
  UNAVAILABLE: 503,
};

/** A refusal in the visitor's language, to throw; Directus's error handler answers it. */
function refusal(res: Response, code: ErrorCode, language: Language = 'de', retryAfter?: number) {
  if (retryAfter) res.setHeader('Retry-After', String(retryAfter));
  return httpError(STATUS[code], code, TEXTS[language].errors[code]);
}

const list = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string' && value.startsWith('[')) {
    try {
      return (JSON.parse(value) as unknown[]).map(String);
    } catch {
      return [];
    }
  }
  return typeof value === 'string' && value ? value.split(',') : [];
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A JSON column as SQLite (text) or PostgreSQL (parsed) returns it. */
function jsonOf(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? null;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export default defineEndpoint({
  id: 'widget',
  handler: (router, { services, getSchema, database, env, logger, emitter }) => {
    const db = database as unknown as Knex;
    const log = chatLog(db, emitter, getSchema);
    const salts = saltStore(env, logger);
    /**
     * Counts a widget event (cookie-less analytics): the visitor as the day's keyed hash of address, user
     * agent and workshop, never the address itself. Written a moment later, never delaying the answer.
     */
    const count = (req: Request, ctx: Context, event: Omit<AnalyticsEvent, 'workshop' | 'tenant' | 'visitor'>) => {
      void visitorOf(salts, requestIp(req as never, env), req.get('user-agent'), ctx.workshop.id)
        .catch(() => null)
        .then((visitor) =>
          recordEvent(
            db,
            { workshop: ctx.workshop.id, tenant: ctx.workshop.tenant, language: ctx.language, visitor, ...event },
            logger,
          ),
        );
    };
    const openai = env.OPENAI_API_KEY
      ? new OpenAI({
          apiKey: String(env.OPENAI_API_KEY),
          baseURL: env.OPENAI_BASE_URL ? String(env.OPENAI_BASE_URL) : undefined,
          maxRetries: 0,
        })
      : null;
    const model = String(env.OPENAI_MODEL ?? 'gpt-4o-mini');
    // The chat model as the assistant's use case sees it: streamed text and, at the end, the token usage.
    const llm: LlmPort | null = openai && {
      model,
      async *stream(messages, signal) {
        const stream = await openai.chat.completions.create(
          { model, stream: true, stream_options: { include_usage: true }, messages },
          { signal },
        );
        for await (const chunk of stream) {
          yield {
            text: chunk.choices[0]?.delta?.content ?? '',
            usage: chunk.usage ? { in: chunk.usage.prompt_tokens, out: chunk.usage.completion_tokens } : undefined,
          };
        }
      },
    };
    const timeoutMs = Number(env.CARBOT_LLM_TIMEOUT_MS ?? 15_000);
    const spend = new MonthlySpend(Number(env.CARBOT_AI_SPEND_TTL_MS ?? 10_000));
    // Every instance's spend reaches the others' budget check at once through the bus (Redis), not only
    // with their next read of the month's sum.
    const bus = messageBus(env, logger);
    const instance = randomUUID();
    bus.subscribe(
      CHANNEL.spend,
      (message) => {
        const m = message as { from?: unknown; tenant?: unknown; month?: unknown; eur?: unknown } | null;
        if (!m || m.from === instance || typeof m.tenant !== 'string') return;
        if (typeof m.month !== 'number' || typeof m.eur !== 'number') return;
        spend.add(m.tenant, new Date(m.month), m.eur);
      },
      () => spend.clear(),
    );
    const recordSpend = (tenant: string, eur: number) => {
      const month = monthStart();
      spend.add(tenant, month, eur);
      if (bus.shared && eur > 0)
        void bus.publish(CHANNEL.spend, { from: instance, tenant, month: month.getTime(), eur });
    };
    // Notification mails (leads, handoffs) per workshop address and window, across all instances.
    const mailCap = parseRate(env.CARBOT_LEAD_MAIL_LIMIT, DEFAULT_LEAD_MAIL_LIMIT);

    /**
     * Express 4 does not catch rejected promises: an error in an async handler would leave the request
     * hanging. Every handler goes through here: refusals go to Directus's error handler as they are; what
     * is left is a server fault, logged and answered as such.
     */
    const safe =
      (handler: (req: Request, res: Response) => Promise<void>) =>
      (req: Request, res: Response, next: (error: unknown) => void): void => {
        handler(req, res).catch((error: unknown) => {
          if (res.headersSent) return void res.end();
          if (isHttpErrors(error)) return next(error);
          logger.error(`Widget-API ${req.method} ${req.path}: ${(error as Error).message}`);
          next(refusal(res, 'UNAVAILABLE'));
        });
      };

    router.options('*', corsPreflight('content-type, x-carbot-key, x-carbot-session'));

    const admitPublic = publicAdmission(db, env, {
      queryKey: true,
      refuse: (code, language) => httpError(STATUS[code], code, TEXTS[language].errors[code]),
      limits: 'widget',
      logger,
    });

    /** Checks key, origin, billing state and rate (see publicAdmission); throws the refusal. */
    async function admit(req: Request, res: Response, cost: 'read' | 'write'): Promise<Context> {
      const { row, key, language, visitor, site } = await admitPublic(req, res, cost);
      const workshop: Workshop = {
        id: row.workshop,
        tenant: row.tenant,
        name: row.name,
        slug: row.slug,
        status: row.workshop_status,
        phone: row.phone,
        email: row.email,
        languages: row.languages,
        color_primary: hexColor(row.color_primary),
        aiBudgetEur: row.ai_budget_eur === null || row.ai_budget_eur === undefined ? null : Number(row.ai_budget_eur),
      };
      return { key, workshop, language, visitor, site };
    }

    /**
     * The conversation named by the session header, if it belongs to this key's workshop and is used with
     * the key and from the origin it was started with: a session copied to another site (or another of the
     * workshop's keys) is worthless there.
     */
    async function conversationOf(req: Request, ctx: Context) {
      const [id, token] = String(req.get('x-carbot-session') ?? '').split('.');
      if (!id || !token || id !== req.params.id || !UUID.test(id)) return undefined;
      const row = await db('conversations').where({ id, workshop: ctx.workshop.id }).first();
      if (!row?.visitor_token_hash) return undefined;
      if (String(row.client_key ?? '') !== String(ctx.key.id ?? '')) return undefined;
      if (normaliseOrigin(row.origin) !== normaliseOrigin(req.get('origin'))) return undefined;
      const expected = Buffer.from(String(row.visitor_token_hash));
      const given = Buffer.from(sha256(token));
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
      // From here on the conversation's language, stored when it started, governs every answer and
      // message, whatever language this request's browser prefers.
      if (isLanguage(row.language)) ctx.language = row.language;
      return row as typeof row & { language: Language };
    }

    const systemItems = async (collection: string) =>
      // system: the visitor has no Directus account; the client key above is the authorisation.
      new services.ItemsService(collection, { schema: await getSchema(), accountability: null });

    router.get(
      '/config',
      safe(async (req, res) => {
        const ctx = await admit(req, res, 'read');
        const t = TEXTS[ctx.language];
        // The widget asks for its configuration when the visitor opens it and says so (with the page's
        // path); a chat restored on the next page of the site asks without, and is not counted again.
        if (typeof req.query.opened === 'string') {
          count(req, ctx, { type: 'chat_open', path: countedPath(req.query.opened.slice(0, 600) || '/') });
        }
        res.json({
          data: {
            workshop: ctx.workshop.name,
            color: ctx.workshop.color_primary,
            language: ctx.language,
            languages: ['de', ...list(ctx.workshop.languages).filter((l) => l !== 'de')],
            greeting: t.greeting(ctx.workshop.name),
            // Who answers (EU AI Act Art. 50): always delivered, no setting switches it off.
            notice: aiNotice(ctx.language, llm !== null, ctx.workshop.name),
            erase: t.erase,
            consent: {
              version: CONSENT_POLICY_VERSION,
              text: t.consent(ctx.workshop.name),
              privacy: privacyOf(ctx),
            },
          },
        });
      }),
    );

    router.post(
      '/conversations',
      safe(async (req, res) => {
        const ctx = await admit(req, res, 'write');
        const token = randomBytes(24).toString('base64url');
        const conversations = await systemItems('conversations');
        const id = await conversations.createOne({
          workshop: ctx.workshop.id,
          client_key: ctx.key.id,
          language: ctx.language,
          origin: req.get('origin'),
          visitor_hash: ctx.visitor,
          visitor_token_hash: sha256(token),
          status: 'open',
          notice_version: shownNoticeVersion((req.body as Record<string, unknown> | undefined)?.notice, llm !== null),
        });
        res
          .status(201)
          .json({ data: { id, session: `${id}.${token}`, greeting: TEXTS[ctx.language].greeting(ctx.workshop.name) } });
      }),
    );

    router.get(
      '/conversations/:id/messages',
      safe(async (req, res) => {
        const ctx = await admit(req, res, 'read');
        const conversation = await conversationOf(req, ctx);
        if (!conversation) throw refusal(res, 'INVALID_SESSION', ctx.language);
        const after = parseCursor(req.query.after);
        const rows = await db('messages')
          .select('id', 'role', 'content', 'sources', 'date_created')
          .where('conversation', conversation.id)
          .where('date_created', '>', after)
          .orderBy('date_created')
          .orderBy('id');
        // SQLite hands out epoch milliseconds, PostgreSQL a Date: the widget always gets ISO times, and a
        // cursor it can send back as it is.
        const data = rows.map((row) => ({
          ...row,
          sources: jsonOf(row.sources),
          date_created: isoMoment(row.date_created),
        }));
        const cursor = data.at(-1)?.date_created ?? after.toISOString();
        res.json({ data, status: conversation.status, cursor });
      }),
    );

    router.post(
      '/conversations/:id/messages',
      safe(async (req, res) => {
        const received = performance.now();
        const askedAt = new Date();
        const ctx = await admit(req, res, 'write');
        const conversation = await conversationOf(req, ctx);
        if (!conversation) throw refusal(res, 'INVALID_SESSION', ctx.language);
        const question = cleanMessage((req.body as Record<string, unknown> | undefined)?.text);
        if (!question) throw refusal(res, 'INVALID_MESSAGE', ctx.language);
        const admitted = performance.now();
        if (staffHolds(conversation.status)) {
          await forStaff(req, res, ctx, conversation, question, askedAt);
          return;
        }

        const language = ctx.language;
        let storedQuestion: Promise<unknown> = Promise.resolve();
        let outcome: Outcome | undefined;
        let send = (_event: string, _data: unknown) => undefined as unknown;
        const events = respond(
          { question, language, workshop: { name: ctx.workshop.name, phone: ctx.workshop.phone } },
          {
            retrieve: async (q, l) => localize(db, await search(db, ctx.workshop.id, q, l), l),
            contact: async () => {
              const found = await contactPassage(db, ctx.workshop.id);
              return found && (await localize(db, [found], language))[0];
            },
            knownPrices: () => knownPrices(db, ctx.workshop.id),
            history: async () =>
              (
                (await db('messages')
                  .select('role', 'content')
                  .where('conversation', conversation.id)
                  .orderBy('date_created', 'desc')
                  .limit(10)) as Turn[]
              ).reverse(),
            withinBudget: () => withinBudget(ctx.workshop),
            llm,
            offer: {
              booking: async () => {
                const w = await bookingWorkshop(db, ctx.workshop.id);
                return w?.config.enabled ? { workshopName: w.name, settings: w.config.settings, hours: w.hours } : null;
              },
              services: () => bookableServices(db, ctx.workshop.id, language),
              busy: (from, to) => busyOf(db, ctx.workshop.id, from, to),
            },
          },
          { timeoutMs, warn: (message) => logger.warn(message) },
        );
        for await (const event of events) {
          if (event.type === 'retrieved') {
            // The visitor's message is stored while the model is thinking: the reads come first, so the
            // write (on SQLite the only connection) never delays the start of the answer.
            storedQuestion = log.append(
              { conversation: conversation.id, tenant: ctx.workshop.tenant, role: 'visitor', content: question },
              askedAt,
            );
            storedQuestion.catch(() => undefined);
            const retrieved = performance.now();
            res.writeHead(200, {
              'content-type': 'text/event-stream; charset=utf-8',
              // Where the time before the first token went, for the benchmark and for anyone tuning a deployment.
              'server-timing': `admit;dur=${(admitted - received).toFixed(1)}, retrieval;dur=${(retrieved - admitted).toFixed(1)}`,
              'cache-control': 'no-cache, no-transform',
              'x-accel-buffering': 'no',
            });
            send = (name, data) => res.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
          } else if (event.type === 'delta') send('delta', { text: event.text });
          else outcome = event;
        }
        if (!outcome) throw new Error('Antwort ohne Ergebnis');
        const { answer, usage, model: used, costEur: cost } = outcome;
        // On the workshop's own CarBot website a source links to the page in the conversation's language.
        const sources = ctx.site
          ? outcome.sources.map((source) => ({ ...source, path: localePath(language, source.path) }))
          : outcome.sources;
        const fallback = outcome.fallback !== null;
        recordSpend(ctx.workshop.tenant, cost);
        await storedQuestion;
        const messageId = await log.append({
          conversation: conversation.id,
          tenant: ctx.workshop.tenant,
          role: 'assistant',
          content: answer,
          sources,
          model: used,
          fallback,
          tokens_in: usage.in,
          tokens_out: usage.out,
          cost_eur: cost,
          latency_ms: Math.round(performance.now() - received),
        });
        await db('conversations')
          .where('id', conversation.id)
          .update({
            message_count: db.raw('coalesce(message_count, 0) + 2'),
            tokens_in: db.raw('coalesce(tokens_in, 0) + ?', [usage.in]),
            tokens_out: db.raw('coalesce(tokens_out, 0) + ?', [usage.out]),
            cost_eur: db.raw('coalesce(cost_eur, 0) + ?', [cost]),
            last_message_at: new Date(),
            // A closed conversation the visitor writes in again is open again.
            status: statusAfterVisitorMessage(conversation.status),
          });
        send('sources', sources);
        // About a service the workshop books online: the next free times, to book inside the chat.
        if (outcome.offer) send('booking', outcome.offer);
        send('done', { id: messageId, fallback });
        res.end();
        const questionId = (await storedQuestion.catch(() => null)) as string | null;
        const link = { conversation: String(conversation.id), message: questionId };
        count(req, ctx, { type: 'question', ...link });
        count(req, ctx, { type: answerKind(outcome), ...link });
      }),
    );

    /** The consent text's link to the workshop's privacy page (see core/chat/privacy). */
    function privacyOf(ctx: Context) {
      const url = privacyUrl({
        language: ctx.language,
        siteOrigin: ctx.site,
        workshop: ctx.workshop,
        sites: {
          domain: String(env.SITES_DOMAIN ?? 'localhost'),
          port: String(env.SITES_PUBLIC_PORT ?? env.SITES_PORT ?? '4321'),
        },
      });
      return url ? { text: TEXTS[ctx.language].privacyLink, url } : null;
    }

    /**
     * While staff have the conversation the assistant stays quiet: the visitor's message is stored for
     * staff (the inbox sees it live), the conversation waits for staff again, and the visitor is told once
     * since staff last wrote that a person will answer.
     */
    async function forStaff(
      req: Request,
      res: Response,
      ctx: Context,
      conversation: { id: string; status: string },
      question: string,
      askedAt: Date,
    ) {
      const recent: { role: Role }[] = await db('messages')
        .select('role')
        .where('conversation', conversation.id)
        .orderBy('date_created', 'desc')
        .orderBy('id', 'desc')
        .limit(50);
      const notice = needsStaffNotice(recent.map((m) => m.role).reverse()) ? TEXTS[ctx.language].staffWillAnswer : null;
      const base = { conversation: conversation.id, tenant: ctx.workshop.tenant };
      const id = await log.append({ ...base, role: 'visitor', content: question }, askedAt);
      count(req, ctx, { type: 'question', conversation: String(conversation.id), message: id });
      if (notice) await log.append({ ...base, role: 'system', content: notice });
      await db('conversations')
        .where('id', conversation.id)
        .update({
          message_count: db.raw('coalesce(message_count, 0) + ?', [notice ? 2 : 1]),
          last_message_at: new Date(),
        });
      if (conversation.status !== 'handoff') {
        // Through Directus, so the inbox (websocket subscription) moves it back to "waiting for staff".
        await (await systemItems('conversations')).updateOne(conversation.id, { status: 'handoff' });
      }
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
      });
      res.write(`event: staff\ndata: ${JSON.stringify({ notice })}\n\n`);
      res.write(`event: done\ndata: ${JSON.stringify({ id, fallback: false, staff: true })}\n\n`);
      res.end();
    }

    const adminUrl = (path: string) => `${String(env.PUBLIC_URL ?? '').replace(/\/$/, '')}/admin/content/${path}`;
    const retryBase = Number(env.CARBOT_OUTBOX_RETRY_MS ?? 30_000);

    /** Sends right away what can be sent; whatever fails stays in the outbox for the retry loop. */
    function flushOutbox() {
      if (isDraining()) return;
      void track(
        (async () => {
          // system: notifications are sent on behalf of the platform, not of a user.
          const mailer = new services.MailService({ schema: await getSchema(), knex: database });
          await deliverDue(db, mailer, retryBase, 20, isDraining);
        })(),
      ).catch((error: Error) => logger.warn(`Mail-Ausgang: ${error.message}`));
    }

    const isPlanLimit = (error: unknown) => {
      const e = error as { code?: string; extensions?: { code?: string } } | undefined;
      return e?.code === 'PLAN_LIMIT' || e?.extensions?.code === 'PLAN_LIMIT';
    };

    /**
     * Queues a notification to the workshop unless the widget already sent `mailCap.limit` of them to that
     * address within the window. Returns whether it was queued.
     */
    async function notify(
      workshop: Workshop,
      mail: { subject: string; text: string; lead?: string | null },
    ): Promise<boolean> {
      if (!workshop.email) return false;
      const target = { tenant: workshop.tenant, to: workshop.email };
      const decision = await widgetMailDecision(db, target, mailCap);
      if (decision === 'suppress') return false;
      const text =
        decision === 'send-last' ? `${mail.text}\n\n${lastMailHint(mailCap.limit, mailCap.windowSeconds)}` : mail.text;
      await enqueueMail(db, { ...target, subject: mail.subject, text, lead: mail.lead ?? null });
      flushOutbox();
      return true;
    }

    /**
     * Submits of one conversation run one after another in this process, so that a double click or a
     * script firing in parallel cannot create two leads for one conversation.
     */
    const leadQueue = new Map<string, Promise<unknown>>();
    function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
      const previous = leadQueue.get(key) ?? Promise.resolve();
      const run = previous.catch(() => undefined).then(work);
      const settled = run.catch(() => undefined);
      leadQueue.set(key, settled);
      void settled.then(() => {
        if (leadQueue.get(key) === settled) leadQueue.delete(key);
      });
      return run;
    }

    router.post(
      '/conversations/:id/lead',
      safe(async (req, res) => {
        const ctx = await admit(req, res, 'write');
        const conversation = await conversationOf(req, ctx);
        if (!conversation) throw refusal(res, 'INVALID_SESSION', ctx.language);
        const body = (req.body ?? {}) as Record<string, unknown>;
        const consent = body.consent as { given?: unknown; version?: unknown } | undefined;
        const consentGiven = consent?.given === true && consent.version === CONSENT_POLICY_VERSION;
        const result = validateLead(body, consentGiven, ctx.language);
        if (!result.ok) {
          // One error per field, rendered together by Directus's error handler.
          throw Object.entries(result.errors).map(([field, message]) =>
            httpError(400, 'INVALID_LEAD', message, { field }),
          );
        }
        await oneAtATime(String(conversation.id), () => submitLead(req, res, ctx, conversation.id, result.lead));
      }),
    );

    /**
     * One lead per conversation: the first submit creates it, a later one with other details corrects it
     * (what a visitor who mistyped the phone number expects) and tells the workshop; the same details again
     * change nothing and send nothing.
     */
    async function submitLead(req: Request, res: Response, ctx: Context, conversationId: string, lead: LeadInput) {
      const t = TEXTS[ctx.language];
      const existing = await db('leads')
        .where({ conversation: conversationId, workshop: ctx.workshop.id })
        .orderBy('date_created')
        .first('id', 'name', 'phone', 'email', 'car', 'wish', 'notes');
      if (existing && !leadChanged(existing, lead)) {
        res.json({ data: { id: existing.id, stored: true, updated: false, message: t.leadThanks } });
        return;
      }
      const consentId = await (await systemItems('consents')).createOne({
        workshop: ctx.workshop.id,
        conversation: conversationId,
        purpose: 'lead_contact',
        granted: true,
        policy_version: CONSENT_POLICY_VERSION,
        text_shown: t.consent(ctx.workshop.name),
        ip_hash: ctx.visitor,
      });
      const leads = await systemItems('leads');
      let leadId: string | number | null = existing?.id ?? null;
      if (existing) {
        await leads.updateOne(existing.id, { ...lead, consent: consentId });
      } else {
        try {
          leadId = await leads.createOne({
            ...lead,
            workshop: ctx.workshop.id,
            conversation: conversationId,
            consent: consentId,
            source: 'chat',
            status: 'new',
          });
        } catch (error) {
          if (!isPlanLimit(error)) throw error;
        }
        // A new lead counts whether stored or, over the plan's limit, only mailed: the visitor converted.
        count(req, ctx, { type: 'lead', conversation: String(conversationId) });
      }
      // Over the plan's lead limit the lead is not stored, but the workshop still gets the visitor's
      // details by mail, so no customer is lost; the mail says why.
      const mail = leadMail(
        ctx.workshop.name,
        lead,
        leadId ? adminUrl(`leads/${leadId}`) : adminUrl('leads'),
        Boolean(existing),
      );
      const text = leadId
        ? mail.text
        : `${mail.text}\n\nHinweis: Das Lead-Kontingent Ihres Tarifs für diesen Monat ist ausgeschöpft. Diese Anfrage wurde deshalb nicht in CarBot gespeichert. Mit einem größeren Tarif landen alle Anfragen im Admin.`;
      // The outbox sets the lead's notified_at when the mail has actually gone out.
      const mailed = await notify(ctx.workshop, {
        subject: mail.subject,
        text,
        lead: leadId === null ? null : String(leadId),
      });
      if (leadId && !mailed && ctx.workshop.email) {
        // Stored but not mailed (notification cap): the lead itself says so, in the admin.
        const note = suppressedNote(mailCap.limit, mailCap.windowSeconds, new Date());
        const notes = existing?.notes ?? (await db('leads').where('id', leadId).first('notes'))?.notes;
        await db('leads')
          .where('id', leadId)
          .update({ notes: notes ? `${notes}\n${note}` : note });
      } else if (!leadId && !mailed) {
        // Neither stored (plan limit) nor mailed (cap): say so instead of pretending it arrived.
        throw refusal(res, 'RATE_LIMITED', ctx.language, mailCap.windowSeconds);
      }
      res.status(existing ? 200 : leadId ? 201 : 200).json({
        data: {
          id: leadId,
          stored: leadId !== null,
          updated: Boolean(existing),
          message: existing ? t.leadUpdated : leadId ? t.leadThanks : t.leadLimit(ctx.workshop.phone),
        },
      });
    }

    /**
     * The visitor erases their own conversation (GDPR Art. 17): its messages, its lead and consent, the
     * mails about that lead and their history. Only with the conversation's secret, so nobody else can.
     * A proof record without personal data stays for the workshop.
     */
    router.post(
      '/conversations/:id/erase',
      safe(async (req, res) => {
        const ctx = await admit(req, res, 'write');
        const conversation = await conversationOf(req, ctx);
        if (!conversation) throw refusal(res, 'INVALID_SESSION', ctx.language);
        const query = { email: null, phone: null, conversation: String(conversation.id) };
        const found = await findSubject(db, ctx.workshop.tenant, query, 'conversation');
        const counts = await eraseFound(db, found);
        await recordProof(
          db,
          ctx.workshop.tenant,
          null,
          proofRecord({ kind: 'erasure', query, counts, source: 'widget' }),
        );
        await clearDataCache(services, getSchema, logger);
        res.json({ data: { erased: true, message: TEXTS[ctx.language].erase.done } });
      }),
    );

    router.post(
      '/conversations/:id/handoff',
      safe(async (req, res) => {
        const ctx = await admit(req, res, 'write');
        const conversation = await conversationOf(req, ctx);
        if (!conversation) throw refusal(res, 'INVALID_SESSION', ctx.language);
        const t = TEXTS[ctx.language];
        if (conversation.status !== 'handoff') {
          await (await systemItems('conversations')).updateOne(conversation.id, {
            status: 'handoff',
            handoff_requested_at: new Date(),
          });
          await (await systemItems('messages')).createOne({
            conversation: conversation.id,
            role: 'system',
            content: t.handoff,
          });
          const last = await db('messages')
            .where({ conversation: conversation.id, role: 'visitor' })
            .orderBy('date_created', 'desc')
            .first('content');
          // Capped like lead mails; the conversation is flagged for handoff in the admin either way.
          await notify(
            ctx.workshop,
            handoffMail(ctx.workshop.name, last?.content ?? null, adminUrl(`conversations/${conversation.id}`)),
          );
          count(req, ctx, { type: 'handoff', conversation: String(conversation.id) });
        }
        res.json({ data: { status: 'handoff', message: t.handoff } });
      }),
    );

    // Malformed percent-encoding in a path makes Express fail while decoding parameters.
    router.use((error: unknown, req: Request, res: Response, next: (error?: unknown) => void) => {
      if (error instanceof URIError)
        return next(refusal(res, 'NOT_FOUND', pickLanguage(undefined, req.get('accept-language'))));
      next(error);
    });

    /** The tenant's AI spend this calendar month against its plan's budget. */
    async function withinBudget(workshop: Workshop): Promise<boolean> {
      if (workshop.aiBudgetEur === null) return true;
      // The same calendar month (Europe/Berlin) the billing page shows the spend for.
      const month = monthStart();
      let spent = spend.get(workshop.tenant, month);
      if (spent === undefined) {
        const row = await db('messages')
          .where('tenant', workshop.tenant)
          .where('date_created', '>=', month)
          .sum({ total: 'cost_eur' })
          .first();
        spent = Number(row?.total ?? 0);
        spend.set(workshop.tenant, month, spent);
      }
      return budgetLeft(spent, workshop.aiBudgetEur);
    }
  },
});

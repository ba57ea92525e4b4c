import { timingSafeEqual } from 'node:crypto';
import { batchSchema, pathLanguage } from '@carbot/core/analytics/events';
import { parseInsightsQuery } from '@carbot/core/analytics/insights-query';
import { platformSummary } from '@carbot/core/analytics/platform';
import { berlinDay, SITES_SECRET_HEADER } from '@carbot/core/analytics/visitor';
import { withLease } from '@carbot/core/ops/lease';
import { calendarDay } from '@carbot/core/text/input';
import { defineEndpoint } from '@directus/extensions-sdk';
import type { Accountability } from '@directus/types';
import type { Knex } from 'knex';
import { insertEvents, saltStore } from '../shared/analytics.js';
import { catching, httpError } from '../shared/errors.js';
import { isOwner, ok } from '../shared/http.js';
import { loadInsights } from '../shared/insights.js';
import { rollupDue } from '../shared/rollup.js';

type Req = {
  accountability?: Accountability | null;
  body?: unknown;
  query: Record<string, unknown>;
  get(name: string): string | undefined;
};

/**
 * Cookie-less analytics (docs/privacy.md):
 * - `GET /carbot-analytics/salt?day=` and `POST /carbot-analytics/views`: the site servers, authenticated
 *   with the shared CARBOT_PURGE_SECRET (header `x-carbot-sites-secret`), fetch the day's salt and deliver page views in batches;
 * - `GET /carbot-analytics/insights`: the owner's dashboard (Einblicke) for their own tenant;
 * - `GET /carbot-analytics/platform`: tenants, trials and MRR for the platform admin;
 * - `POST /carbot-analytics/rollup/run`: the daily rollup on demand (platform admin).
 */
export default defineEndpoint({
  id: 'carbot-analytics',
  handler: (endpointRouter, { database, env, logger }) => {
    const router = catching(endpointRouter);
    const db = database as unknown as Knex;
    const salts = saltStore(env, logger);

    function siteServer(req: Req) {
      const expected = Buffer.from(String(env.CARBOT_PURGE_SECRET ?? ''));
      // Its own header, not Authorization: Directus would take a bearer for one of its own tokens.
      const given = Buffer.from(req.get(SITES_SECRET_HEADER) ?? '');
      if (!expected.length || given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw httpError(401, 'INVALID_CREDENTIALS', 'Nur für die Site-Server von CarBot.');
      }
    }

    router.get('/salt', async (req, res) => {
      siteServer(req as unknown as Req);
      const now = Date.now();
      const asked = calendarDay.safeParse(req.query.day === undefined ? berlinDay(now) : req.query.day);
      if (!asked.success) {
        throw httpError(400, 'INVALID_QUERY', '„day“ muss einmal angegeben sein, als Datum, das es gibt (JJJJ-MM-TT).');
      }
      const day = asked.data;
      const salt = await salts.get(day, now);
      if (!salt) throw httpError(404, 'NOT_FOUND', 'Das Salz dieses Tages gibt es nicht (mehr).');
      return ok(res, { day, salt });
    });

    router.post('/views', async (req, res) => {
      siteServer(req as unknown as Req);
      const parsed = batchSchema.safeParse(req.body);
      if (!parsed.success) {
        throw httpError(400, 'INVALID_PAYLOAD', 'Die Seitenaufrufe sind nicht im erwarteten Format.');
      }
      const stored = await insertEvents(
        db,
        parsed.data.views.map((v) => ({
          workshop: v.workshop.toLowerCase(),
          type: 'page_view',
          path: v.path,
          language: v.language ?? pathLanguage(v.path),
          visitor: v.visitor,
          conversation: null,
          message: null,
          day: v.day,
          date_created: new Date(v.at),
        })),
      );
      return ok(res, { stored });
    });

    async function ownerTenant(req: Req): Promise<string> {
      const acc = req.accountability;
      if (!acc?.user) throw httpError(401, 'INVALID_CREDENTIALS', 'Bitte melden Sie sich an.');
      if (!isOwner(acc)) {
        throw httpError(403, 'FORBIDDEN', 'Die Einblicke sieht nur die Werkstattinhaberin bzw. der Werkstattinhaber.');
      }
      const user = await db('directus_users').where('id', acc.user).first('tenant');
      if (!user?.tenant) throw httpError(403, 'FORBIDDEN', 'Ihr Benutzerkonto ist keinem Mandanten zugeordnet.');
      return String(user.tenant);
    }

    router.get('/insights', async (req, res) => {
      const tenant = await ownerTenant(req as unknown as Req);
      const now = Date.now();
      const parsed = parseInsightsQuery(req.query as Record<string, unknown>, berlinDay(now));
      if (!parsed.ok) throw parsed.errors.map((message) => httpError(400, 'INVALID_QUERY', message));
      const { from, to, granularity, workshop } = parsed.query;
      const workshops = await db('workshops').where('tenant', tenant).orderBy('name').select('id', 'name');
      if (workshop && !workshops.some((w) => String(w.id).toLowerCase() === workshop)) {
        throw httpError(404, 'NOT_FOUND', 'Diese Werkstatt gibt es in Ihrem Konto nicht.');
      }
      const data = await loadInsights(db, tenant, { from, to, granularity, workshop }, now);
      return ok(res, { ...data, workshops: workshops.map((w) => ({ id: String(w.id), name: String(w.name) })) });
    });

    /** The rollup on demand (the platform admin, tests): through the same lease as the scheduled job. */
    router.post('/rollup/run', async (req, res) => {
      if (!(req as unknown as Req).accountability?.admin) {
        throw httpError(403, 'FORBIDDEN', 'Nur für Plattform-Administratoren.');
      }
      const result = await withLease(db, 'analytics-rollup', { ttlMs: 5 * 60_000 }, () => rollupDue(db));
      if (!result.ran) throw httpError(409, 'JOB_RUNNING', 'Die Tageswerte werden gerade berechnet.');
      return ok(res, { days: result.value });
    });

    router.get('/platform', async (req, res) => {
      const acc = (req as unknown as Req).accountability;
      if (!acc?.user) throw httpError(401, 'INVALID_CREDENTIALS', 'Bitte melden Sie sich an.');
      if (!acc.admin) throw httpError(403, 'FORBIDDEN', 'Nur für die Plattform-Administration.');
      const [tenants, plans] = await Promise.all([
        db('tenants').select(
          'id',
          'plan',
          'subscription_status',
          'trial_ends_at',
          'past_due_since',
          'cancel_at',
          'current_period_end',
          'stripe_subscription_id',
        ),
        db('plans').select('key', 'name', 'price_net'),
      ]);
      return ok(res, platformSummary(tenants, plans));
    });
  },
});

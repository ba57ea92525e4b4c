import { llmProcessor } from '@carbot/core/chat/privacy';
import {
  BOUNDS,
  checkChoice,
  choiceOf,
  effectiveRetention,
  PLAN_DEFAULTS,
  type Retention,
} from '@carbot/core/privacy/retention';
import {
  countsOf,
  describeCounts,
  exportDocument,
  type Found,
  parseSubjectQuery,
  proofRecord,
  readableSummary,
  type SubjectQuery,
  total,
} from '@carbot/core/privacy/subject';
import { defineEndpoint } from '@directus/extensions-sdk';
import type { Accountability } from '@directus/types';
import type { Knex } from 'knex';
import { catching, httpError } from '../shared/errors.js';
import { isOwner } from '../shared/http.js';
import {
  clearDataCache,
  eraseFound,
  findSubject,
  lastRetention,
  recordProof,
  runRetention,
} from '../shared/privacy.js';

type Req = { accountability?: Accountability | null; body?: unknown };

/**
 * Data subject requests for workshop owners (admin: Datenschutz → Auskunft & Löschung): find everything
 * about a person by e-mail, phone or conversation id within the owner's tenant, export it (Art. 15/20),
 * erase it (Art. 17). Each export and erasure leaves a proof record in `privacy_requests` with counts only.
 * Staff cannot: the right to answer such a request lies with the controller, i.e. the owner.
 */
export default defineEndpoint({
  id: 'privacy',
  handler: (endpointRouter, { database, env, services, getSchema, logger }) => {
    const router = catching(endpointRouter);
    const db = database as unknown as Knex;
    const processor = llmProcessor({
      configured: Boolean(env.OPENAI_API_KEY),
      baseUrl: env.OPENAI_BASE_URL ? String(env.OPENAI_BASE_URL) : null,
      named: env.CARBOT_LLM_PROCESSOR ? String(env.CARBOT_LLM_PROCESSOR) : null,
    });

    async function owner(req: Req): Promise<{ user: string; tenant: string; workshop: string }> {
      const acc = req.accountability;
      if (!acc?.user) throw httpError(401, 'INVALID_CREDENTIALS', 'Bitte melden Sie sich an.');
      if (!isOwner(acc)) {
        throw httpError(
          403,
          'FORBIDDEN',
          'Auskunft und Löschung nach DSGVO darf nur die Werkstattinhaberin bzw. der Werkstattinhaber veranlassen.',
        );
      }
      const user = await db('directus_users').where('id', acc.user).first('tenant');
      if (!user?.tenant) throw httpError(403, 'FORBIDDEN', 'Ihr Benutzerkonto ist keinem Mandanten zugeordnet.');
      const tenant = String(user.tenant);
      const names = await db('workshops').where('tenant', tenant).orderBy('name').pluck('name');
      const legal = await db('workshops').where('tenant', tenant).whereNotNull('legal_name').first('legal_name');
      return { user: acc.user, tenant, workshop: String(legal?.legal_name ?? (names.join(', ') || 'Werkstatt')) };
    }

    function query(req: Req): SubjectQuery {
      const parsed = parseSubjectQuery(req.body);
      if (!parsed.ok) throw parsed.errors.map((message) => httpError(400, 'INVALID_PAYLOAD', message));
      return parsed.query;
    }

    async function retentionOf(tenant: string): Promise<{ plan: string | null; retention: Retention }> {
      const row = await db('tenants')
        .where('id', tenant)
        .first('plan', 'retention_conversations_days', 'retention_leads_months');
      const plan = row?.plan ? String(row.plan) : null;
      return {
        plan,
        retention: effectiveRetention(plan, {
          conversationsDays: row?.retention_conversations_days ?? null,
          leadsMonths: row?.retention_leads_months ?? null,
        }),
      };
    }

    const summaryOf = async (tenant: string, workshop: string, found: Found) =>
      readableSummary({
        workshop,
        found,
        createdAt: new Date(),
        llmProcessor: processor?.name ?? null,
        retention: (await retentionOf(tenant)).retention,
      });

    router.post('/find', async (req, res) => {
      const who = await owner(req as Req);
      const found = await findSubject(db, who.tenant, query(req as Req));
      const counts = countsOf(found);
      res.json({
        data: {
          counts,
          total: total(counts),
          lines: describeCounts(counts),
          summary: await summaryOf(who.tenant, who.workshop, found),
          found,
        },
      });
    });

    router.post('/export', async (req, res) => {
      const who = await owner(req as Req);
      const q = query(req as Req);
      const found = await findSubject(db, who.tenant, q);
      const summary = await summaryOf(who.tenant, who.workshop, found);
      await recordProof(
        db,
        who.tenant,
        who.user,
        proofRecord({ kind: 'export', query: q, counts: countsOf(found), source: 'admin' }),
      );
      res.setHeader(
        'content-disposition',
        `attachment; filename="dsgvo-auskunft-${new Date().toISOString().slice(0, 10)}.json"`,
      );
      res.json(exportDocument({ workshop: who.workshop, found, createdAt: new Date(), summary }));
    });

    /** The tenant's retention, the bounds an owner may choose within, and the nightly purge's last run. */
    router.get('/retention', async (req, res) => {
      const who = await owner(req as Req);
      const { plan, retention } = await retentionOf(who.tenant);
      const report = await lastRetention(db);
      res.json({
        data: {
          retention,
          defaults: (plan && PLAN_DEFAULTS[plan]) || effectiveRetention(null),
          bounds: BOUNDS,
          lastRun: report ? { at: report.at, counts: report.tenants[who.tenant] ?? null } : null,
        },
      });
    });

    router.patch('/retention', async (req, res) => {
      const who = await owner(req as Req);
      const choice = choiceOf(req.body);
      const errors = checkChoice(choice);
      if (errors.length) throw errors.map((message) => httpError(400, 'INVALID_PAYLOAD', message));
      await db('tenants').where('id', who.tenant).update({
        retention_conversations_days: choice.conversationsDays,
        retention_leads_months: choice.leadsMonths,
      });
      res.json({ data: { retention: (await retentionOf(who.tenant)).retention } });
    });

    /** Runs the nightly purge now (platform administrators, for operations and tests); same lease as the schedule. */
    router.post('/retention/run', async (req, res) => {
      if (!(req as Req).accountability?.admin) throw httpError(403, 'FORBIDDEN', 'Nur für Plattform-Administratoren.');
      const run = await runRetention(db);
      if (!run.ran) throw httpError(409, 'JOB_RUNNING', 'Die Aufbewahrungs-Löschung läuft gerade.');
      await clearDataCache(services, getSchema, logger);
      res.json({ data: run.value });
    });

    router.post('/erase', async (req, res) => {
      const who = await owner(req as Req);
      const body = (req.body ?? {}) as Record<string, unknown>;
      if (body.confirm !== true) {
        throw httpError(400, 'CONFIRMATION_REQUIRED', 'Bitte bestätigen Sie die Löschung ausdrücklich.');
      }
      const q = query({
        ...(req as Req),
        body: Object.fromEntries(Object.entries(body).filter(([k]) => k !== 'confirm')),
      });
      const found = await findSubject(db, who.tenant, q);
      const counts = await eraseFound(db, found);
      await recordProof(db, who.tenant, who.user, proofRecord({ kind: 'erasure', query: q, counts, source: 'admin' }));
      await clearDataCache(services, getSchema, logger);
      logger.info(`DSGVO-Löschung für Mandant ${who.tenant}: ${total(counts)} Datensätze`);
      res.json({ data: { counts, total: total(counts), lines: describeCounts(counts) } });
    });
  },
});

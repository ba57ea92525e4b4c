import { MAX_ATTEMPTS } from '@carbot/core/mail/outbox';
import {
  type Check,
  HEALTH_CONTENT_TYPE,
  outboxCheck,
  probeCheck,
  readiness,
  scheduleCheck,
  searchLagCheck,
  tokenMatches,
} from '@carbot/core/ops/health';
import { readLeases } from '@carbot/core/ops/lease';
import { defineEndpoint } from '@directus/extensions-sdk';
import type { Accountability } from '@directus/types';
import type { Response } from 'express';
import type { Knex } from 'knex';
import { catching } from '../shared/errors.js';
import { isDraining, searchIndexPendingSince } from '../shared/lifecycle.js';

type Probe = { ok: true; ms: number } | { ok: false; error: string };

/** How often a job must have finished at the latest before its check warns (only jobs with a short interval). */
const OVERDUE_MS: Record<string, number> = { outbox: 5 * 60_000 };
const LLM_CACHE_MS = 60_000;
const PROBE_TIMEOUT_MS = 3000;

async function timed(work: () => Promise<unknown>): Promise<Probe> {
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      work(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`keine Antwort nach ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
      }),
    ]);
    return { ok: true, ms: performance.now() - started };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

const toMs = (value: unknown): number | null => {
  if (value === null || value === undefined) return null;
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(String(value));
  return Number.isFinite(ms) ? ms : null;
};

/**
 * Health of this Directus instance in the IETF health-check format (application/health+json):
 * - GET /carbot-health/live — the process answers (no dependencies asked): restart it when this fails.
 * - GET /carbot-health/ready — it should get traffic: database, Redis (when configured), the mail outbox's
 *   oldest unsent mail, the search index's lag, the last run of each scheduled job, the LLM (probed at most
 *   once a minute, never per request) and whether Stripe is configured. Fails at once on SIGTERM.
 * Everyone gets the status; the checks need the header `X-Health-Token: <CARBOT_HEALTH_TOKEN>` or an admin.
 */
export default defineEndpoint({
  id: 'carbot-health',
  handler: (endpointRouter, { database, env }) => {
    const router = catching(endpointRouter);
    const db = database as unknown as Knex;
    const token = typeof env.CARBOT_HEALTH_TOKEN === 'string' ? env.CARBOT_HEALTH_TOKEN : '';
    const service = {
      description: 'CarBot Directus',
      releaseId: String(env.CARBOT_RELEASE ?? process.env.npm_package_version ?? 'dev'),
      serviceId: String(env.CARBOT_INSTANCE ?? `${process.env.HOSTNAME ?? 'directus'}:${env.PORT ?? 8055}`),
    };
    const redisUrl = [env.REDIS, env.CACHE_REDIS, env.RATE_LIMITER_REDIS].find(
      (v): v is string => typeof v === 'string' && v !== '',
    );
    let redis: Promise<{ ping(): Promise<unknown> }> | null = null;
    const redisClient = () => {
      redis ??= import('ioredis').then(({ Redis }) => {
        const client = new Redis(redisUrl as string, {
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
          lazyConnect: false,
        });
        client.on('error', () => undefined);
        return client;
      });
      return redis;
    };

    let llm: { at: number; result: Probe } | null = null;
    let llmProbe: Promise<void> | null = null;
    const probeLlm = () => {
      llmProbe ??= (async () => {
        const base = String(env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1').replace(/\/$/, '');
        const result = await timed(async () => {
          const res = await fetch(`${base}/models`, {
            headers: { authorization: `Bearer ${String(env.OPENAI_API_KEY)}` },
            signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
          });
          if (!res.ok) throw new Error(`HTTP ${res.status}`);
        });
        llm = { at: Date.now(), result };
      })().finally(() => {
        llmProbe = null;
      });
      return llmProbe;
    };

    // A header of its own: Directus answers any Authorization it does not know with 401 before us.
    const detailed = (req: unknown) => {
      const given = (req as { headers: Record<string, string | undefined> }).headers['x-health-token'];
      const accountability = (req as { accountability?: Accountability | null }).accountability;
      return tokenMatches(given, token) || accountability?.admin === true;
    };

    const send = (res: Response, httpStatus: number, body: unknown) => {
      res.status(httpStatus);
      res.setHeader('content-type', HEALTH_CONTENT_TYPE);
      res.setHeader('cache-control', 'no-store');
      res.end(JSON.stringify(body));
    };

    router.get('/live', (_req, res) => send(res, 200, { status: 'pass' }));

    router.get('/ready', async (req, res) => {
      const now = Date.now();
      const checks: Record<string, Check[]> = {};
      const database = await timed(() => db.raw('select 1'));
      checks['database:responseTime'] = [probeCheck(database, now)];
      if (redisUrl) {
        checks['redis:responseTime'] = [probeCheck(await timed(async () => (await redisClient()).ping()), now)];
      }
      if (database.ok) {
        const [oldest] = await db('carbot_outbox')
          .whereNull('sent_at')
          .where('attempts', '<', MAX_ATTEMPTS)
          .min({ at: 'created_at' })
          .catch(() => [{ at: null }]);
        checks['outbox:oldestUnsentAge'] = [outboxCheck(toMs(oldest?.at), now)];
        for (const lease of await readLeases(db).catch(() => [])) {
          // Leases of single items (`feed-sync:<feed>`) are reported with their item (the feed's runs), not
          // here: one check per feed would bury the schedules.
          if (lease.name.includes(':')) continue;
          checks[`schedule:${lease.name}`] = [
            scheduleCheck(
              {
                name: lease.name,
                lastStartedAt: lease.last_started_at,
                lastFinishedAt: lease.last_finished_at,
                lastError: lease.last_error,
              },
              now,
              OVERDUE_MS[lease.name],
            ),
          ];
        }
      }
      checks['search:lag'] = [searchLagCheck(searchIndexPendingSince(), now)];
      if (env.OPENAI_API_KEY) {
        if (!llm || now - llm.at > LLM_CACHE_MS) void probeLlm();
        // The chat answers from the workshop's data without the LLM: unreachable is a warning.
        checks['llm:reachable'] = [
          llm
            ? { ...probeCheck(llm.result, llm.at, { componentType: 'component', failStatus: 'warn' }) }
            : { status: 'pass', componentType: 'component', output: 'Erste Prüfung läuft.' },
        ];
      } else {
        checks['llm:reachable'] = [
          { status: 'pass', componentType: 'component', observedValue: false, output: 'Kein LLM konfiguriert.' },
        ];
      }
      const stripe = Boolean(env.STRIPE_SECRET_KEY);
      const webhook = Boolean(env.STRIPE_WEBHOOK_SECRET);
      checks['stripe:configured'] = [
        {
          status: stripe && !webhook ? 'warn' : 'pass',
          componentType: 'component',
          observedValue: stripe,
          ...(stripe && !webhook ? { output: 'STRIPE_WEBHOOK_SECRET fehlt: Zahlungen werden nicht verbucht.' } : {}),
        },
      ];
      const answer = readiness(service, checks, { draining: isDraining(), detailed: detailed(req) });
      send(res, answer.httpStatus, answer.body);
    });
  },
});

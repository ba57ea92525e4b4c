import { type BillingTenant, serviceState, widgetPausedMessage } from '@carbot/core/billing/state';
import { type Language, pickLanguage } from '@carbot/core/chat/language';
import { originAllowed } from '@carbot/core/chat/origin';
import { visitorHash } from '@carbot/core/chat/visitor';
import { CLIENT_KEY_PATTERN, SITE_KEY_PATTERN, verifySiteKey } from '@carbot/core/client-keys';
import type { Request, Response } from 'express';
import type { Knex } from 'knex';
import { httpError } from '../shared/errors.js';
import { requestIp } from '../shared/http.js';
import { limiterFactory, take } from '../shared/limiter.js';

export type AdmissionRow = BillingTenant & {
  /** Null for a workshop website's signed key. */
  key_id: string | null;
  workshop: string;
  tenant: string;
  allowed_origins: unknown;
  name: string;
  slug: string | null;
  workshop_status: string;
  phone: string | null;
  email: string | null;
  languages: unknown;
  color_primary: string | null;
  ai_budget_eur: number | string | null;
};

/**
 * Everything one widget request needs to know about its client key — workshop, billing state and AI
 * budget — in a single query. Every chat request runs this before anything else, and on SQLite all
 * queries share one connection, so one round trip instead of several is what keeps answers quick under load.
 */
export async function admission(db: Knex, key: string): Promise<AdmissionRow | undefined> {
  return (await db('client_keys as k')
    .join('workshops as w', 'w.id', 'k.workshop')
    .join('tenants as t', 't.id', 'w.tenant')
    .leftJoin('plans as p', 'p.key', 't.plan')
    .where({ 'k.key': key, 'k.status': 'active' })
    .first('k.id as key_id', 'k.allowed_origins', ...WORKSHOP_COLUMNS)) as AdmissionRow | undefined;
}

/** The same for a workshop's own website, whose key is not stored but signed (see siteKey in core). */
export async function siteAdmission(db: Knex, workshopId: string): Promise<AdmissionRow | undefined> {
  return (await db('workshops as w')
    .join('tenants as t', 't.id', 'w.tenant')
    .leftJoin('plans as p', 'p.key', 't.plan')
    .where('w.id', workshopId)
    .first(db.raw('null as key_id'), db.raw('null as allowed_origins'), ...WORKSHOP_COLUMNS)) as
    | AdmissionRow
    | undefined;
}

const WORKSHOP_COLUMNS = [
  'w.id as workshop',
  'w.tenant',
  'w.name',
  'w.slug',
  'w.status as workshop_status',
  'w.phone',
  'w.email',
  'w.languages',
  'w.color_primary',
  't.plan',
  't.subscription_status',
  't.trial_ends_at',
  't.past_due_since',
  't.cancel_at',
  't.stripe_subscription_id',
  'p.ai_budget_eur',
];

/** Why a public request is refused before anything else runs; each API words it for its visitors. */
export type AdmissionRefusal = 'INVALID_KEY' | 'ORIGIN_NOT_ALLOWED' | 'RATE_LIMITED';

export type Admitted = {
  row: AdmissionRow;
  /** `id` is null for the key of a workshop's own CarBot website; `limiter` names the key for rate limits. */
  key: { id: string | null; limiter: string };
  language: Language;
  /** The visitor's daily pseudonym (see core/chat/visitor). */
  visitor: string;
  /** The page's origin when the request comes from the workshop's own CarBot website. */
  site: string | null;
};

/**
 * The admission every public API of a workshop shares (the chat widget's and the booking API): a client
 * key bound to allowed origins, or the signed key of the workshop's own CarBot website; a workshop that is
 * not archived; a tenant that billing has not paused; bursts per key and per visitor. Each API gets its
 * own rate-limit buckets and its own wording of a refusal; the decisions are the same.
 */
export function publicAdmission(
  db: Knex,
  env: Record<string, unknown>,
  options: {
    refuse: (code: AdmissionRefusal, language: Language) => Error;
    /** The widget's script may pass the key as `?key=` (e.g. for a plain link); other APIs read the header only. */
    queryKey?: boolean;
    /** The API's own rate-limit buckets (`widget`, `booking`). */
    limits: string;
    logger: { warn(obj: unknown, msg?: string): void };
  },
) {
  const secret = String(env.SECRET ?? 'carbot');
  // Shared with the site servers (purge calls, preview links, the keys of workshop websites).
  const siteSecret = String(env.CARBOT_PURGE_SECRET ?? '');
  // Requests per client key and writes per visitor, per minute. Configurable for large embeds and for load
  // tests that come from one address. Shared by all instances through Redis (shared/limiter.ts), so
  // alternating between instances gains nothing.
  const keyBurst = Number(env.CARBOT_RATE_LIMIT_KEY ?? 120);
  const visitorBurst = Number(env.CARBOT_RATE_LIMIT_VISITOR ?? 20);
  const limiter = limiterFactory(env, options.logger);
  const perKey = limiter(`${options.limits}-key`, { limit: keyBurst, windowSeconds: 60 });
  const perVisitor = limiter(`${options.limits}-visitor`, { limit: visitorBurst, windowSeconds: 60 });
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

  return async function admit(req: Request, res: Response, cost: 'read' | 'write'): Promise<Admitted> {
    const explicit = req.query.lang ?? (req.body as Record<string, unknown> | undefined)?.language;
    const guess = pickLanguage(explicit, req.get('accept-language'));
    const rawKey =
      req.get('x-carbot-key') ?? (options.queryKey && typeof req.query.key === 'string' ? req.query.key : '');
    const origin = req.get('origin');
    // A workshop's CarBot website embeds a key signed for the page's origin (see siteKey in core).
    const siteWorkshop = verifySiteKey(siteSecret, rawKey, origin);
    if (!siteWorkshop && !CLIENT_KEY_PATTERN.test(rawKey)) {
      throw options.refuse(SITE_KEY_PATTERN.test(rawKey) && !origin ? 'ORIGIN_NOT_ALLOWED' : 'INVALID_KEY', guess);
    }
    const row = siteWorkshop ? await siteAdmission(db, siteWorkshop) : await admission(db, rawKey);
    if (!row || row.workshop_status === 'archived' || (siteWorkshop && row.workshop_status !== 'published')) {
      throw options.refuse('INVALID_KEY', guess);
    }
    if (!siteWorkshop && !originAllowed(origin, list(row.allowed_origins))) {
      throw options.refuse('ORIGIN_NOT_ALLOWED', guess);
    }
    res.setHeader('Access-Control-Allow-Origin', origin as string);
    res.setHeader('Vary', 'Origin');
    const language = pickLanguage(explicit, req.get('accept-language'), list(row.languages));
    // Billing paused the tenant (trial over, payment open beyond the grace period): a polite answer, no data lost.
    if (!serviceState(row).live) throw httpError(503, 'WIDGET_PAUSED', widgetPausedMessage(language));
    const key = {
      id: siteWorkshop ? null : row.key_id,
      limiter: siteWorkshop ? `site:${siteWorkshop}` : String(row.key_id),
    };
    const visitor = visitorHash(secret, requestIp(req as never, env));
    const byKey = await take(await perKey, key.limiter);
    const byVisitor =
      cost === 'write' && byKey.allowed
        ? await take(await perVisitor, `${key.limiter}:${visitor}`)
        : { allowed: true as const };
    const refused = !byKey.allowed ? byKey : !byVisitor.allowed ? byVisitor : null;
    if (refused && !refused.allowed) {
      res.setHeader('Retry-After', String(refused.retryAfterSeconds));
      throw options.refuse('RATE_LIMITED', language);
    }
    return { row, key, language, visitor, site: siteWorkshop ? (origin as string) : null };
  };
}

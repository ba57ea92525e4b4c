/**
 * Recording analytics events on the Directus side, for every part of CarBot that sees one happen: the
 * chat endpoint (questions and where their answers came from, leads, handoffs), booking (a booking), the
 * widget's "opened" call. One function, `recordEvent`; it never throws and never delays the caller's
 * answer (rows are written in small batches a moment later), and it stores no IP address: the visitor is
 * the day's keyed hash from `visitorOf`.
 */

import { randomUUID } from 'node:crypto';
import type { EventType } from '@carbot/core/analytics/events';
import {
  berlinDay,
  DailySalts,
  msUntilDayEnds,
  newSalt,
  SALT_GRACE_MS,
  visitorId,
} from '@carbot/core/analytics/visitor';
import type { Knex } from 'knex';

export type AnalyticsEvent = {
  workshop: string;
  /** Optional: looked up from the workshop when missing. */
  tenant?: string | null;
  type: EventType;
  /** The page the event happened on (path only), if known. */
  path?: string | null;
  language?: string | null;
  /** From `visitorOf`; never an IP address or a cookie. */
  visitor?: string | null;
  /** Links the event to a conversation, so a data subject request finds and erases it. */
  conversation?: string | null;
  /** The visitor's message a question/answer event is about (the dashboard shows unanswered ones). */
  message?: string | null;
  at?: Date;
};

type Redis = {
  set(key: string, value: string, px: 'PX', ms: number, nx: 'NX'): Promise<unknown>;
  get(key: string): Promise<string | null>;
};

type Logger = { warn(message: string): void };

/**
 * The day's salt: in Redis when Directus has one (`REDIS`), shared by every instance and gone with its TTL
 * at the end of the day (plus a few minutes' grace); otherwise in this process's memory. Site servers
 * fetch it from here (`GET /carbot-analytics/salt`), so all of a cluster's servers hash alike.
 */
export class SaltStore {
  readonly #memory = new DailySalts();
  #redis: Promise<Redis | null> | null = null;
  readonly #url: string | null;
  readonly #logger: Logger;
  #warned = 0;

  constructor(env: Record<string, unknown>, logger: Logger) {
    this.#url = [env.REDIS].find((v): v is string => typeof v === 'string' && v !== '') ?? null;
    this.#logger = logger;
  }

  #client(): Promise<Redis | null> {
    if (!this.#url) return Promise.resolve(null);
    this.#redis ??= import('ioredis').then(({ Redis: Client }) => {
      const c = new Client(this.#url as string, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
      c.on('error', () => undefined);
      return c as unknown as Redis;
    });
    return this.#redis;
  }

  /** The salt of `day` (YYYY-MM-DD, German), or null when that day is over (or not yet begun). */
  async get(day: string, now: number = Date.now()): Promise<string | null> {
    const today = berlinDay(now);
    if (day !== today && day !== berlinDay(now - SALT_GRACE_MS)) return null;
    const redis = await this.#client();
    if (redis) {
      try {
        const key = `carbot:analytics-salt:${day}`;
        const ttl = (day === today ? msUntilDayEnds(now) : 0) + SALT_GRACE_MS;
        await redis.set(key, newSalt(), 'PX', ttl, 'NX');
        const salt = await redis.get(key);
        if (salt) return salt;
      } catch (error) {
        if (Date.now() - this.#warned > 60_000) {
          this.#warned = Date.now();
          this.#logger.warn(
            `Statistik: Redis nicht erreichbar, Tagessalz vorübergehend je Prozess (${(error as Error).message})`,
          );
        }
      }
    }
    return this.#memory.get(day, now);
  }
}

let salts: SaltStore | null = null;
/** One salt store per process (the bundle's endpoints and hooks share it). */
export function saltStore(env: Record<string, unknown>, logger: Logger): SaltStore {
  salts ??= new SaltStore(env, logger);
  return salts;
}

/** The visitor's pseudonym for today on one workshop's site: keyed hash of IP, user agent and workshop. */
export async function visitorOf(
  store: SaltStore,
  ip: string | null | undefined,
  userAgent: string | null | undefined,
  workshop: string,
  now: number = Date.now(),
): Promise<string | null> {
  if (!ip) return null;
  const salt = await store.get(berlinDay(now), now);
  return salt ? visitorId(salt, ip, userAgent ?? '', workshop) : null;
}

type Row = {
  workshop: string;
  tenant: string | null;
  type: string;
  path: string | null;
  language: string | null;
  visitor: string | null;
  conversation: string | null;
  message: string | null;
  day: string;
  date_created: Date;
};

const pending: Row[] = [];
let scheduled = false;
let flushing: Promise<void> = Promise.resolve();
/** How long an event waits at most before it is written (events arriving meanwhile share the insert). */
const FLUSH_MS = 500;

/** Tenants of workshops, remembered: a workshop never changes its tenant. */
const tenants = new Map<string, string>();

async function tenantsOf(db: Knex, workshops: string[]): Promise<Map<string, string>> {
  const missing = [...new Set(workshops)].filter((w) => !tenants.has(w));
  for (let i = 0; i < missing.length; i += 500) {
    const rows = await db('workshops')
      .whereIn('id', missing.slice(i, i + 500))
      .select('id', 'tenant');
    for (const r of rows) if (r.tenant) tenants.set(String(r.id), String(r.tenant));
  }
  return tenants;
}

/** Inserts rows whose workshop exists, stamping the workshop's tenant (never a tenant a caller sent). */
export async function insertEvents(db: Knex, rows: Omit<Row, 'tenant'>[]): Promise<number> {
  if (!rows.length) return 0;
  const known = await tenantsOf(
    db,
    rows.map((r) => r.workshop),
  );
  const stamped = rows
    .filter((r) => known.has(r.workshop))
    .map((r) => ({ id: randomUUID(), ...r, tenant: known.get(r.workshop) as string }));
  // SQLite binds at most 999 values per statement; 11 columns → 80 rows per insert.
  for (let i = 0; i < stamped.length; i += 80) await db('analytics_events').insert(stamped.slice(i, i + 80));
  return stamped.length;
}

let database: Knex | null = null;
let log: Logger = { warn: (message) => console.warn(message) };

function flush() {
  scheduled = false;
  const rows = pending.splice(0);
  if (!rows.length || !database) return;
  const db = database;
  flushing = flushing
    .then(() => insertEvents(db, rows))
    .then(
      () => undefined,
      (error: Error) => log.warn(`Statistik: ${rows.length} Ereignisse nicht gespeichert: ${error.message}`),
    );
}

/**
 * Records one event; returns at once. The row is written within about half a second, together with
 * whatever else happened meanwhile. Safe to call from any request handler; never throws.
 */
export function recordEvent(db: Knex, event: AnalyticsEvent, logger?: Logger): void {
  try {
    database = db;
    if (logger) log = logger;
    const at = event.at ?? new Date();
    pending.push({
      workshop: event.workshop,
      tenant: event.tenant ?? null,
      type: event.type,
      path: event.path ? event.path.slice(0, 500) : null,
      language: event.language ? event.language.slice(0, 8) : null,
      visitor: event.visitor ?? null,
      conversation: event.conversation ?? null,
      message: event.message ?? null,
      day: berlinDay(at),
      date_created: at,
    });
    if (event.tenant) tenants.set(event.workshop, event.tenant);
    if (!scheduled) {
      scheduled = true;
      setTimeout(flush, FLUSH_MS);
    }
  } catch {
    // Counting must never cost the visitor an answer.
  }
}

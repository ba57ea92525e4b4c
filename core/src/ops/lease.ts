/**
 * Leases in the database: the one lock every scheduled job of CarBot uses, on SQLite and PostgreSQL,
 * with or without Redis. A lease has a name (one per job, e.g. `outbox`, `feed-sync:<source>`); whoever
 * holds an unexpired lease runs the job, everyone else skips. A holder that dies simply lets the lease
 * expire; one that runs long keeps renewing it. The row also records the job's last run for the health
 * report.
 *
 * `tick` makes a lease once-per-tick: for a cron job every instance fires at the same minute, passes the
 * same tick (the scheduled time), and exactly one of them runs it — even when the first one has already
 * finished before the second one looks. Expiry relies on the instances' clocks agreeing (NTP) to well
 * under `ttlMs`.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';

export const LEASES_TABLE = 'carbot_leases';

/** Identifies this process as a holder; a lease it holds is its own across calls. */
const PROCESS = randomUUID();

export type LeaseRow = {
  name: string;
  holder: string | null;
  expires_at: number;
  tick: number | null;
  last_started_at: number | null;
  last_finished_at: number | null;
  last_error: string | null;
  last_report: string | null;
};

const known = new WeakSet<Knex>();

/**
 * The tick a cron job fired for: its time cut to the cron's unit (second for six fields, else minute).
 * Every instance that fires for the same scheduled time gets the same tick.
 */
export function cronTick(cron: string, now: number): number {
  const unit = cron.trim().split(/\s+/).length >= 6 ? 1000 : 60_000;
  return Math.floor(now / unit) * unit;
}

export type LeaseOptions<T = unknown> = {
  /** How long the lease lasts without renewal; renewed every third of it while the work runs. */
  ttlMs: number;
  /** The scheduled time (ms) of a cron tick: at most one run per tick across all instances. */
  tick?: number;
  /**
   * How long to wait for a lease someone else holds, asking again every 200 ms (a feed delivery waits for
   * the feed's running sync); 0 or absent: return at once.
   */
  waitMs?: number;
  now?: () => number;
  /**
   * What a successful run leaves for the reader of its outcome (the retention purge's counts for the
   * Datenschutz page), kept as JSON in `last_report`; a failed run keeps the previous report.
   */
  report?: (value: T) => unknown;
};

export type LeaseResult<T> = { ran: true; value: T } | { ran: false; holder: string | null };

async function acquire<T>(db: Knex, name: string, holder: string, options: LeaseOptions<T>, now: number) {
  await db(LEASES_TABLE).insert({ name, holder: null, expires_at: 0, tick: null }).onConflict('name').ignore();
  const query = db(LEASES_TABLE).where('name', name).where('expires_at', '<', now);
  if (options.tick !== undefined) query.where((q) => q.whereNull('tick').orWhere('tick', '<', options.tick as number));
  return (
    (await query.update({
      holder,
      expires_at: now + options.ttlMs,
      ...(options.tick !== undefined ? { tick: options.tick } : {}),
      last_started_at: now,
    })) === 1
  );
}

/**
 * Runs `work` if this call gets the lease `name`, renewing it while the work runs and releasing it
 * afterwards; otherwise returns at once with `ran: false`. Errors of `work` are recorded and rethrown.
 */
export async function withLease<T>(
  db: Knex,
  name: string,
  options: LeaseOptions<T>,
  work: () => Promise<T>,
): Promise<LeaseResult<T>> {
  const clock = options.now ?? Date.now;
  // Directus starts before our migrations have run on a fresh installation: no table, no run yet.
  if (!known.has(db)) {
    if (!(await db.schema.hasTable(LEASES_TABLE))) return { ran: false, holder: null };
    known.add(db);
  }
  const holder = `${PROCESS}:${randomUUID()}`;
  const deadline = clock() + (options.waitMs ?? 0);
  while (!(await acquire(db, name, holder, options, clock()))) {
    if (clock() >= deadline) {
      const row = await db(LEASES_TABLE).where('name', name).first('holder');
      return { ran: false, holder: (row?.holder as string | null) ?? null };
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const renew = setInterval(
    () => {
      db(LEASES_TABLE)
        .where({ name, holder })
        .update({ expires_at: clock() + options.ttlMs })
        .catch(() => undefined);
    },
    Math.max(50, Math.floor(options.ttlMs / 3)),
  );
  renew.unref?.();
  let error: unknown = null;
  let report: { last_report: string } | Record<string, never> = {};
  try {
    const value = await work();
    if (options.report) report = { last_report: JSON.stringify(options.report(value)) };
    return { ran: true, value };
  } catch (caught) {
    error = caught;
    throw caught;
  } finally {
    clearInterval(renew);
    await db(LEASES_TABLE)
      .where({ name, holder })
      .update({
        holder: null,
        expires_at: 0,
        last_finished_at: clock(),
        last_error: error === null ? null : String((error as Error)?.message ?? error).slice(0, 1000),
        ...report,
      });
  }
}

/** Every lease with its last run, for the health report. */
export async function readLeases(db: Knex): Promise<LeaseRow[]> {
  if (!(await db.schema.hasTable(LEASES_TABLE))) return [];
  const rows = (await db(LEASES_TABLE).select('*').orderBy('name')) as LeaseRow[];
  return rows.map((row) => ({
    ...row,
    expires_at: Number(row.expires_at),
    tick: row.tick === null ? null : Number(row.tick),
    last_started_at: row.last_started_at === null ? null : Number(row.last_started_at),
    last_finished_at: row.last_finished_at === null ? null : Number(row.last_finished_at),
  }));
}

/** The table, created by the migration in schema/migrations (and by tests on a blank database). */
export async function createLeasesTable(db: Knex): Promise<void> {
  await db.schema.createTable(LEASES_TABLE, (table) => {
    table.string('name', 200).primary();
    table.string('holder', 100).nullable();
    // Milliseconds since the epoch: the same arithmetic on SQLite and PostgreSQL, no time zones.
    table.bigInteger('expires_at').notNullable().defaultTo(0);
    table.bigInteger('tick').nullable();
    table.bigInteger('last_started_at').nullable();
    table.bigInteger('last_finished_at').nullable();
    table.text('last_error').nullable();
    table.text('last_report').nullable();
  });
}

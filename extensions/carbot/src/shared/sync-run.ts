import { randomUUID } from 'node:crypto';
import { type Delivery, DeliveryError, readDelivery } from '@carbot/core/sync/delivery';
import {
  type Counts,
  type Plan,
  planRun,
  type RejectedRow,
  type StoredVehicle,
  type VehicleStatus,
} from '@carbot/core/sync/diff';
import { DEFAULT_MAX_REMOVAL_SHARE } from '@carbot/core/sync/guard';
import type { Mapping } from '@carbot/core/sync/mapping';
import { recordColumns, recordFromRow, VEHICLE_FIELDS } from '@carbot/core/sync/record';
import { statisticsStale } from '@carbot/core/sync/statistics';
import type { Knex } from 'knex';

/**
 * Applies one delivery to one feed. The plan comes from core (pure); this adapter holds the feed's lease,
 * writes each vehicle together with its history in small transactions, and records the run.
 *
 * Crash safety: a vehicle and its history row commit together, and the stored hash is part of that
 * commit, so after a crash every vehicle is old or new with matching history; the next run plans only
 * what is still different.
 */

export type Feed = {
  id: string;
  tenant: string;
  workshop: string;
  name: string;
  mode: string;
  url: string | null;
  field_mapping: Mapping | null;
  max_removal_percent: number | null;
  confirm_next_run: boolean;
  etag: string | null;
  last_modified: string | null;
  failure_notified_at: string | null;
  status: string | null;
};

export type Trigger = 'schedule' | 'push' | 'upload' | 'manual';
export type RunStatus = 'ok' | 'partial' | 'refused' | 'failed' | 'not_modified';

export type RunReport = Counts & {
  run: string;
  status: RunStatus;
  mode: 'snapshot' | 'delta';
  message: string | null;
  errors: RejectedRow[];
  notes: RejectedRow[];
  duration_ms: number;
  /** Vehicles written by the run (created, changed, removed, restored): what sites and search follow. */
  changed: string[];
};

export const MAX_REPORTED_ROWS = 100;
const CHUNK = 100;

const parseJson = <T>(v: unknown): T | null => {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v !== 'string') return v as T;
  try {
    return JSON.parse(v) as T;
  } catch {
    return null;
  }
};

export async function loadFeed(db: Knex, id: string): Promise<Feed | null> {
  const row = await db('inventory_feeds').where('id', id).first();
  if (!row) return null;
  return {
    id: String(row.id),
    tenant: String(row.tenant),
    workshop: String(row.workshop),
    name: String(row.name ?? ''),
    mode: String(row.mode ?? ''),
    url: row.url ?? null,
    field_mapping: parseJson<Mapping>(row.field_mapping),
    max_removal_percent:
      row.max_removal_percent === null || row.max_removal_percent === undefined
        ? null
        : Number(row.max_removal_percent),
    confirm_next_run: row.confirm_next_run === true || row.confirm_next_run === 1,
    etag: row.etag ?? null,
    last_modified: row.last_modified ?? null,
    failure_notified_at: row.failure_notified_at ?? null,
    status: row.status ?? null,
  };
}

// ---- the run ----

const SELECT = ['id', 'external_id', 'sync_hash', 'status', ...VEHICLE_FIELDS.filter((f) => f !== 'external_id')];

async function storedVehicles(db: Knex, feed: string): Promise<StoredVehicle[]> {
  const rows = await db('vehicles').select(SELECT).where('feed', feed);
  return rows.map((row: Record<string, unknown>) => ({
    id: String(row.id),
    external_id: String(row.external_id),
    sync_hash: (row.sync_hash as string | null) ?? null,
    status: String(row.status) as VehicleStatus,
    record: recordFromRow(row),
  }));
}

async function foreignVins(db: Knex, feed: Feed): Promise<Set<string>> {
  const rows = await db('vehicles')
    .select('vin')
    .where('workshop', feed.workshop)
    .whereNotNull('vin')
    .where((q) => q.whereNull('feed').orWhereNot('feed', feed.id));
  return new Set(rows.map((r: { vin: string }) => r.vin));
}

const summary = (r: { make: string; model: string; price: number }) => ({
  make: r.make,
  model: r.model,
  price: r.price,
});

async function applyPlan(db: Knex, feed: Feed, run: string, plan: Plan): Promise<string[]> {
  const now = new Date();
  const history = (
    vehicle: string,
    change: string,
    changes: unknown,
    oldPrice: number | null,
    newPrice: number | null,
  ) => ({
    id: randomUUID(),
    tenant: feed.tenant,
    vehicle,
    run,
    change,
    changes: changes === null ? null : JSON.stringify(changes),
    old_price: oldPrice,
    new_price: newPrice,
    date_created: now,
  });
  const changed: string[] = [];

  for (let i = 0; i < plan.creates.length; i += CHUNK) {
    const chunk = plan.creates.slice(i, i + CHUNK).map((c) => ({ ...c, id: randomUUID() }));
    await db.transaction(async (trx) => {
      await trx.batchInsert(
        'vehicles',
        chunk.map((c) => ({
          id: c.id,
          tenant: feed.tenant,
          workshop: feed.workshop,
          feed: feed.id,
          status: c.status,
          sync_hash: c.hash,
          last_seen_at: now,
          date_created: now,
          ...recordColumns(c.record),
        })),
        20,
      );
      await trx.batchInsert(
        'vehicle_history',
        chunk.map((c) => history(c.id, 'created', summary(c.record), null, c.record.price)),
        50,
      );
    });
    changed.push(...chunk.map((c) => c.id));
  }

  for (let i = 0; i < plan.updates.length; i += CHUNK) {
    const chunk = plan.updates.slice(i, i + CHUNK);
    await db.transaction(async (trx) => {
      for (const u of chunk) {
        await trx('vehicles')
          .where('id', u.id)
          .update({
            ...recordColumns(u.record),
            status: u.status,
            sync_hash: u.hash,
            last_seen_at: now,
            date_updated: now,
          });
      }
      await trx.batchInsert(
        'vehicle_history',
        chunk.map((u) => history(u.id, u.change, u.changes, u.old_price, u.new_price)),
        50,
      );
    });
    changed.push(...chunk.map((u) => u.id));
  }

  for (let i = 0; i < plan.rehash.length; i += CHUNK) {
    const chunk = plan.rehash.slice(i, i + CHUNK);
    await db.transaction(async (trx) => {
      for (const r of chunk) await trx('vehicles').where('id', r.id).update({ sync_hash: r.hash });
    });
  }

  for (let i = 0; i < plan.removals.length; i += CHUNK) {
    const chunk = plan.removals.slice(i, i + CHUNK);
    await db.transaction(async (trx) => {
      await trx('vehicles')
        .whereIn(
          'id',
          chunk.map((r) => r.id),
        )
        .update({ status: 'sold', date_updated: now });
      await trx.batchInsert(
        'vehicle_history',
        chunk.map((r) => history(r.id, 'sold', { status: [r.status, 'sold'] }, r.old_price, null)),
        50,
      );
    });
    changed.push(...chunk.map((r) => r.id));
  }
  return changed;
}

const statusOf = (plan: Plan): RunStatus => (plan.refusal ? 'refused' : plan.counts.rejected > 0 ? 'partial' : 'ok');

async function startRun(db: Knex, feed: Feed, trigger: Trigger): Promise<string> {
  // We hold the lease: a run still marked as running is one whose server died.
  await db('sync_runs').where({ feed: feed.id, status: 'running' }).update({
    status: 'failed',
    finished_at: new Date(),
    message: 'Abgebrochen (Server beendet); der nächste Lauf holt es nach.',
  });
  const id = randomUUID();
  await db('sync_runs').insert({
    id,
    tenant: feed.tenant,
    feed: feed.id,
    status: 'running',
    trigger,
    started_at: new Date(),
    received: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    removed: 0,
    rejected: 0,
    confirmed: false,
  });
  return id;
}

async function finishRun(db: Knex, feed: Feed, report: RunReport, confirmed: boolean, started: number): Promise<void> {
  const finished = new Date();
  report.duration_ms = Date.now() - started;
  await db('sync_runs')
    .where('id', report.run)
    .update({
      status: report.status,
      mode: report.mode,
      finished_at: finished,
      duration_ms: report.duration_ms,
      received: report.received,
      created: report.created,
      updated: report.updated,
      unchanged: report.unchanged,
      removed: report.removed,
      rejected: report.rejected,
      errors: JSON.stringify(report.errors.slice(0, MAX_REPORTED_ROWS)),
      notes: JSON.stringify(report.notes.slice(0, MAX_REPORTED_ROWS)),
      message: report.message,
      confirmed,
    });
  const feedUpdate: Record<string, unknown> = {
    last_run_at: finished,
    last_run_status: report.status === 'not_modified' ? 'ok' : report.status === 'refused' ? 'failed' : report.status,
    last_run_report: JSON.stringify({
      run: report.run,
      status: report.status,
      received: report.received,
      created: report.created,
      updated: report.updated,
      unchanged: report.unchanged,
      removed: report.removed,
      rejected: report.rejected,
    }),
  };
  if (confirmed && report.status !== 'refused' && report.status !== 'failed') feedUpdate.confirm_next_run = false;
  await db('inventory_feeds').where('id', feed.id).update(feedUpdate);
}

/**
 * After a run that moved much of a feed's stock (core/sync/statistics), PostgreSQL's planner statistics
 * of `vehicles` are refreshed at once instead of whenever autovacuum gets to it. SQLite plans by its own
 * rules without them. The vehicles are written already: a failed ANALYZE does not fail the run.
 */
async function refreshStatistics(db: Knex): Promise<void> {
  if (db.client.config.client !== 'pg') return;
  await db.raw('ANALYZE vehicles').catch(() => undefined);
}

const emptyCounts = (): Counts => ({ received: 0, created: 0, updated: 0, unchanged: 0, removed: 0, rejected: 0 });

export type RunOptions = { trigger: Trigger; confirm?: boolean; today?: Date };

/**
 * Runs one delivery against a feed (the caller holds the feed's lease). Never throws for bad data: a
 * delivery that cannot be read at all is a failed run with a German message.
 */
export async function runDelivery(
  db: Knex,
  feed: Feed,
  source: { bytes: Uint8Array } | { delivery: Delivery } | { failure: string },
  options: RunOptions,
): Promise<RunReport> {
  const started = Date.now();
  const run = await startRun(db, feed, options.trigger);
  const confirmed = options.confirm === true || feed.confirm_next_run;
  const report: RunReport = {
    run,
    status: 'failed',
    mode: 'snapshot',
    message: null,
    errors: [],
    notes: [],
    duration_ms: 0,
    changed: [],
    ...emptyCounts(),
  };
  try {
    let delivery: Delivery;
    if ('failure' in source) throw new DeliveryError(source.failure);
    if ('delivery' in source) delivery = source.delivery;
    else delivery = readDelivery(source.bytes, feed.field_mapping);
    report.mode = delivery.mode;
    const existing = await storedVehicles(db, feed.id);
    const plan = planRun({
      mode: delivery.mode,
      entries: delivery.entries,
      unreadable: delivery.unreadable,
      existing,
      foreignVins: await foreignVins(db, feed),
      maxRemovalShare: feed.max_removal_percent === null ? DEFAULT_MAX_REMOVAL_SHARE : feed.max_removal_percent / 100,
      confirmed,
      today: options.today ?? new Date(),
    });
    Object.assign(report, plan.counts);
    report.errors = plan.rejected.slice(0, MAX_REPORTED_ROWS);
    report.notes = plan.notes.slice(0, MAX_REPORTED_ROWS);
    report.status = statusOf(plan);
    if (plan.refusal) report.message = plan.refusal.message;
    else {
      report.changed = await applyPlan(db, feed, run, plan);
      if (statisticsStale({ before: existing.length, created: report.created, removed: report.removed })) {
        await refreshStatistics(db);
      }
    }
  } catch (error) {
    report.status = 'failed';
    report.message =
      error instanceof DeliveryError
        ? error.message
        : `Der Abgleich ist fehlgeschlagen: ${(error as Error).message}`.slice(0, 1000);
  }
  await finishRun(db, feed, report, confirmed, started);
  return report;
}

/** A pull that the server answered with 304: one request, nothing else, recorded as such. */
export async function recordNotModified(db: Knex, feed: Feed, trigger: Trigger): Promise<RunReport> {
  const started = Date.now();
  const run = await startRun(db, feed, trigger);
  const report: RunReport = {
    run,
    status: 'not_modified',
    mode: 'snapshot',
    message: 'Die Quelle meldet keine Änderung (304).',
    errors: [],
    notes: [],
    duration_ms: 0,
    changed: [],
    ...emptyCounts(),
  };
  await finishRun(db, feed, report, false, started);
  return report;
}

/** The answer of the push API and the upload: the run report without internal lists. */
export const publicReport = (r: RunReport) => ({
  run: r.run,
  status: r.status,
  mode: r.mode,
  received: r.received,
  created: r.created,
  updated: r.updated,
  unchanged: r.unchanged,
  removed: r.removed,
  rejected: r.rejected,
  errors: r.errors,
  notes: r.notes,
  message: r.message,
  duration_ms: r.duration_ms,
});

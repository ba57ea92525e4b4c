import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knex, { type Knex } from 'knex';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createLeasesTable, cronTick, LEASES_TABLE, readLeases, withLease } from './lease.ts';

// Two connections to one SQLite file stand for two Directus instances sharing a database.
const dir = mkdtempSync(join(tmpdir(), 'carbot-lease-'));
const open = () =>
  knex({ client: 'sqlite3', connection: { filename: join(dir, 'leases.db') }, useNullAsDefault: true });
let a: Knex;
let b: Knex;

beforeAll(async () => {
  a = open();
  b = open();
  await a.raw('PRAGMA journal_mode = WAL');
  await createLeasesTable(a);
});

afterAll(async () => {
  await a.destroy();
  await b.destroy();
  rmSync(dir, { recursive: true, force: true });
});

/** Resolves when `check` holds, polling the database instead of sleeping a fixed time. */
async function until(check: () => Promise<boolean>) {
  while (!(await check())) await new Promise((r) => setTimeout(r, 10));
}

test('only one of two instances runs a job at a time; the other returns at once', async () => {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const first = withLease(a, 'outbox', { ttlMs: 10_000 }, async () => {
    await gate;
    return 'a';
  });
  await until(async () => (await a(LEASES_TABLE).where('name', 'outbox').first())?.holder != null);
  const second = await withLease(b, 'outbox', { ttlMs: 10_000 }, async () => 'b');
  expect(second.ran).toBe(false);
  release();
  expect(await first).toEqual({ ran: true, value: 'a' });
  // Released: the next run may happen anywhere.
  expect(await withLease(b, 'outbox', { ttlMs: 10_000 }, async () => 'b')).toEqual({ ran: true, value: 'b' });
});

test.each([
  ['same tick on the other instance after the first finished', 1000, 1000, false],
  ['an earlier tick arriving late', 1000, 940, false],
  ['the next tick', 1000, 1060, true],
])('once per tick: %s', async (_name, tick, later, runs) => {
  const name = `cleanup-${tick}-${later}`;
  expect((await withLease(a, name, { ttlMs: 10_000, tick }, async () => 1)).ran).toBe(true);
  expect((await withLease(b, name, { ttlMs: 10_000, tick: later }, async () => 2)).ran).toBe(runs);
});

test('a lease whose holder died expires and is taken over', async () => {
  await a(LEASES_TABLE).insert({ name: 'feed-sync:42', holder: 'dead-process', expires_at: Date.now() + 60_000 });
  expect((await withLease(b, 'feed-sync:42', { ttlMs: 10_000 }, async () => 1)).ran).toBe(false);
  const later = () => Date.now() + 61_000;
  expect(await withLease(b, 'feed-sync:42', { ttlMs: 10_000, now: later }, async () => 1)).toEqual({
    ran: true,
    value: 1,
  });
});

test('a job running longer than its lease keeps renewing it, so nobody overlaps it', async () => {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const running = withLease(a, 'reminders', { ttlMs: 300 }, () => gate);
  const row = () => a(LEASES_TABLE).where('name', 'reminders').first();
  await until(async () => (await row())?.holder != null);
  const firstExpiry = Number((await row()).expires_at);
  // Past the original expiry, and renewed.
  await until(async () => Date.now() > firstExpiry + 50 && Number((await row()).expires_at) > firstExpiry);
  expect((await withLease(b, 'reminders', { ttlMs: 300 }, async () => 1)).ran).toBe(false);
  release();
  await running;
});

test('a failing job records its error, gives the lease back and rethrows', async () => {
  await expect(
    withLease(a, 'retention', { ttlMs: 10_000 }, async () => {
      throw new Error('Datenbank weg');
    }),
  ).rejects.toThrow('Datenbank weg');
  const row = (await readLeases(b)).find((l) => l.name === 'retention');
  expect(row).toMatchObject({ holder: null, expires_at: 0, last_error: 'Datenbank weg' });
  expect(row?.last_finished_at).toBeGreaterThanOrEqual(row?.last_started_at as number);
  expect((await withLease(b, 'retention', { ttlMs: 10_000 }, async () => 'ok')).ran).toBe(true);
});

test('a successful run keeps its report; a failed one keeps the previous report', async () => {
  const report = (value: { erased: number }) => ({ counts: value });
  await withLease(a, 'purge', { ttlMs: 10_000, report }, async () => ({ erased: 3 }));
  const after = async () => (await readLeases(b)).find((l) => l.name === 'purge');
  expect(JSON.parse(String((await after())?.last_report))).toEqual({ counts: { erased: 3 } });
  await expect(
    withLease(a, 'purge', { ttlMs: 10_000, report }, async (): Promise<{ erased: number }> => {
      throw new Error('abgebrochen');
    }),
  ).rejects.toThrow('abgebrochen');
  expect(await after()).toMatchObject({ last_error: 'abgebrochen' });
  expect(JSON.parse(String((await after())?.last_report))).toEqual({ counts: { erased: 3 } });
});

test('with waitMs a second caller waits for the holder and then runs; without it, it gives up at once', async () => {
  let release = () => {};
  const first = withLease(a, 'feed-sync:7', { ttlMs: 10_000 }, () => new Promise<void>((r) => (release = r)));
  await until(async () => (await a(LEASES_TABLE).where('name', 'feed-sync:7').first())?.holder != null);
  expect((await withLease(b, 'feed-sync:7', { ttlMs: 10_000 }, async () => 'sofort')).ran).toBe(false);
  const waiting = withLease(b, 'feed-sync:7', { ttlMs: 10_000, waitMs: 30_000 }, async () => 'danach');
  // Still waiting while the first one holds the lease.
  await new Promise((r) => setTimeout(r, 300));
  release();
  await first;
  expect(await waiting).toEqual({ ran: true, value: 'danach' });
});

test.each([
  ['41 * * * *', '2026-11-29T03:41:00.030Z', '2026-11-29T03:41:00.000Z'],
  ['41 * * * *', '2026-11-29T03:41:02.900Z', '2026-11-29T03:41:00.000Z'],
  ['*/2 * * * * *', '2026-11-29T03:41:02.004Z', '2026-11-29T03:41:02.000Z'],
  ['  0  3 * * *  ', '2026-11-29T03:00:00.500Z', '2026-11-29T03:00:00.000Z'],
])('cronTick(%s) at %s', (cron, now, tick) => {
  expect(cronTick(cron, Date.parse(now))).toBe(Date.parse(tick));
});

test('without the table (before the first migration) nothing runs and nothing fails', async () => {
  const blank = knex({ client: 'sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
  try {
    expect(await withLease(blank, 'outbox', { ttlMs: 1000 }, async () => 1)).toEqual({ ran: false, holder: null });
    expect(await readLeases(blank)).toEqual([]);
  } finally {
    await blank.destroy();
  }
});

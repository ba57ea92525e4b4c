/**
 * `npm run bench:booking`: the figures of appointment booking.
 * 1. Free-slot computation for a workshop with 3 bays, 6 weeks ahead, 40 services and a busy calendar:
 *    p95 per request (goal ≤ 20 ms), against the same computation without the per-day narrowing of busy
 *    times (the straightforward way), measured in the same run.
 * 2. A 50-way race for the last free bay of one slot: the booking transaction of the /booking endpoint
 *    50 times at once, on PostgreSQL through 50 separate connections (as several Directus instances would
 *    use), on SQLite through Directus's single connection. Goal: exactly 1 booking. Without the workshop
 *    lock (check, then insert) the same race is run as the baseline.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Busy, checkSlot, freeSlots, peakLoad, type SlotQuery } from '@carbot/core/booking/slots';
import type { OpeningHours } from '@carbot/core/sites/hours';
import knex, { type Knex } from 'knex';
import pg from 'pg';
import { busyOf, lockWorkshop } from '../extensions/carbot/src/shared/booking.ts';

const HOURS: OpeningHours = {
  mo: [['07:30', '18:00']],
  tu: [['07:30', '18:00']],
  we: [['07:30', '18:00']],
  th: [['07:30', '18:00']],
  fr: [['07:30', '16:00']],
  sa: [['09:00', '13:00']],
  su: [],
};
const SETTINGS = { capacity: 3, horizonDays: 42, leadMinutes: 24 * 60, stepMinutes: 15, state: 'BY' };
const NOW = new Date();
const services = Array.from({ length: 40 }, (_, i) => ({
  durationMinutes: [30, 45, 60, 90, 120, 180, 240][i % 7] as number,
  bufferMinutes: [0, 15, 30][i % 3] as number,
}));

// A calendar about two-thirds full: appointments of 30–240 minutes on every bay, every working day.
const busy: Busy[] = [];
for (let day = 0; day < 44; day++) {
  const date = new Date(NOW.getTime() + day * 86_400_000);
  for (let bay = 0; bay < 3; bay++) {
    let t = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), 6, 30);
    for (let k = 0; k < 6; k++) {
      const length = ([30, 60, 90, 45, 120][(day + bay + k) % 5] as number) * 60_000;
      if ((day * 7 + bay * 3 + k) % 3 !== 0) busy.push({ start: new Date(t), end: new Date(t + length), bays: 1 });
      t += length + 30 * 60_000;
    }
  }
}

/** The straightforward computation: every candidate checked against every busy time. */
function naiveSlots(q: SlotQuery) {
  const all = freeSlots({ ...q, busy: [], settings: { ...q.settings, capacity: 1 } });
  const occupied = (q.service.durationMinutes + q.service.bufferMinutes) * 60_000;
  return all.filter(
    (s) => peakLoad(q.busy, s.start, new Date(s.start.getTime() + occupied)) + 1 <= q.settings.capacity,
  );
}

/** Both computations, interleaved per request so that machine load hits them alike. */
function measure(rounds: number) {
  const ours: number[] = [];
  const naive: number[] = [];
  const from = NOW.toISOString().slice(0, 10);
  const to = new Date(NOW.getTime() + 42 * 86_400_000).toISOString().slice(0, 10);
  for (let round = 0; round < rounds; round++) {
    for (const service of services) {
      const q = { hours: HOURS, settings: SETTINGS, service, busy, now: NOW, from, to };
      let t = performance.now();
      freeSlots(q);
      ours.push(performance.now() - t);
      t = performance.now();
      naiveSlots(q);
      naive.push(performance.now() - t);
    }
  }
  const stats = (times: number[]) => {
    times.sort((x, y) => x - y);
    return {
      p95: times[Math.floor(times.length * 0.95)] as number,
      median: times[Math.floor(times.length / 2)] as number,
    };
  };
  return { ours: stats(ours), naive: stats(naive) };
}

// Warm-up (JIT, holiday tables), then the figures.
measure(3);
const { ours, naive } = measure(10);
const sample = freeSlots({
  hours: HOURS,
  settings: SETTINGS,
  service: services[2] as (typeof services)[number],
  busy,
  now: NOW,
  from: NOW.toISOString().slice(0, 10),
  to: new Date(NOW.getTime() + 42 * 86_400_000).toISOString().slice(0, 10),
});
console.log('Freie Termine (3 Bühnen, 6 Wochen, 40 Leistungen, %d belegte Zeiten):', busy.length);
console.log(
  `  CarBot:        p95 ${ours.p95.toFixed(2)} ms, Median ${ours.median.toFixed(2)} ms  (Ziel ≤ 20 ms) ${ours.p95 <= 20 ? '✔' : '✖'}`,
);
console.log(`  ohne Tagesfilter: p95 ${naive.p95.toFixed(2)} ms, Median ${naive.median.toFixed(2)} ms`);
console.log(`  (${sample.length} freie Startzeiten für eine 60-Minuten-Leistung)`);

// --- The race ------------------------------------------------------------------------------------------

const WORKSHOP = randomUUID();
const SERVICE = { durationMinutes: 60, bufferMinutes: 0 };
const RACE_HOURS: OpeningHours = {
  mo: [['08:00', '12:00']],
  tu: [['08:00', '12:00']],
  we: [['08:00', '12:00']],
  th: [['08:00', '12:00']],
  fr: [['08:00', '12:00']],
};
const RACE_SETTINGS = { capacity: 2, horizonDays: 400, leadMinutes: 0, stepMinutes: 60, state: null };
// 10:00 local on a Tuesday well ahead.
const START = new Date('2027-03-30T08:00:00Z');

async function schema(db: Knex) {
  await db.schema.createTable('appointments', (t) => {
    t.uuid('id').primary();
    t.uuid('workshop').notNullable();
    t.timestamp('start', { useTz: true });
    t.timestamp('end', { useTz: true });
    t.timestamp('busy_until', { useTz: true });
    t.string('status');
    t.string('customer_name');
  });
  await db.schema.createTable('booking_blocks', (t) => {
    t.uuid('id').primary();
    t.uuid('workshop');
    t.timestamp('start', { useTz: true });
    t.timestamp('end', { useTz: true });
    t.integer('bays');
  });
  await db.schema.createTable('carbot_booking_locks', (t) => {
    t.uuid('workshop').primary();
    t.integer('version').notNullable().defaultTo(0);
  });
  // One bay of two is already taken: the race is for the last one.
  await db('appointments').insert({
    id: randomUUID(),
    workshop: WORKSHOP,
    start: START,
    end: new Date(START.getTime() + 3_600_000),
    busy_until: new Date(START.getTime() + 3_600_000),
    status: 'confirmed',
    customer_name: 'Stammkunde',
  });
}

/** The endpoint's booking transaction (with or without the workshop lock); true when it booked. */
async function attempt(db: Knex, n: number, locked: boolean): Promise<boolean> {
  try {
    return await db.transaction(async (trx) => {
      if (locked) await lockWorkshop(trx, WORKSHOP);
      const taken = await busyOf(
        trx,
        WORKSHOP,
        new Date(START.getTime() - 86_400_000),
        new Date(START.getTime() + 86_400_000),
      );
      const check = checkSlot(
        {
          hours: RACE_HOURS,
          settings: RACE_SETTINGS,
          service: SERVICE,
          busy: taken,
          now: new Date('2027-01-01T00:00:00Z'),
        },
        START,
      );
      if (!check.ok) return false;
      await trx('appointments').insert({
        id: randomUUID(),
        workshop: WORKSHOP,
        start: check.slot.start,
        end: check.slot.end,
        busy_until: check.slot.end,
        status: 'requested',
        customer_name: `Kunde ${n}`,
      });
      return true;
    });
  } catch {
    // A connection that gave up waiting (SQLite busy) booked nothing, which is the safe outcome.
    return false;
  }
}

/** `own`: the connections are the race's own and closed after it (not the shared SQLite one). */
async function race(connect: () => Knex, setup: Knex, locked: boolean, own = true) {
  const connections = Array.from({ length: 50 }, connect);
  try {
    const results = await Promise.all(connections.map((db, n) => attempt(db, n, locked)));
    const held = await setup('appointments')
      .where({ workshop: WORKSHOP })
      .whereIn('status', ['requested', 'confirmed'])
      .count({ n: '*' });
    return { won: results.filter(Boolean).length, held: Number(held[0]?.n ?? 0) };
  } finally {
    if (own) await Promise.all(connections.map((db) => db.destroy()));
  }
}

async function reset(db: Knex) {
  await db('appointments').where({ workshop: WORKSHOP }).where('status', 'requested').delete();
}

/**
 * SQLite serves one Directus instance, through one connection (Directus's pool for SQLite): 50 requests
 * at once are 50 transactions queued on it, as in production.
 */
async function sqliteRace() {
  const dir = mkdtempSync(join(tmpdir(), 'carbot-bench-booking-'));
  const db = knex({ client: 'sqlite3', connection: { filename: join(dir, 'race.db') }, useNullAsDefault: true });
  try {
    await schema(db);
    const locked = await race(() => db, db, true, false);
    await reset(db);
    // One connection queues the transactions, so even without the lock nothing overlaps on SQLite.
    const unlocked = await race(() => db, db, false, false);
    return { locked, unlocked };
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgresRace() {
  const base = {
    host: process.env.PGHOST ?? '127.0.0.1',
    port: Number(process.env.PGPORT ?? 5432),
    user: process.env.PGUSER ?? 'postgres',
  };
  const database = `carbot_bench_booking_${process.pid}`;
  const admin = new pg.Client({ ...base, database: process.env.PGDATABASE ?? 'test' });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  await admin.query(`CREATE DATABASE ${database}`);
  const connect = () => knex({ client: 'pg', connection: { ...base, database }, pool: { min: 0, max: 1 } });
  const setup = connect();
  try {
    await schema(setup);
    const locked = await race(connect, setup, true);
    await reset(setup);
    const unlocked = await race(connect, setup, false);
    return { locked, unlocked };
  } finally {
    await setup.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.end();
  }
}

type Outcome = { won: number; held: number };
const line = (name: string, r: { locked: Outcome; unlocked: Outcome | null }) => {
  console.log(
    `  ${name}: ${r.locked.won} Buchung (Ziel 1) ${r.locked.won === 1 && r.locked.held === 2 ? '✔' : '✖'}, belegt ${r.locked.held}/2 Bühnen` +
      (r.unlocked
        ? `; ohne Werkstatt-Sperre (prüfen, dann einfügen): ${r.unlocked.won} Buchungen, belegt ${r.unlocked.held}/2`
        : ''),
  );
};

console.log('50 gleichzeitige Buchungen für die letzte freie Bühne eines Termins:');
line('SQLite (eine Verbindung, wie Directus)', await sqliteRace());
const onPg = await postgresRace();
if (onPg) line('PostgreSQL (50 Verbindungen)', onPg);
else console.log('  PostgreSQL: nicht erreichbar (PGHOST/PGPORT/PGUSER), übersprungen');

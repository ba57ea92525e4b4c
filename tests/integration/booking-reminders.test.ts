/**
 * The reminder 24 hours before an appointment goes out exactly once while two Directus instances run on
 * the same database, both looking for due reminders every half second: the run holds the cluster-wide
 * lease `booking-reminders`, and each reminder is claimed by a conditional update in the transaction that
 * queues its mail. Counted where it would show: the outbox rows and the mails that reached the SMTP sink.
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import type { Knex } from 'knex';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { startDirectus } from '../../scripts/lib/platform.ts';
import { suiteDatabase } from '../support/database.ts';
import { admin } from '../support/http.ts';
import { sentMails } from '../support/mail.ts';
import { until } from '../support/wait.ts';

const SUFFIX = randomUUID().slice(0, 8);
const COUNT = 12;
let second: ChildProcess | undefined;
let db: Knex;
let workshopId: string;
let serviceId: string;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  db = suiteDatabase();
  const tenant = await admin().post('/items/tenants', {
    name: `Erinnerungswerkstatt ${SUFFIX} GmbH`,
    plan: 'enterprise',
    subscription_status: 'active',
  });
  expect(tenant.status, tenant.text).toBe(200);
  const workshop = await admin().post('/items/workshops', {
    tenant: tenant.body.data.id,
    name: 'Erinnerungswerkstatt',
    slug: `erinnerung-${SUFFIX}`,
    status: 'published',
    template: 'klassisch',
    booking_enabled: true,
    booking_capacity: 1,
  });
  expect(workshop.status, workshop.text).toBe(200);
  workshopId = workshop.body.data.id;
  const service = await admin().post('/items/services', {
    workshop: workshopId,
    status: 'published',
    duration_minutes: 30,
    bookable: true,
    translations: [{ languages_code: 'de', name: 'Räderwechsel' }],
  });
  expect(service.status, service.text).toBe(200);
  serviceId = service.body.data.id;

  const port = await freePort();
  const env = { ...inject('directusEnv'), PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` };
  second = startDirectus(env, true);
  await until(
    () =>
      fetch(`http://127.0.0.1:${port}/server/ping`).then(
        (r) => r.ok,
        () => false,
      ),
    { what: 'zweite Directus-Instanz', timeoutMs: 60_000 },
  );
}, 180_000);

afterAll(async () => {
  if (second && second.exitCode === null) second.kill('SIGTERM');
  await db?.destroy();
});

test('two instances on one database: exactly one reminder per appointment in the outbox and in the mail', {
  timeout: 180_000,
}, async () => {
  const mail = (i: number) => `kunde${i}.${SUFFIX}@example.org`;
  // All due at once (within 24 hours), created in parallel while both instances are looking.
  const created = await Promise.all(
    Array.from({ length: COUNT }, (_, i) =>
      admin().post('/items/appointments', {
        workshop: workshopId,
        service: serviceId,
        start: new Date(Date.now() + (2 + i) * 3_600_000).toISOString(),
        customer_name: `Kunde ${i}`,
        customer_email: mail(i),
        language: 'de',
        status: 'confirmed',
      }),
    ),
  );
  for (const res of created) expect(res.status, res.text).toBe(200);
  const ids = created.map((res) => res.body.data.id as string);

  await until(
    async () => {
      const rows = await db('appointments').whereIn('id', ids).whereNotNull('reminder_sent_at').count({ n: '*' });
      return Number(rows[0]?.n) === COUNT;
    },
    { timeoutMs: 60_000 },
  );
  const recipients = Array.from({ length: COUNT }, (_, i) => mail(i));
  const queued = await db('carbot_outbox').whereIn('recipient', recipients).select('recipient', 'subject');
  const reminders = queued.filter((row) => String(row.subject).startsWith('Erinnerung'));
  expect(reminders.map((row) => row.recipient).sort()).toEqual([...recipients].sort());

  // Delivered: each customer received it once (the outbox, too, is shared by both instances).
  await until(
    async () => {
      const sent = (await sentMails()).filter((m) => recipients.some((r) => m.to.includes(r)));
      return sent.length >= COUNT;
    },
    { timeoutMs: 60_000 },
  );
  const sent = (await sentMails()).filter((m) => recipients.some((r) => m.to.includes(r)));
  expect(sent.map((m) => recipients.find((r) => m.to.includes(r))).sort()).toEqual([...recipients].sort());

  // The job ran under its lease, which readiness reports.
  const lease = await db('carbot_leases').where({ name: 'booking-reminders' }).first();
  expect(lease?.last_started_at).toBeTruthy();
});

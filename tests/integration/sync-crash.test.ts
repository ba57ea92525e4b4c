/**
 * kill -9 in the middle of a sync run. A second Directus on the same database takes a big push and is
 * killed while it writes; every vehicle is then either absent (old state) or present with its history
 * (new state), and the next run — on the first instance, once the dead instance's lease ran out —
 * completes the work.
 */
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { signPayload } from '@carbot/core/sync/signature';
import { afterAll, expect, inject, test } from 'vitest';
import { startDirectus } from '../../scripts/lib/platform.ts';
import { tenants } from '../../seeds/demo/index.ts';
import { admin, as, login, qs, type Reply } from '../support/http.ts';

const [seedA] = tenants as [(typeof tenants)[number]];
const COUNT = 5000;
let second: ChildProcess | undefined;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

afterAll(() => {
  if (second && second.exitCode === null) second.kill('SIGKILL');
});

const list = (res: Reply): Record<string, unknown>[] => {
  if (res.status !== 200) throw new Error(`${res.status} ${res.text}`);
  return res.body.data;
};

async function push(base: string, feed: string, secret: string, raw: string) {
  const res = await fetch(`${base}/sync/feeds/${feed}/vehicles`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-carbot-signature': signPayload(secret, Math.floor(Date.now() / 1000), raw),
    },
    body: raw,
  });
  return { status: res.status, body: await res.json() };
}

test('a run killed with SIGKILL leaves each vehicle old or new with its history; the next run completes it', {
  timeout: 240_000,
}, async () => {
  const owner = seedA.users.find((u) => u.role === 'owner');
  if (!owner) throw new Error('Demo-Daten ohne Inhaber');
  const token = await login(owner.email, owner.password);
  const workshop = await admin().post('/items/workshops', {
    tenant: seedA.tenant.id,
    name: 'Crash-Test',
    slug: `crash-${Date.now()}`,
    status: 'draft',
  });
  const created = await as(token).post('/items/inventory_feeds', {
    workshop: workshop.body.data.id,
    name: 'Crash',
    mode: 'push',
  });
  const feed = created.body.data.id as string;
  const secret = (await as(token).post(`/sync/feeds/${feed}/secret`)).body.data.secret as string;
  const raw = JSON.stringify({
    mode: 'snapshot',
    vehicles: Array.from({ length: COUNT }, (_, i) => ({
      external_id: `K-${i}`,
      make: 'Opel',
      model: 'Astra',
      price: 10000 + i,
      mileage_km: 1000 + i,
      first_registration: '2020-01',
    })),
  });

  const port = await freePort();
  const env = { ...inject('directusEnv'), PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` };
  second = startDirectus(env, true);
  const secondUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    const ok = await fetch(`${secondUrl}/server/ping`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }

  const count = async () =>
    Number(
      list(await admin().get(`/items/vehicles${qs({ filter: { feed: { _eq: feed } }, aggregate: { count: '*' } })}`))[0]
        ?.count,
    );
  const doomed = push(secondUrl, feed, secret, raw).catch(() => null);
  let written = 0;
  for (let i = 0; i < 3000 && written === 0; i++) written = await count();
  second.kill('SIGKILL');
  await doomed;
  await new Promise<void>((resolve) => (second?.exitCode !== null ? resolve() : second.once('exit', () => resolve())));
  written = await count();
  expect(written).toBeGreaterThan(0);
  expect(written).toBeLessThan(COUNT);

  // Every written vehicle came with its history row, and no history row is without its vehicle.
  const vehicles = list(
    await admin().get(`/items/vehicles${qs({ filter: { feed: { _eq: feed } }, limit: -1, fields: 'id' })}`),
  );
  const history = list(
    await admin().get(
      `/items/vehicle_history${qs({ filter: { vehicle: { feed: { _eq: feed } } }, limit: -1, fields: 'vehicle,change,run' })}`,
    ),
  );
  expect(history.map((h) => h.vehicle).sort()).toEqual(vehicles.map((v) => v.id).sort());
  expect(new Set(history.map((h) => h.change))).toEqual(new Set(['created']));
  const [deadRun] = list(
    await admin().get(`/items/sync_runs${qs({ filter: { feed: { _eq: feed } }, fields: 'id,status' })}`),
  );
  expect(deadRun?.status).toBe('running');

  // The first instance takes over once the dead lease has run out, and finishes the work.
  const next = await push(inject('directusUrl'), feed, secret, raw);
  expect(next.status, JSON.stringify(next.body)).toBe(200);
  expect(next.body.data).toMatchObject({
    status: 'ok',
    received: COUNT,
    created: COUNT - written,
    unchanged: written,
    removed: 0,
  });
  expect(await count()).toBe(COUNT);
  const runs = list(
    await admin().get(
      `/items/sync_runs${qs({ filter: { feed: { _eq: feed } }, sort: 'started_at', fields: 'status,message' })}`,
    ),
  );
  expect(runs.map((r) => r.status)).toEqual(['failed', 'ok']);
  expect(runs[0]?.message).toContain('Abgebrochen');
  const after = list(
    await admin().get(
      `/items/vehicle_history${qs({ filter: { vehicle: { feed: { _eq: feed } } }, aggregate: { count: '*' } })}`,
    ),
  );
  expect(Number(after[0]?.count)).toBe(COUNT);
});

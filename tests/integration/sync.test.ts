/**
 * Inventory sync over HTTP against a live Directus: signed pushes, pulls from a dealer's server with
 * conditional GET, uploads, snapshot and delta semantics, guards, bad rows, replays, concurrent runs,
 * images and tenant isolation. The dealer's server is the local stand-in in tests/support/edges/dealer.ts.
 */
import { signPayload } from '@carbot/core/sync/signature';
import iconv from 'iconv-lite';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { tenants } from '../../seeds/demo/index.ts';
import { suiteDatabase } from '../support/database.ts';
import { admin, as, login, qs, type Reply } from '../support/http.ts';
import { sentMails } from '../support/mail.ts';
import { until } from '../support/wait.ts';

const [seedA, seedB] = tenants as [(typeof tenants)[number], (typeof tenants)[number]];
const user = (seed: typeof seedA, role: 'owner' | 'staff') => {
  const u = seed.users.find((x) => x.role === role);
  if (!u) throw new Error(`Demo-Daten ohne ${role}`);
  return u;
};
const dealer = () => inject('edgeUrls').dealer as string;
const base = () => inject('directusUrl');

let ownerA: string;
let staffA: string;
let ownerB: string;
let workshop: string;
let db: Knex;

type Vehicle = Record<string, unknown>;
const car = (id: string, over: Vehicle = {}): Vehicle => ({
  external_id: id,
  make: 'Volkswagen',
  model: 'Golf',
  variant: '1.5 TSI Life',
  price: 19990,
  mileage_km: 42000,
  first_registration: '2021-04',
  fuel: 'petrol',
  transmission: 'manual',
  power_kw: 110,
  ...over,
});

async function newFeed(mode: 'push' | 'pull' | 'upload', extra: Record<string, unknown> = {}) {
  const res = await as(ownerA).post('/items/inventory_feeds', {
    workshop,
    name: `Test ${mode} ${Math.random()}`,
    mode,
    ...extra,
  });
  expect(res.status, res.text).toBe(200);
  const id = res.body.data.id as string;
  const secret = await as(ownerA).post(`/sync/feeds/${id}/secret`);
  expect(secret.status, secret.text).toBe(200);
  return { id, secret: secret.body.data.secret as string };
}

async function push(
  feed: { id: string; secret: string },
  body: unknown,
  options: { t?: number; secret?: string; header?: string | null } = {},
) {
  const raw = JSON.stringify(body);
  const t = options.t ?? Math.floor(Date.now() / 1000);
  const signature = options.header === undefined ? signPayload(options.secret ?? feed.secret, t, raw) : options.header;
  const res = await fetch(`${base()}/sync/feeds/${feed.id}/vehicles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'x-carbot-signature': signature }) },
    body: raw,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, text } as Reply;
}

const listOf = (res: Reply): Vehicle[] => {
  if (res.status !== 200 || !Array.isArray(res.body?.data)) throw new Error(`${res.status} ${res.text}`);
  return res.body.data;
};
const vehiclesOf = async (feed: string) =>
  listOf(
    await admin().get(
      `/items/vehicles${qs({ filter: { feed: { _eq: feed } }, limit: -1, sort: 'external_id', fields: '*' })}`,
    ),
  );
const historyOf = async (feed: string) =>
  listOf(
    await admin().get(
      `/items/vehicle_history${qs({ filter: { vehicle: { feed: { _eq: feed } } }, limit: -1, sort: 'date_created,change', fields: '*' })}`,
    ),
  );
const photosOf = async (vehicle: unknown) =>
  listOf(
    await admin().get(
      `/items/vehicle_photos${qs({ filter: { vehicle: { _eq: vehicle } }, sort: 'sort', fields: 'file,sort,tenant' })}`,
    ),
  );
const runsOf = async (feed: string) =>
  listOf(
    await admin().get(
      `/items/sync_runs${qs({ filter: { feed: { _eq: feed } }, limit: -1, sort: 'started_at', fields: '*' })}`,
    ),
  );
type Counts = {
  received: number;
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
  rejected: number;
};
const reconciles = (r: Counts, mode = 'snapshot') =>
  r.received === r.created + r.updated + r.unchanged + r.rejected + (mode === 'delta' ? r.removed : 0);

beforeAll(async () => {
  ownerA = await login(user(seedA, 'owner').email, user(seedA, 'owner').password);
  staffA = await login(user(seedA, 'staff').email, user(seedA, 'staff').password);
  ownerB = await login(user(seedB, 'owner').email, user(seedB, 'owner').password);
  const w = await admin().post('/items/workshops', {
    tenant: seedA.tenant.id,
    name: 'Sync-Testfiliale',
    slug: `sync-test-${Date.now()}`,
    status: 'draft',
  });
  expect(w.status, w.text).toBe(200);
  workshop = w.body.data.id;
  db = suiteDatabase();
});
afterAll(() => db?.destroy());

describe('push', () => {
  test('a signed snapshot creates vehicles, history and a reconciling run; a bad row and a broken image stay alone', async () => {
    const feed = await newFeed('push');
    const vehicles = [
      car('P-1', { images: [`${dealer()}/images/p1-a.png`, `${dealer()}/images/p1-b.png`] }),
      car('P-2', {
        price: '12.345,00 €',
        fuel: 'Diesel',
        images: [`${dealer()}/images/broken-p2.png`, `${dealer()}/images/p2.png`],
      }),
      car('P-3', { price: 'auf Anfrage' }),
      car('P-4', { vin: 'WVWZZZ1KZAW000001' }),
    ];
    const res = await push(feed, { mode: 'snapshot', vehicles });
    expect(res.status, res.text).toBe(200);
    const report = res.body.data;
    expect(report).toMatchObject({
      status: 'partial',
      received: 4,
      created: 3,
      updated: 0,
      unchanged: 0,
      removed: 0,
      rejected: 1,
    });
    expect(reconciles(report)).toBe(true);
    expect(report.errors).toEqual([
      { row: 3, external_id: 'P-3', field: 'price', message: 'Preis: „auf Anfrage“ ist keine Zahl.' },
    ]);
    expect(report.images.problems).toEqual([
      expect.objectContaining({ external_id: 'P-2', message: 'Bild nicht abrufbar (HTTP 404).' }),
    ]);

    const stored = await vehiclesOf(feed.id);
    expect(stored.map((v) => [v.external_id, Number(v.price), v.status, v.tenant])).toEqual([
      ['P-1', 19990, 'available', seedA.tenant.id],
      ['P-2', 12345, 'available', seedA.tenant.id],
      ['P-4', 19990, 'available', seedA.tenant.id],
    ]);
    expect(stored.find((v) => v.external_id === 'P-2')?.fuel).toBe('diesel');
    // Covers: the first image that could be imported, as a Directus file of the tenant.
    const p1 = stored.find((v) => v.external_id === 'P-1');
    const p2 = stored.find((v) => v.external_id === 'P-2');
    expect(p1?.cover_image).toBeTruthy();
    expect(p2?.cover_image).toBeTruthy();
    const file = await admin().get(`/files/${p1?.cover_image}`);
    expect(file.body.data).toMatchObject({ type: 'image/png', tenant: seedA.tenant.id });
    // Every image is a photo of the vehicle, in the feed's order (the broken one left out), in its tenant.
    const p1Photos = await photosOf(p1?.id);
    expect(p1Photos.map((p) => [p.sort, p.tenant])).toEqual([
      [1, seedA.tenant.id],
      [2, seedA.tenant.id],
    ]);
    expect(p1Photos[0]?.file).toBe(p1?.cover_image);
    expect(p1Photos[1]?.file).not.toBe(p1?.cover_image);
    expect((await photosOf(p2?.id)).map((p) => p.file)).toEqual([p2?.cover_image]);
    const history = await historyOf(feed.id);
    expect(history.map((h) => [h.change, h.run])).toEqual([
      ['created', report.run],
      ['created', report.run],
      ['created', report.run],
    ]);
    const [run] = await runsOf(feed.id);
    expect(run).toMatchObject({ status: 'partial', trigger: 'push', received: 4, created: 3, rejected: 1 });
  });

  test.each([
    ['no signature', { header: null }],
    ['a wrong secret', { secret: 'cbs_wrong' }],
    ['a stale timestamp (6 minutes old)', { t: Math.floor(Date.now() / 1000) - 360 }],
    ['a garbled header', { header: 'v1=abc' }],
  ])('%s → 401, nothing written', async (_name, options) => {
    const feed = await newFeed('push');
    const res = await push(feed, { mode: 'snapshot', vehicles: [car('X-1')] }, options);
    expect(res.status, res.text).toBe(401);
    expect(res.body.errors[0].message).toMatch(/Signatur|Zeitstempel/);
    expect(await vehiclesOf(feed.id)).toEqual([]);
    expect(await runsOf(feed.id)).toEqual([]);
  });

  test('an unknown feed answers like a wrong signature', async () => {
    const res = await push({ id: '00000000-0000-4000-8000-000000000000', secret: 'x' }, { vehicles: [] });
    expect(res.status).toBe(401);
  });

  test('replaying the same snapshot three times writes nothing', async () => {
    const feed = await newFeed('push');
    const body = {
      mode: 'snapshot',
      vehicles: Array.from({ length: 20 }, (_, i) => car(`R-${i}`, { images: [`${dealer()}/images/r${i}.png`] })),
    };
    expect((await push(feed, body)).body.data.created).toBe(20);
    const before = JSON.stringify([await vehiclesOf(feed.id), await historyOf(feed.id)]);
    const stats = await (await fetch(`${dealer()}/_stats`)).json();
    for (let i = 0; i < 3; i++) {
      const res = await push(feed, body);
      expect(res.body.data).toMatchObject({
        status: 'ok',
        received: 20,
        created: 0,
        updated: 0,
        unchanged: 20,
        removed: 0,
      });
      expect(res.body.data.images).toMatchObject({ downloaded: 0, reused: 0 });
    }
    expect(JSON.stringify([await vehiclesOf(feed.id), await historyOf(feed.id)])).toBe(before);
    expect(await (await fetch(`${dealer()}/_stats`)).json()).toEqual(stats);
  });

  test('changes, removals and reappearances are history with their run', async () => {
    const feed = await newFeed('push');
    await push(feed, { mode: 'snapshot', vehicles: [car('H-1'), car('H-2'), car('H-3'), car('H-4')] });
    const second = await push(feed, {
      mode: 'snapshot',
      vehicles: [car('H-1', { price: 18990 }), car('H-2', { color: 'Blau' }), car('H-3'), car('H-5')],
    });
    expect(second.body.data).toMatchObject({ created: 1, updated: 2, unchanged: 1, removed: 1 });
    const third = await push(feed, {
      mode: 'snapshot',
      vehicles: [car('H-1', { price: 18990 }), car('H-2', { color: 'Blau' }), car('H-3'), car('H-4'), car('H-5')],
    });
    expect(third.body.data).toMatchObject({ created: 0, updated: 1, unchanged: 4, removed: 0 });

    const vehicles = await vehiclesOf(feed.id);
    expect(vehicles.map((v) => [v.external_id, v.status])).toEqual([
      ['H-1', 'available'],
      ['H-2', 'available'],
      ['H-3', 'available'],
      ['H-4', 'available'],
      ['H-5', 'available'],
    ]);
    const idOf = (ext: string) => vehicles.find((v) => v.external_id === ext)?.id;
    const history = (await historyOf(feed.id)).filter((h) => h.run !== null && h.change !== 'created');
    const pick = (ext: string) =>
      history
        .filter((h) => h.vehicle === idOf(ext))
        .map((h) => ({ change: h.change, changes: h.changes, old: h.old_price, new: h.new_price, run: h.run }));
    expect(pick('H-1')).toEqual([
      {
        change: 'price_changed',
        changes: { price: [19990, 18990] },
        old: expect.anything(),
        new: expect.anything(),
        run: second.body.data.run,
      },
    ]);
    expect(Number(pick('H-1')[0]?.old)).toBe(19990);
    expect(Number(pick('H-1')[0]?.new)).toBe(18990);
    expect(pick('H-2')).toEqual([
      { change: 'updated', changes: { color: [null, 'Blau'] }, old: null, new: null, run: second.body.data.run },
    ]);
    expect(pick('H-4').map((h) => [h.change, h.changes, h.run])).toEqual([
      ['sold', { status: ['available', 'sold'] }, second.body.data.run],
      ['restored', { status: ['sold', 'available'] }, third.body.data.run],
    ]);
    // Reactivated, never duplicated.
    expect(vehicles.filter((v) => v.external_id === 'H-4')).toHaveLength(1);
  });

  test('a delta adds, changes and removes only what it names', async () => {
    const feed = await newFeed('push');
    await push(feed, { mode: 'snapshot', vehicles: [car('D-1'), car('D-2'), car('D-3')] });
    const res = await push(feed, {
      mode: 'delta',
      vehicles: [{ external_id: 'D-1', deleted: true }, car('D-2', { mileage_km: 43000 }), car('D-4')],
    });
    expect(res.body.data).toMatchObject({
      mode: 'delta',
      received: 3,
      created: 1,
      updated: 1,
      unchanged: 0,
      removed: 1,
      rejected: 0,
    });
    expect(reconciles(res.body.data, 'delta')).toBe(true);
    expect((await vehiclesOf(feed.id)).map((v) => [v.external_id, v.status])).toEqual([
      ['D-1', 'sold'],
      ['D-2', 'available'],
      ['D-3', 'available'],
      ['D-4', 'available'],
    ]);
  });

  test('guards: an empty or mass-removing snapshot is refused with 409 until confirmed', async () => {
    const feed = await newFeed('push');
    await push(feed, { mode: 'snapshot', vehicles: Array.from({ length: 10 }, (_, i) => car(`G-${i}`)) });
    const before = JSON.stringify(await vehiclesOf(feed.id));

    const empty = await push(feed, { mode: 'snapshot', vehicles: [] });
    expect(empty.status, empty.text).toBe(409);
    expect(empty.body.data).toMatchObject({ status: 'refused', received: 0 });
    const mass = await push(feed, { mode: 'snapshot', vehicles: [car('G-0'), car('G-1')] });
    expect(mass.status).toBe(409);
    expect(mass.body.data).toMatchObject({ status: 'refused', removed: 8, unchanged: 2 });
    expect(mass.body.data.message).toContain('8 von 10 Fahrzeugen (80 %)');
    expect(JSON.stringify(await vehiclesOf(feed.id))).toBe(before);

    const confirmed = await push(feed, { mode: 'snapshot', confirm: true, vehicles: [car('G-0'), car('G-1')] });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.data).toMatchObject({ status: 'ok', removed: 8 });
    expect((await runsOf(feed.id)).map((r) => r.status)).toEqual(['ok', 'refused', 'refused', 'ok']);
  });

  test('one broken row in 1,000 leaves 999 applied', async () => {
    const feed = await newFeed('push');
    const vehicles = Array.from({ length: 1000 }, (_, i) =>
      car(`B-${String(i).padStart(4, '0')}`, i === 617 ? { make: '' } : {}),
    );
    const res = await push(feed, { mode: 'snapshot', vehicles });
    expect(res.body.data).toMatchObject({ received: 1000, created: 999, rejected: 1 });
    expect(res.body.data.errors).toEqual([
      { row: 618, external_id: 'B-0617', field: 'make', message: 'Marke: Pflichtfeld fehlt.' },
    ]);
    expect(await vehiclesOf(feed.id)).toHaveLength(999);
  });

  test('two runs of one feed never overlap', async () => {
    const feed = await newFeed('push');
    const body = { mode: 'snapshot', vehicles: Array.from({ length: 300 }, (_, i) => car(`C-${i}`)) };
    const [a, b] = await Promise.all([push(feed, body), push(feed, body)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const reports = [a.body.data, b.body.data].sort((x, y) => y.created - x.created);
    expect(reports.map((r) => [r.created, r.unchanged])).toEqual([
      [300, 0],
      [0, 300],
    ]);
    const runs = await runsOf(feed.id);
    expect(runs).toHaveLength(2);
    const [first, second] = runs as [Vehicle, Vehicle];
    expect(new Date(String(second.started_at)).getTime()).toBeGreaterThanOrEqual(
      new Date(String(first.finished_at)).getTime(),
    );
    expect(await vehiclesOf(feed.id)).toHaveLength(300);
  });

  test('a VIN is unique per workshop', async () => {
    const one = await newFeed('push');
    const two = await newFeed('push');
    await push(one, { vehicles: [car('V-1', { vin: 'WVWZZZ1KZAW000777' })] });
    const res = await push(two, { vehicles: [car('V-9', { vin: 'WVWZZZ1KZAW000777' })] });
    expect(res.body.data.errors).toEqual([
      {
        row: 1,
        external_id: 'V-9',
        field: 'vin',
        message: 'FIN: gehört bereits zu einem anderen Fahrzeug dieser Werkstatt.',
      },
    ]);
  });
});

describe('leases', () => {
  test('a deleted feed takes its lease row along; the other feeds keep theirs', async () => {
    const gone = await newFeed('push');
    const kept = await newFeed('push');
    for (const feed of [gone, kept])
      expect((await push(feed, { mode: 'delta', vehicles: [car(`L-${feed.id}`)] })).status).toBe(200);
    const leases = async () =>
      (
        (await db('carbot_leases')
          .whereIn('name', [`feed-sync:${gone.id}`, `feed-sync:${kept.id}`])
          .pluck('name')) as string[]
      ).sort();
    expect(await leases()).toEqual([`feed-sync:${gone.id}`, `feed-sync:${kept.id}`].sort());
    // A delete that is refused (another tenant's owner, staff) leaves the lease alone.
    for (const token of [ownerB, staffA])
      expect((await as(token).delete(`/items/inventory_feeds/${gone.id}`)).status).toBe(403);
    expect(await leases()).toEqual([`feed-sync:${gone.id}`, `feed-sync:${kept.id}`].sort());
    const removed = await as(ownerA).delete(`/items/inventory_feeds/${gone.id}`);
    expect(removed.status, removed.text).toBe(204);
    // Directus answers before its actions finish: the lease goes right after the delete.
    await until(async () => (await leases()).length === 1, { what: 'Lease des gelöschten Feeds entfernt' });
    expect(await leases()).toEqual([`feed-sync:${kept.id}`]);
    // A push to the deleted feed is refused like any unknown feed and leaves no lease behind.
    expect((await push(gone, { mode: 'delta', vehicles: [] })).status).toBe(401);
    expect(await leases()).toEqual([`feed-sync:${kept.id}`]);
  });
});

describe('pull and upload', () => {
  const mobileCsv = [
    'interne_nummer;marke;modell;ez;kilometer;preis;leistung;farbe;kraftstoffart;klima;bild_url',
    `"M-1";"Škoda";"Octavia Combi";"04.2020";"45.000";"15.990,00";"110";"Weiß";"Diesel";"1";"${'{dealer}'}/images/m1.png"`,
    '"M-2";"Renault";"Clio";"09.2019";"61.200";"9.490,00";"67";"Grün";"Benzin";"0";""',
  ].join('\r\n');

  test('pull: a mobile.de export in ISO-8859-15; the unchanged file costs one 304', async () => {
    const path = `/feeds/mobile-${Date.now()}.csv`;
    const put = await fetch(`${dealer()}${path}`, {
      method: 'PUT',
      headers: { 'content-type': 'text/csv' },
      body: new Uint8Array(iconv.encode(mobileCsv.replace('{dealer}', dealer()), 'iso-8859-15')),
    });
    expect(put.status).toBe(204);
    // Paused, so the schedule leaves it to this test.
    const feed = await newFeed('pull', { url: `${dealer()}${path}`, status: 'paused' });
    const first = await as(ownerA).post(`/sync/feeds/${feed.id}/run`);
    expect(first.status, first.text).toBe(200);
    expect(first.body.data).toMatchObject({ status: 'ok', created: 2 });
    const vehicles = await vehiclesOf(feed.id);
    expect(
      vehicles.map((v) => [v.make, v.color, v.mileage_km, Number(v.price), v.first_registration, v.fuel, v.equipment]),
    ).toEqual([
      ['Škoda', 'Weiß', 45000, 15990, '2020-04', 'diesel', ['Klimaanlage']],
      ['Renault', 'Grün', 61200, 9490, '2019-09', 'petrol', []],
    ]);
    const second = await as(staffA).post(`/sync/feeds/${feed.id}/run`);
    expect(second.body.data).toMatchObject({ status: 'not_modified', received: 0 });
    const stats = await (await fetch(`${dealer()}/_stats`)).json();
    expect(stats[path]).toEqual({ 200: 1, 304: 1 });
  });

  test('the schedule pulls a due feed once', async () => {
    const path = `/feeds/scheduled-${Date.now()}.json`;
    await fetch(`${dealer()}${path}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([car('S-1')]),
    });
    const feed = await newFeed('pull', { url: `${dealer()}${path}`, schedule: '24h' });
    let runs: Vehicle[] = [];
    for (let i = 0; i < 100 && runs.filter((r) => r.status !== 'running').length === 0; i++) {
      await new Promise((r) => setTimeout(r, 200));
      runs = await runsOf(feed.id);
    }
    expect(runs.map((r) => [r.trigger, r.status, r.created])).toEqual([['schedule', 'ok', 1]]);
  });

  test('upload: an owner uploads a CSV with a custom mapping', async () => {
    const feed = await newFeed('upload', {
      field_mapping: { Nr: 'external_id', Hersteller: 'make', Typ: 'model', Euro: 'price' },
    });
    const res = await fetch(`${base()}/sync/feeds/${feed.id}/upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${staffA}`, 'content-type': 'text/csv' },
      body: 'Nr,Hersteller,Typ,Euro\n1,VW,Polo,"9.990"\n2,,Golf,1\n',
    });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body.data).toMatchObject({ created: 1, rejected: 1, errors: [{ row: 3, external_id: '2', field: 'make' }] });
  });

  test('a failing feed mails its owner once', async () => {
    const feed = await newFeed('pull', { url: `${dealer()}/feeds/missing-${Date.now()}.csv`, status: 'paused' });
    const mailsBefore = (await sentMails()).length;
    for (let i = 0; i < 2; i++) {
      const res = await as(ownerA).post(`/sync/feeds/${feed.id}/run`);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].message).toBe('Die Quelle antwortet mit HTTP 404.');
    }
    let mails: Awaited<ReturnType<typeof sentMails>> = [];
    for (let i = 0; i < 100; i++) {
      mails = (await sentMails()).slice(mailsBefore).filter((m) => m.subject.includes('Abgleich ist fehlgeschlagen'));
      if (mails.length > 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(mails.map((m) => m.to)).toEqual([[user(seedA, 'owner').email]]);
  });
});

describe('Pkw-EnVKV in the admin', () => {
  test('a new car without its figures cannot be put on sale by hand; as a draft or with the figures it can', async () => {
    const newCar = {
      workshop,
      make: 'Cupra',
      model: 'Born',
      mileage_km: 15,
      first_registration: new Date().toISOString().slice(0, 7),
      fuel: 'electric',
    };
    const refused = await as(staffA).post('/items/vehicles', { ...newCar, status: 'available' });
    expect(refused.status, refused.text).toBe(400);
    expect(refused.body.errors[0].message).toMatch(/Pkw-EnVKV.*Stromverbrauch kombiniert.*CO₂-Emissionen.*CO₂-Klasse/);
    const draft = await as(staffA).post('/items/vehicles', { ...newCar, status: 'draft' });
    expect(draft.status, draft.text).toBe(200);
    const id = draft.body.data.id;
    const publish = await as(ownerA).patch(`/items/vehicles/${id}`, { status: 'available' });
    expect(publish.status, publish.text).toBe(400);
    expect(publish.body.errors[0].message).toMatch(/Entwurf/);
    const complete = await as(ownerA).patch(`/items/vehicles/${id}`, {
      status: 'available',
      consumption_power: 15.3,
      co2_emissions: 0,
      co2_class: 'A',
    });
    expect(complete.status, complete.text).toBe(200);
    // A used car needs none of this.
    const used = await as(staffA).post('/items/vehicles', {
      ...newCar,
      mileage_km: 64000,
      first_registration: '2019-02',
    });
    expect(used.status, used.text).toBe(200);
  });
});

describe('portal feeds', () => {
  test('Google and Meta listings: vehicles on sale, behind the feed secret', async () => {
    const w = await admin().post('/items/workshops', {
      tenant: seedA.tenant.id,
      name: 'Portal-Filiale',
      slug: `portal-${Date.now()}`,
      status: 'draft',
    });
    const created = await as(ownerA).post('/items/inventory_feeds', {
      workshop: w.body.data.id,
      name: 'Portale',
      mode: 'push',
    });
    const feed = { id: created.body.data.id as string, secret: '' };
    const keyed = await as(ownerA).post(`/sync/feeds/${feed.id}/secret`);
    feed.secret = keyed.body.data.secret;
    const { google, meta } = keyed.body.data.portals as { google: string; meta: string };
    await push(feed, { vehicles: [car('PF-1'), car('PF-2'), car('PF-3')] });
    await push(feed, { mode: 'delta', vehicles: [{ external_id: 'PF-3', deleted: true }] });

    const draft = await fetch(google);
    expect(draft.status).toBe(200);
    expect((await draft.text()).trimEnd().split('\n')).toHaveLength(1);
    await admin().patch(`/items/workshops/${w.body.data.id}`, { status: 'published' });
    const rows = (await (await fetch(google)).text()).trimEnd().split('\n');
    expect(rows).toHaveLength(3);
    expect(rows.slice(1).map((r) => r.split('\t')[5])).toEqual(['19990.00 EUR', '19990.00 EUR']);
    const metaRes = await fetch(meta);
    expect(metaRes.headers.get('content-type')).toContain('text/csv');
    expect((await metaRes.text()).trimEnd().split('\n')).toHaveLength(3);

    for (const url of [
      google.replace(/token=\w+/, 'token=0'),
      meta.replace('/meta?', '/google?'),
      google.replace(/token=.*/, ''),
    ]) {
      expect((await fetch(url)).status).toBe(404);
    }
    // A new secret retires the old links.
    await as(ownerA).post(`/sync/feeds/${feed.id}/secret`);
    expect((await fetch(google)).status).toBe(404);
  });
});

describe('isolation', () => {
  test('another tenant cannot run, upload to, re-key or read a feed and its runs', async () => {
    const feed = await newFeed('upload');
    await fetch(`${base()}/sync/feeds/${feed.id}/upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ownerA}`, 'content-type': 'application/json' },
      body: JSON.stringify([car('I-1')]),
    });
    for (const path of ['upload', 'run', 'secret']) {
      const res = await as(ownerB).post(`/sync/feeds/${feed.id}/${path}`, {});
      expect(res.status, `${path}: ${res.text}`).toBe(404);
    }
    expect((await as(ownerB).get(`/items/sync_runs${qs({ filter: { feed: { _eq: feed.id } } })}`)).body.data).toEqual(
      [],
    );
    expect((await as(ownerB).get(`/items/inventory_feeds/${feed.id}`)).status).toBe(403);
  });

  test('staff may upload but never see or renew the secret', async () => {
    const feed = await newFeed('push');
    const read = await as(staffA).get(`/items/inventory_feeds/${feed.id}?fields=*`);
    expect(read.status).toBe(200);
    expect(read.body.data).not.toHaveProperty('push_secret');
    expect(JSON.stringify(read.body.data)).not.toContain(feed.secret);
    expect((await as(staffA).get(`/items/inventory_feeds/${feed.id}?fields=push_secret`)).status).toBe(403);
    expect((await as(staffA).post(`/sync/feeds/${feed.id}/secret`)).status).toBe(403);
    const owner = await as(ownerA).get(`/items/inventory_feeds/${feed.id}?fields=*`);
    expect(JSON.stringify(owner.body.data)).not.toContain(feed.secret);
  });
});

/**
 * `npm run bench:sync [-- --postgres]` — figures for the inventory sync (printed, compared in the same
 * run, never asserted). Starts its own Directus (SQLite in a temp dir, or a throwaway PostgreSQL database
 * with --postgres) and a dealer stand-in serving photos, then pushes signed deliveries over HTTP:
 * 1. first import of 10,000 vehicles (one photo each);
 * 2. second delivery: 5 % changed (price, mileage, one photo), 1 % removed, 1 % new — incremental run vs.
 *    a full load of the same delivery into an empty feed (goal: ≥ 10× faster), with the database writes
 *    of each (goal: writes = changes);
 * 3. unchanged replay of the second delivery: vehicle writes, photo downloads, time (goal: 0, 0, < 3 s);
 * 4. the assistant's search index of the workshop (its vehicles on sale + 500 FAQ) built from scratch,
 *    as after a dealer's first import (goal: ≤ 10 s).
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signPayload } from '@carbot/core/sync/signature';
import pg from 'pg';
import { png } from '../tests/support/png.ts';
import { directusEnv } from './lib/config.ts';
import { automationApi } from './lib/directus-client.ts';
import { databaseFromEnv } from './lib/migrate.ts';
import { bootstrapDirectus, prepareDirectus, startDirectus } from './lib/platform.ts';
import { stop } from './lib/processes.ts';
import { seedBase } from './lib/seed.ts';

type Counts = { received: number; created: number; updated: number; unchanged: number; removed: number };

const COUNT = Number(process.env.BENCH_VEHICLES ?? 10_000);
const usePostgres = process.argv.includes('--postgres');

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** Serves a small distinct PNG for every /<name>.png and counts the downloads. */
async function photoServer() {
  let downloads = 0;
  const server = createHttpServer((req, res) => {
    downloads++;
    const h = createHash('sha1')
      .update(req.url ?? '')
      .digest();
    res.writeHead(200, { 'content-type': 'image/png' }).end(
      png(16, 12, [
        [h[0] ?? 0, h[1] ?? 0, h[2] ?? 0],
        [h[3] ?? 0, h[4] ?? 0, h[5] ?? 0],
      ]),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, downloads: () => downloads, close: () => server.close() };
}

const MAKES = [
  ['Volkswagen', 'Golf'],
  ['Audi', 'A4 Avant'],
  ['BMW', '320d Touring'],
  ['Mercedes-Benz', 'C 220 d'],
  ['Skoda', 'Octavia Combi'],
  ['Opel', 'Astra'],
] as const;

function vehicle(i: number, photos: string, version = 0) {
  const [make, model] = MAKES[i % MAKES.length] as readonly [string, string];
  return {
    external_id: `BX-${i}`,
    make,
    model,
    variant: `Ausstattung ${i % 7}`,
    price: 9990 + (i % 400) * 100 - version * 500,
    mileage_km: 20_000 + (i % 900) * 100 + version * 750,
    first_registration: `${2016 + (i % 8)}-${String((i % 12) + 1).padStart(2, '0')}`,
    fuel: ['petrol', 'diesel', 'hybrid', 'electric'][i % 4],
    transmission: i % 3 === 0 ? 'manual' : 'automatic',
    power_kw: 70 + (i % 150),
    color: ['Weiß', 'Schwarz', 'Silber', 'Blau'][i % 4],
    equipment: ['Klimaanlage', 'Navigationssystem', 'Sitzheizung'].slice(0, (i % 3) + 1),
    description: `Gepflegtes Fahrzeug Nr. ${i} aus dem Bestand, scheckheftgepflegt.`,
    images: [`${photos}/v${i}-${version}.png`],
  };
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'carbot-bench-sync-'));
  const port = await freePort();
  const database = `carbot_bench_sync_${Date.now()}`;
  const pgConfig = {
    host: process.env.PGHOST ?? '127.0.0.1',
    port: Number(process.env.PGPORT ?? 5432),
    user: process.env.PGUSER ?? 'postgres',
  };
  const base: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'error',
    // Under load Directus would answer 503 "under pressure" instead of being measured.
    PRESSURE_LIMITER_ENABLED: 'false',
    CARBOT_SYNC_ALLOW_PRIVATE_URLS: 'true',
    CARBOT_SYNC_SCHEDULE: '0 0 1 1 *',
  };
  if (usePostgres) {
    const admin = new pg.Client({ ...pgConfig, database: process.env.PGDATABASE ?? 'test' });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    Object.assign(base, {
      DB_CLIENT: 'pg',
      DB_HOST: pgConfig.host,
      DB_PORT: String(pgConfig.port),
      DB_USER: pgConfig.user,
      DB_DATABASE: database,
    });
  } else {
    Object.assign(base, { DB_CLIENT: 'sqlite3' });
    delete base.DB_FILENAME;
  }
  const env = directusEnv({ port, dataDir, base });
  const photos = await photoServer();
  console.log(`Starte Directus (${usePostgres ? 'PostgreSQL' : 'SQLite'}) …`);
  await bootstrapDirectus(env);
  const directus = startDirectus(env, process.env.BENCH_LOG !== '1');
  const db = databaseFromEnv(env);
  try {
    const quiet = () => undefined;
    await seedBase(await prepareDirectus(env, quiet), quiet);
    const api = automationApi(env);
    const tenant = await api('POST', '/items/tenants', {
      name: 'Bench GmbH',
      plan: 'enterprise',
      subscription_status: 'active',
    });
    const workshop = await api('POST', '/items/workshops', {
      tenant: tenant.id,
      name: 'Bench',
      slug: `bench-${Date.now()}`,
      status: 'draft',
    });
    const newFeed = async (name: string) => {
      const feed = await api('POST', '/items/inventory_feeds', {
        workshop: workshop.id,
        name,
        mode: 'push',
        max_removal_percent: 100,
      });
      const row = await db('inventory_feeds').select('push_secret').where('id', String(feed.id)).first();
      return { id: String(feed.id), secret: String(row.push_secret) };
    };
    // node:http rather than fetch: a first import of 10,000 vehicles with photos may take longer than
    // fetch's five-minute header timeout.
    const push = (feed: { id: string; secret: string }, vehicles: unknown[]) =>
      new Promise<{ ms: number; report: Counts & { run: string } }>((resolve, reject) => {
        const raw = JSON.stringify({ mode: 'snapshot', vehicles });
        const started = performance.now();
        const req = request(
          `${env.PUBLIC_URL}/sync/feeds/${feed.id}/vehicles`,
          {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(raw),
              'x-carbot-signature': signPayload(feed.secret, Math.floor(Date.now() / 1000), raw),
            },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => {
              text += c;
            });
            res.on('end', () => {
              if (res.statusCode !== 200) reject(new Error(`Push: ${res.statusCode} ${text.slice(0, 500)}`));
              else
                resolve({
                  ms: performance.now() - started,
                  report: (JSON.parse(text) as { data: Counts & { run: string } }).data,
                });
            });
          },
        );
        req.on('error', reject);
        req.end(raw);
      });
    // What a run wrote: vehicle rows created or updated since `since`, and history rows of the run.
    const writes = async (feed: string, run: unknown, since: Date) => {
      const [vehicleCount] = await db('vehicles')
        .where('feed', feed)
        .andWhere((q) => q.where('date_updated', '>=', since).orWhere('date_created', '>=', since))
        .count({ n: '*' });
      const [historyCount] = await db('vehicle_history').where('run', String(run)).count({ n: '*' });
      return { vehicleRows: Number(vehicleCount?.n), historyRows: Number(historyCount?.n) };
    };

    const first = Array.from({ length: COUNT }, (_, i) => vehicle(i, photos.url));
    const main = await newFeed('Bestand');
    const initial = await push(main, first);
    console.log(
      `\n1. Erstimport ${COUNT} Fahrzeuge: ${(initial.ms / 1000).toFixed(1)} s, ${photos.downloads()} Fotos geladen`,
    );

    // Second delivery: 5 % changed, 1 % removed, 1 % new.
    const changed = Math.round(COUNT * 0.05);
    const removed = Math.round(COUNT * 0.01);
    const added = Math.round(COUNT * 0.01);
    const second = [
      ...first.slice(removed).map((v, k) => (k < changed ? vehicle(k + removed, photos.url, 1) : v)),
      ...Array.from({ length: added }, (_, k) => vehicle(COUNT + k, photos.url)),
    ];
    const downloadsBefore = photos.downloads();
    const since = new Date(Date.now() - 1000);
    const incremental = await push(main, second);
    const incrementalWrites = await writes(main.id, incremental.report.run, since);
    const incrementalDownloads = photos.downloads() - downloadsBefore;

    const fresh = await newFeed('Neu geladen');
    // The same delivery into an empty feed, with other photo URLs so the photos are loaded as well.
    const reloadVehicles = second.map((v) => ({
      ...v,
      external_id: `R-${v.external_id}`,
      images: v.images.map((u) => u.replace('.png', '-r.png')),
    }));
    const reloadSince = new Date(Date.now() - 1000);
    const reload = await push(fresh, reloadVehicles);
    const reloadWrites = await writes(fresh.id, reload.report.run, reloadSince);

    const r = incremental.report;
    console.log(`\n2. Zweite Lieferung (${changed} geändert, ${removed} entfernt, ${added} neu):`);
    console.log(
      `   inkrementell: ${(incremental.ms / 1000).toFixed(2)} s — neu ${r.created}, geändert ${r.updated}, unverändert ${r.unchanged}, verkauft ${r.removed}`,
    );
    console.log(
      `     Schreibvorgänge: ${incrementalWrites.vehicleRows} Fahrzeugzeilen + ${incrementalWrites.historyRows} Historienzeilen, Änderungen ${r.created + r.updated + r.removed} (Ziel: gleich), ${incrementalDownloads} Fotos geladen (Ziel: ${changed + added})`,
    );
    console.log(
      `   voller Neuimport derselben Lieferung: ${(reload.ms / 1000).toFixed(2)} s — ${reloadWrites.vehicleRows} Fahrzeugzeilen + ${reloadWrites.historyRows} Historienzeilen`,
    );
    console.log(`   Faktor: ${(reload.ms / incremental.ms).toFixed(1)}× schneller (Ziel: ≥ 10×)`);

    const replayBefore = photos.downloads();
    const replaySince = new Date(Date.now() - 1000);
    const replay = await push(main, second);
    const replayWrites = await writes(main.id, replay.report.run, replaySince);
    console.log(
      `\n3. Unveränderte Wiederholung: ${(replay.ms / 1000).toFixed(2)} s (Ziel: < 3 s), ${replayWrites.vehicleRows} Fahrzeug- und ${replayWrites.historyRows} Historienschreibvorgänge, ${photos.downloads() - replayBefore} Fotos geladen (Ziel: 0, 0, 0)`,
    );

    // 4. The assistant's index from scratch: the workshop published (only the main feed's cars on sale),
    // 500 FAQ, every passage of the workshop removed; then one change of the workshop through the API
    // makes the search-index hook rebuild it (one transaction), timed until every passage is there.
    await db('vehicles').where('feed', fresh.id).update({ status: 'sold' });
    const faqs = Array.from({ length: 500 }, (_, i) => ({
      id: randomUUID(),
      tenant: String(tenant.id),
      workshop: String(workshop.id),
      status: 'published',
      sort: i + 1,
    }));
    await db.batchInsert('faqs', faqs, 100);
    await db.batchInsert(
      'faqs_translations',
      faqs.map((f, i) => ({
        faqs_id: f.id,
        tenant: f.tenant,
        languages_code: 'de',
        question: `Frage ${i}: Wie lange dauert die Inspektion bei Modell ${i % 40}?`,
        answer: `Antwort ${i}: In der Regel einen halben Tag; bitte Termin vereinbaren. Ersatzwagen auf Anfrage.`,
      })),
      100,
    );
    const [onSale] = await db('vehicles')
      .where('workshop', String(workshop.id))
      .whereIn('status', ['available', 'reserved'])
      .count({ n: '*' });
    const expected = Number(onSale?.n) + faqs.length + 1;
    await db('carbot_search').where('workshop', String(workshop.id)).delete();
    const indexStarted = performance.now();
    await api('PATCH', `/items/workshops/${workshop.id}`, { status: 'published' });
    let indexed = 0;
    while (performance.now() - indexStarted < 300_000) {
      const [row] = await db('carbot_search').where('workshop', String(workshop.id)).count({ n: '*' });
      indexed = Number(row?.n);
      if (indexed >= expected) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    console.log(
      `\n4. Suchindex von Grund auf: ${indexed} von ${expected} Passagen (${Number(onSale?.n)} Fahrzeuge, 500 FAQ) in ${((performance.now() - indexStarted) / 1000).toFixed(2)} s (Ziel: ≤ 10 s)`,
    );
  } finally {
    await db.destroy();
    await stop(directus);
    photos.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (usePostgres) {
      const admin = new pg.Client({ ...pgConfig, database: process.env.PGDATABASE ?? 'test' });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    }
  }
}

await main();

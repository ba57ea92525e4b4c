/**
 * `npm run bench:vehicles [-- --postgres]` — the vehicle list of a dealer's website at scale (printed,
 * never asserted). Starts its own Directus (SQLite in a temp dir, or a throwaway PostgreSQL database) and
 * site server, gives one published workshop `BENCH_LIST_VEHICLES` vehicles (default 5,000), then renders
 * the list uncached (the tenant's page cache purged before every request, not timed) with the filters a
 * visitor uses — none, make, make + model, fuel, price range, mileage, year, a deep page, sorted — and one
 * vehicle's detail page. Goal: list p95 ≤ 150 ms. Compared in the same run with the cached list.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { directusEnv } from './lib/config.ts';
import { automationApi } from './lib/directus-client.ts';
import { databaseFromEnv } from './lib/migrate.ts';
import { bootstrapDirectus, prepareDirectus, startDirectus } from './lib/platform.ts';
import { stop } from './lib/processes.ts';
import { seedBase } from './lib/seed.ts';
import { sitesEnv, startSitesServer, waitForSites } from './lib/sites.ts';

const COUNT = Number(process.env.BENCH_LIST_VEHICLES ?? 5000);
const RUNS = Number(process.env.BENCH_RUNS ?? 120);
const usePostgres = process.argv.includes('--postgres');
const SLUG = 'bench-autohaus';
const HOST = `${SLUG}.localhost`;

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

const agent = new Agent({ keepAlive: true, maxSockets: 4 });
function hit(port: number, host: string, path: string, method = 'GET', body?: string, headers = {}) {
  return new Promise<{ status: number; body: string; cache?: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, agent, headers: { host, ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        text += c;
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: text, cache: res.headers['x-carbot-cache'] as string }),
      );
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

const MODELS: [string, string[]][] = [
  ['Volkswagen', ['Golf', 'Polo', 'Passat Variant', 'Tiguan', 'ID.3']],
  ['Audi', ['A3 Sportback', 'A4 Avant', 'Q5']],
  ['BMW', ['118i', '320d Touring', 'X1', 'i4']],
  ['Mercedes-Benz', ['A 180', 'C 220 d T-Modell', 'GLC 300 e']],
  ['Skoda', ['Fabia', 'Octavia Combi', 'Enyaq iV 80']],
  ['Opel', ['Corsa', 'Astra']],
  ['Ford', ['Puma', 'Kuga']],
  ['Toyota', ['Yaris', 'Corolla Touring Sports', 'RAV4']],
  ['Hyundai', ['Kona Elektro', 'Tucson']],
  ['Kia', ['Ceed Sportswagon', 'Niro EV', 'Sportage']],
];
const FUELS = ['petrol', 'diesel', 'hybrid', 'electric', 'plugin_hybrid'];

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'carbot-bench-vehicles-'));
  const directusPort = await freePort();
  const sitesPort = await freePort();
  const secret = `bench-${Date.now()}`;
  const database = `carbot_bench_vehicles_${Date.now()}`;
  const pgConfig = {
    host: process.env.PGHOST ?? '127.0.0.1',
    port: Number(process.env.PGPORT ?? 5432),
    user: process.env.PGUSER ?? 'postgres',
  };
  const base: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'error',
    PRESSURE_LIMITER_ENABLED: 'false',
    CARBOT_SITES_URLS: `http://127.0.0.1:${sitesPort}`,
    CARBOT_PURGE_SECRET: secret,
    SITES_PORT: String(sitesPort),
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
  const env = directusEnv({ port: directusPort, dataDir, base });
  console.log(`Starte Directus (${usePostgres ? 'PostgreSQL' : 'SQLite'}) und Site-Server …`);
  await bootstrapDirectus(env);
  const directus = startDirectus(env, process.env.BENCH_LOG !== '1');
  const db = databaseFromEnv(env);
  let sites: ReturnType<typeof startSitesServer> | undefined;
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
      name: 'Autohaus Bench',
      slug: SLUG,
      status: 'published',
      city: 'München',
    });
    // The stock goes straight into the table: this measures the website, not the import.
    const now = new Date();
    const rows = Array.from({ length: COUNT }, (_, i) => {
      const [make, models] = MODELS[i % MODELS.length] as [string, string[]];
      const year = 2015 + (i % 10);
      return {
        id: randomUUID(),
        tenant: String(tenant.id),
        workshop: String(workshop.id),
        status: i % 17 === 0 ? 'reserved' : 'available',
        external_id: `L-${i}`,
        make,
        model: models[(i >> 3) % models.length],
        variant: `Ausstattung ${i % 7}`,
        price: 6990 + ((i * 37) % 600) * 100,
        mileage_km: 5000 + ((i * 53) % 1900) * 100,
        year,
        first_registration: `${year}-${String((i % 12) + 1).padStart(2, '0')}`,
        fuel: FUELS[i % FUELS.length],
        transmission: i % 3 === 0 ? 'manual' : 'automatic',
        power_kw: 60 + (i % 180),
        color: ['Weiß', 'Schwarz', 'Silber', 'Blau'][i % 4],
        description: `Fahrzeug Nr. ${i}: scheckheftgepflegt, unfallfrei.`,
        date_created: now,
      };
    });
    await db.batchInsert('vehicles', rows, 200);
    // The sync refreshes PostgreSQL's planner statistics after an import of this size (core/sync/statistics);
    // inserted past the sync, the stock gets the same, or the list would be measured with the plans of an
    // empty table.
    if (usePostgres) await db.raw('ANALYZE vehicles');
    const sEnv = sitesEnv({ ...env, SITES_PORT: String(sitesPort), DIRECTUS_URL: env.PUBLIC_URL });
    sites = startSitesServer(sEnv, { quiet: true });
    await waitForSites(sEnv);

    const purge = () =>
      hit(sitesPort, '127.0.0.1', '/_carbot/purge', 'POST', JSON.stringify({ tenants: [tenant.id], platform: false }), {
        authorization: `Bearer ${secret}`,
        'content-type': 'application/json',
      });
    const lastPage = Math.ceil(COUNT / 24);
    const paths = [
      '/fahrzeuge',
      '/fahrzeuge?make=BMW',
      '/fahrzeuge?make=Volkswagen&model=Golf',
      '/fahrzeuge?fuel=electric',
      '/fahrzeuge?min_price=15000&max_price=30000',
      '/fahrzeuge?max_km=50000&sort=price',
      '/fahrzeuge?min_year=2021&sort=mileage',
      `/fahrzeuge?page=${Math.max(2, Math.floor(lastPage / 2))}`,
      '/fahrzeuge?fuel=diesel&make=Audi&max_price=40000&sort=-price',
    ];
    for (const p of paths) {
      const res = await hit(sitesPort, HOST, p);
      if (res.status !== 200 || !res.body.includes('vehicle-card')) throw new Error(`${p}: ${res.status}`);
    }
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await purge();
      const path = paths[i % paths.length] as string;
      const start = performance.now();
      const res = await hit(sitesPort, HOST, path);
      times.push(performance.now() - start);
      if (res.status !== 200 || res.cache !== 'miss') throw new Error(`${path}: ${res.status} ${res.cache}`);
    }
    times.sort((a, b) => a - b);
    const cached: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const path = paths[i % paths.length] as string;
      const start = performance.now();
      await hit(sitesPort, HOST, path);
      cached.push(performance.now() - start);
    }
    cached.sort((a, b) => a - b);
    const one = rows[Math.floor(COUNT / 2)]?.id;
    const detail: number[] = [];
    for (let i = 0; i < 40; i++) {
      await purge();
      const start = performance.now();
      const res = await hit(sitesPort, HOST, `/fahrzeuge/${one}`);
      detail.push(performance.now() - start);
      if (res.status !== 200) throw new Error(`Detailseite: ${res.status}`);
    }
    detail.sort((a, b) => a - b);
    console.log(`\nFahrzeugliste einer Werkstatt mit ${COUNT} Fahrzeugen (${usePostgres ? 'PostgreSQL' : 'SQLite'}):`);
    console.log(
      `  ungecacht (${RUNS} Anfragen, ${paths.length} Filter reihum): p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms (Ziel ≤ 150 ms)`,
    );
    console.log(`  gecacht zum Vergleich: p50 ${pct(cached, 50).toFixed(1)} ms, p95 ${pct(cached, 95).toFixed(1)} ms`);
    console.log(
      `  Detailseite ungecacht (40 Anfragen): p50 ${pct(detail, 50).toFixed(1)} ms, p95 ${pct(detail, 95).toFixed(1)} ms`,
    );
  } finally {
    await db.destroy();
    if (sites) await stop(sites);
    await stop(directus);
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

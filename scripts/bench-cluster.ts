/**
 * `npm run bench:cluster`: CarBot as a cluster on this machine (scripts/lib/cluster.ts: PostgreSQL, Redis,
 * two Directus instances, two site servers), figures printed, compared within the same run:
 * 1. cached page throughput through a small local round-robin balancer in front of two site servers vs.
 *    the same balancer in front of one;
 * 2. chat answers per second with two Directus instances vs. one (the model answers instantly: what the
 *    instances themselves sustain);
 * 3. purge-to-visible: an edit saved alternately on either instance until both site servers show it, p50/p95;
 * 4. backup and restore time (npm run backup / restore) of the cluster's database, after adding
 *    BENCH_TENANTS (200) copies of a demo tenant with its workshop, services, FAQ, posts and vehicles.
 * BENCH_SECONDS (8), BENCH_CONCURRENCY (32), BENCH_CONVERSATIONS (16), BENCH_EDITS (20) change the load.
 * Every figure depends on what else runs on the machine: `uptime` is printed with them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { tenants } from '../seeds/demo/index.ts';
import { startOpenAi } from '../tests/support/edges/openai.ts';
import { createBackup, restoreBackup, storageEnv } from './lib/backup.ts';
import { freePort, startCluster, withPg } from './lib/cluster.ts';
import { buildIfStale } from './lib/processes.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 16);
const EDITS = Number(process.env.BENCH_EDITS ?? 20);
const TENANTS = Number(process.env.BENCH_TENANTS ?? 200);
const HOST = 'kfz-schneider.localhost';
const ORIGIN = 'https://bench.example';
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

const agent = new Agent({ keepAlive: true, maxSockets: 256 });
function hit(port: number, path: string, host = HOST) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        body += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A round-robin HTTP balancer in this process, as nginx would stand in front of the site servers. */
async function balancer(targets: number[]) {
  const upstream = new Agent({ keepAlive: true, maxSockets: 256 });
  let next = 0;
  const server = createServer((req, res) => {
    const port = targets[next++ % targets.length] as number;
    const proxied = request(
      { host: '127.0.0.1', port, path: req.url, method: req.method, headers: req.headers, agent: upstream },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    proxied.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(proxied);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function throughput(port: number) {
  const until = Date.now() + SECONDS * 1000;
  let done = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < until) {
        const res = await hit(port, '/');
        if (res.status === 200) done++;
        else failed++;
      }
    }),
  );
  return { rps: done / SECONDS, failed };
}

await buildIfStale('Directus-Erweiterungen', 'extensions/carbot', [
  'extensions/carbot/src',
  'extensions/carbot/package.json',
  'core/src',
]);
const llm = await startOpenAi();
console.log(`Starte Cluster (PostgreSQL, Redis, 2× Directus, 2× Site-Server) … Last: ${load()}`);
const cluster = await startCluster({
  redis: process.env.CARBOT_BENCH_REDIS ?? 'redis://127.0.0.1:6379/14',
  prefix: 'carbot_bench_cluster',
  env: {
    ...llm.env,
    IP_TRUST_PROXY: 'true',
    CARBOT_RATE_LIMIT_KEY: '10000000',
    CARBOT_RATE_LIMIT_VISITOR: '10000000',
  },
});
const token = cluster.directusEnv.CARBOT_AUTOMATION_TOKEN as string;
const api = async (
  base: string,
  path: string,
  method = 'GET',
  body?: unknown,
  headers: Record<string, string> = {},
) => {
  const res = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, json: text.startsWith('{') ? JSON.parse(text) : null };
};
const [D1, D2] = cluster.directus as [string, string];
const sitePorts = cluster.sites.map((url) => Number(new URL(url).port));
const extraDatabases: string[] = [];
const work = mkdtempSync(join(tmpdir(), 'carbot-bench-cluster-'));

try {
  // 1. Cached pages: one balancer, one or two site servers behind it.
  for (const port of sitePorts) for (let i = 0; i < 50; i++) await hit(port, '/');
  const one = await balancer([sitePorts[0] as number]);
  const two = await balancer(sitePorts);
  // Alternating rounds, so that a load spike from elsewhere on the machine does not favour one side.
  const rounds = { single: [] as { rps: number; failed: number }[], pair: [] as { rps: number; failed: number }[] };
  for (let round = 0; round < 2; round++) {
    rounds.single.push(await throughput(one.port));
    rounds.pair.push(await throughput(two.port));
  }
  const mean = (list: { rps: number; failed: number }[]) => ({
    rps: list.reduce((a, b) => a + b.rps, 0) / list.length,
    failed: list.reduce((a, b) => a + b.failed, 0),
  });
  const single = mean(rounds.single);
  const pair = mean(rounds.pair);
  await Promise.all([one.close(), two.close()]);
  console.log(
    `\n1. Gecachte Seite über lokalen Balancer (Konkurrenz ${CONCURRENCY}, 2 Runden je ${SECONDS} s abwechselnd, Mittel; Last ${load()}):`,
  );
  console.log(`   1 Site-Server:  ${single.rps.toFixed(0)} Anfragen/s (Fehler ${single.failed})`);
  console.log(`   2 Site-Server:  ${pair.rps.toFixed(0)} Anfragen/s (Fehler ${pair.failed})`);
  console.log(`   Faktor:         ${(pair.rps / single.rps).toFixed(2)}`);

  // 2. Chat answers per second, one instance vs. both alternately.
  const schneider = tenants[1];
  const workshops = await api(
    D1,
    `/items/workshops?fields=id&filter[tenant][_eq]=${schneider?.tenant.id}&filter[status][_eq]=published&limit=1`,
  );
  const key = (
    await api(D1, '/items/client_keys', 'POST', {
      workshop: workshops.json.data[0].id,
      name: 'Bench',
      allowed_origins: [ORIGIN],
    })
  ).json.data.key as string;
  const widget = (base: string, path: string, visitor: string, body?: unknown, session?: string) =>
    fetch(`${base}/widget${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        'x-carbot-key': key,
        origin: ORIGIN,
        'x-forwarded-for': visitor,
        'content-type': 'application/json',
        ...(session ? { 'x-carbot-session': session } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const chat = async (targets: string[]) => {
    const until = Date.now() + SECONDS * 1000;
    let answers = 0;
    let failed = 0;
    await Promise.all(
      Array.from({ length: CONVERSATIONS }, async (_, c) => {
        const visitor = `198.18.${targets.length}.${c}`;
        let turn = c;
        const base = () => targets[turn++ % targets.length] as string;
        const started = await (await widget(base(), '/conversations', visitor, {})).json();
        const { id, session } = started.data;
        while (Date.now() < until) {
          const res = await widget(
            base(),
            `/conversations/${id}/messages`,
            visitor,
            { text: 'Was kostet ein Ölwechsel?' },
            session,
          );
          const text = await res.text();
          if (res.status === 200 && text.includes('event: done')) answers++;
          else failed++;
        }
      }),
    );
    return { rps: answers / SECONDS, failed };
  };
  const chatOne = await chat([D1]);
  const chatTwo = await chat([D1, D2]);
  const chatOneAgain = await chat([D1]);
  console.log(
    `\n2. Chat-Antworten (${CONVERSATIONS} Unterhaltungen ohne Pause, Modell antwortet sofort, je ${SECONDS} s; Last ${load()}):`,
  );
  console.log(
    `   1 Directus:     ${chatOne.rps.toFixed(1)} Antworten/s (Fehler ${chatOne.failed}); danach noch einmal ${chatOneAgain.rps.toFixed(1)}`,
  );
  console.log(`   2 Directus:     ${chatTwo.rps.toFixed(1)} Antworten/s (Fehler ${chatTwo.failed})`);
  console.log(`   Faktor:         ${(chatTwo.rps / ((chatOne.rps + chatOneAgain.rps) / 2)).toFixed(2)}`);

  // 3. Purge-to-visible on both site servers.
  const service = schneider?.services[0];
  const times: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    for (const port of sitePorts) await hit(port, '/leistungen');
    const price = 3000.5 + i;
    const shown = `${price.toLocaleString('de-DE', { minimumFractionDigits: 2 })} €`;
    const started = performance.now();
    await api(i % 2 ? D2 : D1, `/items/services/${service?.id}`, 'PATCH', { price });
    await Promise.all(
      sitePorts.map(async (port) => {
        for (;;) {
          const page = await hit(port, '/leistungen');
          if (page.body.replaceAll('\u00a0', ' ').includes(shown)) return;
          if (performance.now() - started > 15_000) throw new Error('Änderung nach 15 s nicht sichtbar');
          await new Promise((r) => setTimeout(r, 10));
        }
      }),
    );
    times.push(performance.now() - started);
  }
  await api(D1, `/items/services/${service?.id}`, 'PATCH', { price: Number(service?.price) });
  console.log(`\n3. Speichern bis sichtbar auf beiden Site-Servern (${EDITS} Änderungen; Last ${load()}):`);
  console.log(
    `   p50 ${pct(times, 50).toFixed(0)} ms, p95 ${pct(times, 95).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms (Ziel p95 ≤ 1000 ms)`,
  );

  // 4. Backup and restore of the cluster's database, grown to TENANTS copies of a demo tenant.
  const copied = await cloneTenants(cluster.database, String(schneider?.tenant.id), TENANTS);
  const env = storageEnv({ ...cluster.directusEnv });
  const startedBackup = performance.now();
  const backup = await createBackup(env, { outDir: join(work, 'out'), log: () => undefined });
  const backupMs = performance.now() - startedBackup;
  const target = `${cluster.database}_restore`;
  extraDatabases.push(target);
  await withPg((c) => c.query(`CREATE DATABASE ${target}`));
  const startedRestore = performance.now();
  await restoreBackup(
    storageEnv({ ...cluster.directusEnv, DB_DATABASE: target, STORAGE_LOCAL_ROOT: join(work, 'uploads') }),
    backup.file,
    {
      log: () => undefined,
    },
  );
  const restoreMs = performance.now() - startedRestore;
  const rows = Object.values(backup.manifest.rows).reduce((a, b) => a + b, 0);
  const tenantCount = backup.manifest.rows.tenants ?? 0;
  console.log(`\n4. Sicherung und Wiederherstellung (PostgreSQL; Last ${load()}):`);
  console.log(`   ${tenantCount} Mandanten (${copied} Kopien eines Demo-Mandanten), ${rows} Zeilen`);
  console.log(`   npm run backup:  ${(backupMs / 1000).toFixed(1)} s`);
  console.log(`   npm run restore: ${(restoreMs / 1000).toFixed(1)} s`);
} finally {
  await cluster.stop();
  for (const database of extraDatabases) {
    await withPg((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)).catch(() => undefined);
  }
  await llm.close();
  rmSync(work, { recursive: true, force: true });
}

/**
 * Copies one tenant `count` times inside the database: its row in each table that belongs to it, with
 * every id and every reference among the copied rows mapped to a new uuid (md5 of old id and copy
 * number), and unique texts (slugs, keys, addresses) suffixed. What cannot be copied is skipped.
 */
async function cloneTenants(database: string, tenant: string, count: number): Promise<number> {
  const tables = [
    'tenants',
    'workshops',
    'services',
    'faqs',
    'posts',
    'vehicles',
    'services_translations',
    'faqs_translations',
    'posts_translations',
  ];
  const owner: Record<string, string> = {
    tenants: 'id = $1',
    workshops: 'tenant = $1',
    services: 'tenant = $1',
    faqs: 'tenant = $1',
    posts: 'tenant = $1',
    vehicles: 'tenant = $1',
    services_translations: 'services_id IN (SELECT id FROM services WHERE tenant = $1)',
    faqs_translations: 'faqs_id IN (SELECT id FROM faqs WHERE tenant = $1)',
    posts_translations: 'posts_id IN (SELECT id FROM posts WHERE tenant = $1)',
  };
  const mapped = new Set(['id', 'tenant', 'workshop', 'services_id', 'faqs_id', 'posts_id']);
  const unique = new Set([
    'slug',
    'key',
    'email',
    'stripe_customer_id',
    'stripe_subscription_id',
    'custom_domain',
    'vin',
    'external_id',
  ]);
  let made = 0;
  await withPg(async (db) => {
    for (let n = 1; n <= count; n++) {
      await db.query('BEGIN');
      try {
        for (const table of tables) {
          const columns = (
            await db.query(
              `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1 AND table_schema = 'public' AND is_generated = 'NEVER'`,
              [table],
            )
          ).rows as { column_name: string; data_type: string }[];
          if (columns.length === 0) continue;
          const select = columns.map(({ column_name: name, data_type: type }) => {
            const col = `"${name}"`;
            if (mapped.has(name) && type === 'uuid') return `md5(${col}::text || '-${n}')::uuid`;
            if (name === 'id') return `nextval(pg_get_serial_sequence('${table}', 'id'))`;
            if (unique.has(name) && (type === 'character varying' || type === 'text')) return `${col} || '-${n}'`;
            return col;
          });
          const list = columns.map((c) => `"${c.column_name}"`).join(', ');
          await db.query(
            `INSERT INTO "${table}" (${list}) SELECT ${select.join(', ')} FROM "${table}" WHERE ${owner[table]}`,
            [tenant],
          );
        }
        await db.query('COMMIT');
        made++;
      } catch (error) {
        await db.query('ROLLBACK');
        if (n === 1) console.log(`   (Mandanten nicht kopiert: ${(error as Error).message})`);
        break;
      }
    }
  }, database);
  return made;
}

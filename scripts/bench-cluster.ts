/**
 * `npm run bench:cluster`: CarBot as a cluster on this machine (scripts/lib/cluster.ts: PostgreSQL, Redis,
 * two Directus instances, two site servers), figures printed, compared within the same run:
 * 1. cached page throughput through a small local round-robin balancer in front of two site servers vs.
 *    the same balancer in front of one;
 * 2. chat answers per second with two Directus instances vs. one on PostgreSQL (the model is the local SSE
 *    stand-in and answers instantly: what the instances themselves sustain): a warm-up, then BENCH_ROUNDS
 *    (6) rounds of both, in alternating order, median and spread, and where the CPU went;
 * 3. purge-to-visible: an edit saved alternately on either instance until both site servers show it, p50/p95;
 * 4. backup and restore time (npm run backup / restore) of the cluster's database, after adding
 *    BENCH_TENANTS (200) copies of a demo tenant with its workshop, services, FAQ, posts and vehicles, each
 *    with BENCH_CHATS (100) conversations of six messages, leads, consents and appointments; the manifest's
 *    row counts are printed.
 * BENCH_SECONDS (8), BENCH_WARMUP (5), BENCH_CONCURRENCY (32), BENCH_CONVERSATIONS (16), BENCH_EDITS (20)
 * change the load.
 * Every figure depends on what else runs on the machine: `uptime` is printed with them.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { tenants } from '../seeds/demo/index.ts';
import { startOpenAi } from '../tests/support/edges/openai.ts';
import { createBackup, restoreBackup, storageEnv } from './lib/backup.ts';
import { freePort, startCluster, withPg } from './lib/cluster.ts';
import { BUILDS, buildIfStale } from './lib/processes.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 16);
const EDITS = Number(process.env.BENCH_EDITS ?? 20);
const TENANTS = Number(process.env.BENCH_TENANTS ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const CHATS = Number(process.env.BENCH_CHATS ?? 100);
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

/**
 * CPU used while a measurement runs, in cores (1.0 = one core busy the whole time): the machine
 * (/proc/stat), the Directus processes, this process (load generator and the model's stand-in), and the
 * rest (PostgreSQL, Redis, site servers, whatever else runs). Linux counts in ticks of 1/100 s (USER_HZ).
 */
type CpuShare = { machine: number; directus: number; bench: number; rest: number };
function cpuMeter(pids: number[]): () => CpuShare {
  const machine = () => {
    const [, ...fields] = (readFileSync('/proc/stat', 'utf8').split('\n')[0] as string).trim().split(/\s+/);
    const ticks = fields.map(Number);
    const total = ticks.reduce((a, b) => a + b, 0);
    return total - (ticks[3] ?? 0) - (ticks[4] ?? 0);
  };
  const processes = () =>
    pids.reduce((sum, pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return sum + Number(fields[11]) + Number(fields[12]);
      } catch {
        return sum;
      }
    }, 0);
  const started = { at: performance.now(), machine: machine(), directus: processes(), bench: process.cpuUsage() };
  return () => {
    const seconds = (performance.now() - started.at) / 1000;
    const bench = process.cpuUsage(started.bench);
    const share = {
      machine: (machine() - started.machine) / 100 / seconds,
      directus: (processes() - started.directus) / 100 / seconds,
      bench: (bench.user + bench.system) / 1e6 / seconds,
    };
    return { ...share, rest: Math.max(0, share.machine - share.directus - share.bench) };
  };
}

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

await buildIfStale(BUILDS.extensions);
const llm = await startOpenAi();
console.log(`Starte Cluster (PostgreSQL, Redis, 2× Directus, 2× Site-Server) … Last: ${load()}`);
const cluster = await startCluster({
  redis: process.env.CARBOT_BENCH_REDIS ?? 'redis://127.0.0.1:6379/14',
  prefix: 'carbot_bench_cluster',
  env: {
    ...llm.env,
    // The stand-in answers at once; a loaded machine must not turn answers into timeout fallbacks.
    CARBOT_LLM_TIMEOUT_MS: '15000',
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
  /** Fresh conversations each measurement (the history an answer reads stays the same size), turns alternated over `targets`. */
  const chat = async (targets: string[], seconds: number, tag: string) => {
    const until = Date.now() + seconds * 1000;
    let answers = 0;
    let failed = 0;
    const latencies: number[] = [];
    await Promise.all(
      Array.from({ length: CONVERSATIONS }, async (_, c) => {
        const visitor = `198.18.${tag}.${c}`;
        let turn = c;
        const base = () => targets[turn++ % targets.length] as string;
        const started = await (await widget(base(), '/conversations', visitor, {})).json();
        const { id, session } = started.data;
        while (Date.now() < until) {
          const sent = performance.now();
          const res = await widget(
            base(),
            `/conversations/${id}/messages`,
            visitor,
            { text: 'Was kostet ein Ölwechsel?' },
            session,
          );
          const text = await res.text();
          if (res.status === 200 && text.includes('event: done')) {
            answers++;
            latencies.push(performance.now() - sent);
          } else failed++;
        }
      }),
    );
    return { rps: answers / seconds, answers, failed, p50: pct(latencies, 50), p95: pct(latencies, 95) };
  };
  type ChatRound = Awaited<ReturnType<typeof chat>> & { cpu: CpuShare };
  const measured = async (targets: string[], tag: string): Promise<ChatRound> => {
    const cpu = cpuMeter(cluster.children.directus.map((child) => child.pid as number));
    const result = await chat(targets, SECONDS, tag);
    // The stand-in keeps every request it was sent (for tests); the bench does not need them.
    await fetch(`${llm.urls.openai}/__requests`, { method: 'DELETE' });
    return { ...result, cpu: cpu() };
  };
  // Warm-up on both instances (JIT, connection pools, caches), not counted.
  await chat([D1, D2], WARMUP, '250');
  const chatSingle: ChatRound[] = [];
  const chatPair: ChatRound[] = [];
  // Alternating order (1-2, 2-1, …) and alternating instance for the chatSingle run, so that drift of the
  // machine's load and differences between the instances fall on both sides alike.
  for (let round = 0; round < ROUNDS; round++) {
    const alone = round % 2 ? D2 : D1;
    if (round % 2 === 0) {
      chatSingle.push(await measured([alone], `${round * 2}`));
      chatPair.push(await measured([D1, D2], `${round * 2 + 1}`));
    } else {
      chatPair.push(await measured([D1, D2], `${round * 2}`));
      chatSingle.push(await measured([alone], `${round * 2 + 1}`));
    }
  }
  const median = (values: number[]) => pct(values, 50);
  const spread = (values: number[], digits = 1) =>
    `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;
  const describe = (list: ChatRound[]) => {
    const rps = list.map((r) => r.rps);
    const failed = list.reduce((a, r) => a + r.failed, 0);
    const answers = list.reduce((a, r) => a + r.answers, 0);
    const cpu = (pick: (c: CpuShare) => number) => median(list.map((r) => pick(r.cpu))).toFixed(2);
    return [
      `${median(rps).toFixed(1)} Antworten/s (Median; Spanne ${spread(rps)}; ${answers} Antworten, Fehler ${failed})`,
      `Antwortzeit p50 ${median(list.map((r) => r.p50)).toFixed(0)} ms, p95 ${median(list.map((r) => r.p95)).toFixed(0)} ms`,
      `CPU in Kernen: Maschine ${cpu((c) => c.machine)}, Directus ${cpu((c) => c.directus)}, Lastgenerator+Modell ${cpu((c) => c.bench)}, Rest (PostgreSQL, Redis, Site-Server, andere) ${cpu((c) => c.rest)}`,
    ];
  };
  const ratios = chatSingle.map((one, i) => (chatPair[i] as ChatRound).rps / one.rps);
  console.log(
    `\n2. Chat-Antworten auf PostgreSQL (${CONVERSATIONS} Unterhaltungen ohne Pause, Modell = lokaler SSE-Server, antwortet sofort; ${WARMUP} s Aufwärmen, dann ${ROUNDS} Runden je ${SECONDS} s, 1 und 2 Instanzen abwechselnd; Last ${load()}; ${cpus().length} Kerne):`,
  );
  const [oneLine, ...oneRest] = describe(chatSingle);
  const [twoLine, ...twoRest] = describe(chatPair);
  console.log(`   1 Directus:     ${oneLine}`);
  for (const line of oneRest) console.log(`                   ${line}`);
  console.log(`   2 Directus:     ${twoLine}`);
  for (const line of twoRest) console.log(`                   ${line}`);
  console.log(
    `   Faktor:         ${median(ratios).toFixed(2)} (Median der Runden; Spanne ${spread(ratios, 2)}; je Runde ${ratios.map((r) => r.toFixed(2)).join(' ')})`,
  );

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

  // 4. Backup and restore of the cluster's database, grown to TENANTS copies of a demo tenant, each with
  // the chats, leads, consents and appointments of a workshop in use.
  const copied = await cloneTenants(cluster.database, String(schneider?.tenant.id), TENANTS);
  const activity = await addActivity(cluster.database, String(schneider?.tenant.id), copied, CHATS);
  const databaseBytes = await withPg(
    async (c) => Number((await c.query('SELECT pg_database_size(current_database()) AS n')).rows[0].n),
    cluster.database,
  );
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
  const counts = backup.manifest.rows;
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  console.log(`\n4. Sicherung und Wiederherstellung (PostgreSQL; Last ${load()}):`);
  console.log(
    `   ${counts.tenants ?? 0} Mandanten (${copied} Kopien eines Demo-Mandanten, je ${activity.perTenant}), ${rows} Zeilen, Datenbank ${mb(databaseBytes)}, Sicherung ${mb(statSync(backup.file).size)}, ${backup.manifest.files.length} Dateien`,
  );
  console.log('   Zeilen laut Manifest (Tabellen ohne Zeilen ausgelassen):');
  const listed = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([table, n]) => `${table} ${n}`);
  for (let i = 0; i < listed.length; i += 5) console.log(`     ${listed.slice(i, i + 5).join(', ')}`);
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

/**
 * What a workshop in use has besides its content, added in bulk to each copy `1..count` of `tenant` (ids
 * as cloneTenants makes them): `chats` conversations spread over the last 180 days with six messages each
 * (visitor and answer, three turns), a lead with its consent for every fifth conversation, and an
 * appointment with its consent for every tenth, for the copy's first workshop and service. One INSERT … SELECT
 * per table for all copies.
 */
async function addActivity(database: string, tenant: string, count: number, chats: number) {
  const leads = Math.floor(chats / 5);
  const appointments = Math.floor(chats / 10);
  await withPg(async (db) => {
    await db.query('BEGIN');
    await db.query(
      `CREATE TEMP TABLE bench_copies ON COMMIT DROP AS
         SELECT DISTINCT ON (t.id) t.id AS tenant, w.id AS workshop,
           (SELECT s.id FROM services s WHERE s.tenant = t.id ORDER BY s.id LIMIT 1) AS service
         FROM generate_series(1, $2::int) n
         JOIN tenants t ON t.id = md5($1::text || '-' || n)::uuid
         JOIN workshops w ON w.tenant = t.id
         ORDER BY t.id, w.id`,
      [tenant, count],
    );
    // Ids derived from tenant and number, so leads and appointments can name their conversation and consent.
    const id = (kind: string, n: string) => `md5(b.tenant::text || '-${kind}-' || ${n})::uuid`;
    await db.query(
      `INSERT INTO conversations (id, tenant, workshop, status, language, origin, visitor_hash, notice_version,
         message_count, tokens_in, tokens_out, cost_eur, date_created, last_message_at)
       SELECT ${id('c', 'c')}, b.tenant, b.workshop,
         (ARRAY['answered', 'closed', 'open', 'handoff'])[1 + c % 4], 'de', 'https://www.werkstatt.example',
         md5('visitor-' || b.tenant || c), '2026-11', 6, 2400, 310, 0.00055,
         now() - c * interval '180 days' / $1::int, now() - c * interval '180 days' / $1::int + interval '4 minutes'
       FROM bench_copies b, generate_series(1, $1::int) c`,
      [chats],
    );
    await db.query(
      `INSERT INTO messages (id, tenant, conversation, role, content, fallback, model, latency_ms, tokens_in,
         tokens_out, cost_eur, date_created)
       SELECT ${id('m', "c || '-' || m")}, b.tenant, ${id('c', 'c')},
         CASE WHEN m % 2 = 1 THEN 'visitor' ELSE 'assistant' END,
         CASE WHEN m % 2 = 1
           THEN (ARRAY['Was kostet ein Ölwechsel bei meinem Golf?', 'Haben Sie am Samstag geöffnet?',
                       'Können Sie mir einen Termin für die Inspektion geben?'])[1 + m / 2]
           ELSE 'Gern! Der Ölwechsel kostet bei uns ab 89 € inklusive Öl und Filter. Samstags haben wir von 9 bis 13 Uhr geöffnet. Möchten Sie einen Termin vereinbaren? Ich gebe Ihre Anfrage gern an die Werkstatt weiter.'
         END,
         false, CASE WHEN m % 2 = 0 THEN 'gpt-4o-mini' END, CASE WHEN m % 2 = 0 THEN 900 END,
         CASE WHEN m % 2 = 0 THEN 800 ELSE 0 END, CASE WHEN m % 2 = 0 THEN 100 ELSE 0 END,
         CASE WHEN m % 2 = 0 THEN 0.00018 ELSE 0 END,
         now() - c * interval '180 days' / $1::int + m * interval '30 seconds'
       FROM bench_copies b, generate_series(1, $1::int) c, generate_series(1, 6) m`,
      [chats],
    );
    await db.query(
      `INSERT INTO consents (id, tenant, workshop, conversation, purpose, policy_version, granted, ip_hash, text_shown, date_created)
       SELECT ${id('k', 'l')}, b.tenant, b.workshop, ${id('c', 'l * 5')}, 'lead_contact', '2026-11', true,
         md5('ip-' || b.tenant || l), 'Ich bin einverstanden, dass die Werkstatt mich zu meiner Anfrage kontaktiert.',
         now() - l * 5 * interval '180 days' / $2::int
       FROM bench_copies b, generate_series(1, $1::int) l`,
      [leads, chats],
    );
    await db.query(
      `INSERT INTO leads (id, tenant, workshop, conversation, consent, name, email, phone, car, wish, source, status, date_created)
       SELECT ${id('l', 'l')}, b.tenant, b.workshop, ${id('c', 'l * 5')}, ${id('k', 'l')}, 'Erika Muster ' || l,
         'kundin' || l || '@example.com', '0171 1234' || lpad(l::text, 3, '0'), 'VW Golf 7', 'Ölwechsel und Inspektion',
         'chat', (ARRAY['new', 'contacted', 'won', 'lost'])[1 + l % 4], now() - l * 5 * interval '180 days' / $2::int
       FROM bench_copies b, generate_series(1, $1::int) l`,
      [leads, chats],
    );
    await db.query(
      `INSERT INTO consents (id, tenant, workshop, purpose, policy_version, granted, ip_hash, date_created)
       SELECT ${id('ka', 'a')}, b.tenant, b.workshop, 'appointment', '2026-11-booking', true, md5('ip-a-' || b.tenant || a),
         now() - a * interval '1 day'
       FROM bench_copies b, generate_series(1, $1::int) a`,
      [appointments],
    );
    await db.query(
      `INSERT INTO appointments (id, tenant, workshop, service, consent, start, "end", status, source, language,
         customer_name, customer_email, customer_phone, car, licence_plate, date_created)
       SELECT ${id('a', 'a')}, b.tenant, b.workshop, b.service, ${id('ka', 'a')},
         date_trunc('day', now()) + a * interval '1 day' + interval '8 hours',
         date_trunc('day', now()) + a * interval '1 day' + interval '9 hours',
         (ARRAY['requested', 'confirmed'])[1 + a % 2], 'widget', 'de', 'Max Muster ' || a, 'kunde' || a || '@example.com',
         '0171 7654' || lpad(a::text, 3, '0'), 'Opel Astra', 'K-MM ' || a, now() - a * interval '1 day'
       FROM bench_copies b, generate_series(1, $1::int) a`,
      [appointments],
    );
    await db.query('COMMIT');
  }, database);
  return {
    perTenant: `${chats} Unterhaltungen mit ${chats * 6} Nachrichten, ${leads} Leads, ${appointments} Termine, ${leads + appointments} Einwilligungen`,
  };
}

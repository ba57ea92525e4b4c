/**
 * `npm run bench:chat [-- --postgres]`: the chat server's own overhead. A real Directus with a workshop
 * of 500 FAQ entries and 5,000 vehicles, a local OpenAI-compatible server answering instantly, and 20
 * concurrent conversations asking realistic questions. Reports time-to-first-byte of the streamed
 * answer minus the LLM's own time (goal p95 ≤ 30 ms), and retrieval latency alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createItem, createItems } from '@directus/sdk';
import pg from 'pg';
import { search } from '../extensions/carbot/src/shared/search.ts';
import { startOpenAi } from '../tests/support/edges/openai.ts';
import { directusEnv } from './lib/config.ts';
import { databaseFromEnv } from './lib/migrate.ts';
import { bootstrapDirectus, prepareDirectus, startDirectus } from './lib/platform.ts';
import { stop } from './lib/processes.ts';
import { seedBase } from './lib/seed.ts';

const usePostgres = process.argv.includes('--postgres');
const CONVERSATIONS = 20;
const QUESTIONS = 6;
const QUESTION_POOL = [
  'Was kostet ein Ölwechsel bei euch?',
  'Habt ihr einen BMW 3er Diesel unter 30.000 Euro?',
  'Wann habt ihr am Samstag geöffnet?',
  'Bekomme ich einen Ersatzwagen während der Inspektion?',
  'Ich suche einen Elektro-SUV mit wenig Kilometern',
  'Macht ihr auch HU und AU?',
  'Wie lange dauert ein Reifenwechsel?',
  'Gibt es einen VW Golf Automatik?',
];

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

const llm = await startOpenAi();
const dataDir = mkdtempSync(join(tmpdir(), 'carbot-bench-'));
const database = `carbot_bench_${Date.now()}`;
const base: NodeJS.ProcessEnv = {
  ...process.env,
  ...llm.env,
  LOG_LEVEL: 'error',
  CARBOT_RATE_LIMIT_KEY: '100000',
  CARBOT_RATE_LIMIT_VISITOR: '100000',
};
if (usePostgres) {
  const admin = new pg.Client({ host: '127.0.0.1', user: 'postgres', database: 'test' });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  Object.assign(base, {
    DB_CLIENT: 'pg',
    DB_HOST: '127.0.0.1',
    DB_PORT: '5432',
    DB_USER: 'postgres',
    DB_DATABASE: database,
  });
} else {
  base.DB_CLIENT = 'sqlite3';
  delete base.DB_FILENAME;
}
const env = directusEnv({ port: await freePort(), dataDir, base });
console.log(`Datenbank: ${usePostgres ? 'PostgreSQL' : 'SQLite'}`);
await bootstrapDirectus(env);
const directus = startDirectus(env, true);
const url = env.PUBLIC_URL as string;

try {
  const client = await prepareDirectus(env, () => undefined);
  await seedBase(client, () => undefined);
  const tenant = (await client.request(
    createItem('tenants', { name: 'Benchmark GmbH', plan: 'enterprise', subscription_status: 'active' }),
  )) as { id: string };
  const workshop = (await client.request(
    createItem('workshops', {
      tenant: tenant.id,
      name: 'Benchmark Autohaus',
      slug: 'benchmark',
      status: 'published',
      phone: '+49 30 1234',
      opening_hours: { mo: [['08:00', '18:00']], sa: [['09:00', '13:00']] },
    }),
  )) as { id: string };

  const started = Date.now();
  const topics = [
    'Ersatzwagen',
    'Inspektion',
    'Reifen',
    'Garantie',
    'Bezahlung',
    'Termin',
    'HU',
    'Klima',
    'Bremsen',
    'Öl',
  ];
  const faqs = Array.from({ length: 500 }, (_, i) => ({
    workshop: workshop.id,
    status: 'published',
    translations: [
      {
        languages_code: 'de',
        question: `Frage ${i}: Wie ist das mit ${topics[i % topics.length]} Variante ${i}?`,
        answer: `Antwort ${i}: Zu ${topics[i % topics.length]} beraten wir Sie gern persönlich. Details Nummer ${i}.`,
      },
    ],
  }));
  for (let i = 0; i < faqs.length; i += 100) await client.request(createItems('faqs', faqs.slice(i, i + 100)));
  const makes = [
    ['BMW', '3er', 'diesel'],
    ['VW', 'Golf', 'petrol'],
    ['Audi', 'A4', 'diesel'],
    ['Tesla', 'Model Y', 'electric'],
    ['Skoda', 'Octavia', 'petrol'],
    ['Hyundai', 'Kona', 'electric'],
    ['Mercedes-Benz', 'C-Klasse', 'hybrid'],
    ['Opel', 'Astra', 'petrol'],
  ] as const;
  const vehicles = Array.from({ length: 5000 }, (_, i) => {
    const [make, model, fuel] = makes[i % makes.length] as (typeof makes)[number];
    return {
      workshop: workshop.id,
      status: 'available',
      external_id: `B-${i}`,
      make,
      model,
      fuel,
      year: 2015 + (i % 10),
      mileage_km: 5000 + ((i * 7919) % 150_000),
      price: 8000 + ((i * 104_729) % 40_000),
    };
  });
  for (let i = 0; i < vehicles.length; i += 250)
    await client.request(createItems('vehicles', vehicles.slice(i, i + 250)));

  const db = databaseFromEnv(env);
  for (;;) {
    const row = await db('carbot_search').where('workshop', workshop.id).count({ n: '*' }).first();
    if (Number(row?.n) >= 5500) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  console.log(
    `Daten: 500 FAQ, 5.000 Fahrzeuge, Suchindex aufgebaut in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );

  // Retrieval alone, on the same database the server uses.
  const retrieval: number[] = [];
  for (let i = 0; i < 300; i += 1) {
    const t0 = performance.now();
    await search(db, workshop.id, QUESTION_POOL[i % QUESTION_POOL.length] as string, 'de');
    retrieval.push(performance.now() - t0);
  }
  await db.destroy();

  const key = (await client.request(
    createItem('client_keys', { workshop: workshop.id, name: 'Bench', allowed_origins: ['https://bench.example'] }),
  )) as { key: string };
  const headers = { 'x-carbot-key': key.key, origin: 'https://bench.example', 'content-type': 'application/json' };

  // The LLM's own time to first byte, measured the same way against the stand-in directly.
  const llmTimes: number[] = [];
  for (let i = 0; i < 100; i += 1) {
    const t0 = performance.now();
    const res = await fetch(`${llm.urls.openai}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer test-openai-key', 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'gpt-4o-mini',
        stream: true,
        messages: [{ role: 'user', content: 'x'.repeat(2000) }],
      }),
    });
    const reader = res.body?.getReader();
    await reader?.read();
    llmTimes.push(performance.now() - t0);
    await reader?.cancel();
  }
  const llmP50 = pct(llmTimes, 50);

  const ttfb: number[] = [];
  const total: number[] = [];
  const conversation = async (n: number) => {
    const created = await fetch(`${url}/widget/conversations`, { method: 'POST', headers, body: '{}' });
    const { data } = (await created.json()) as { data: { id: string; session: string } };
    for (let q = 0; q < QUESTIONS; q += 1) {
      const t0 = performance.now();
      const res = await fetch(`${url}/widget/conversations/${data.id}/messages`, {
        method: 'POST',
        headers: { ...headers, 'x-carbot-session': data.session },
        body: JSON.stringify({ text: QUESTION_POOL[(n + q) % QUESTION_POOL.length] }),
      });
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      let first = true;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (first && value && new TextDecoder().decode(value).includes('event: delta')) {
          ttfb.push(performance.now() - t0);
          first = false;
        }
      }
      total.push(performance.now() - t0);
    }
  };
  // Warm-up, then the measured run.
  await conversation(0);
  ttfb.length = 0;
  total.length = 0;
  const wall = performance.now();
  await Promise.all(Array.from({ length: CONVERSATIONS }, (_, n) => conversation(n)));
  const seconds = (performance.now() - wall) / 1000;

  const overhead = ttfb.map((t) => t - llmP50);
  console.log(
    `Retrieval allein (${retrieval.length} Suchen): p50 ${ms(pct(retrieval, 50))}, p95 ${ms(pct(retrieval, 95))}`,
  );
  console.log(`LLM-Stand-in, eigene Zeit bis zum ersten Byte: p50 ${ms(llmP50)}`);
  console.log(
    `Chat, ${CONVERSATIONS} gleichzeitige Gespräche × ${QUESTIONS} Fragen (${ttfb.length} Antworten in ${seconds.toFixed(1)} s):`,
  );
  console.log(`  Zeit bis zum ersten Byte: p50 ${ms(pct(ttfb, 50))}, p95 ${ms(pct(ttfb, 95))}`);
  console.log(
    `  Overhead (abzgl. LLM):    p50 ${ms(pct(overhead, 50))}, p95 ${ms(pct(overhead, 95))}  (Ziel p95 ≤ 30 ms) ${pct(overhead, 95) <= 30 ? '✔' : '✖'}`,
  );
  console.log(`  Gesamte Antwort:          p50 ${ms(pct(total, 50))}, p95 ${ms(pct(total, 95))}`);
} finally {
  await stop(directus);
  await llm.close();
  rmSync(dataDir, { recursive: true, force: true });
  if (usePostgres) {
    const admin = new pg.Client({ host: '127.0.0.1', user: 'postgres', database: 'test' });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
}

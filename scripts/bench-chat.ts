/**
 * `npm run bench:chat [-- --postgres]`: the chat server's own overhead. A real Directus with a workshop
 * of 500 FAQ entries and 5,000 vehicles, a local OpenAI-compatible server answering instantly, and 20
 * concurrent conversations asking realistic questions, each visitor reading and typing 1–4 s between
 * questions (BENCH_THINK_MS). Reports time-to-first-byte of the streamed answer minus the LLM's own time
 * (goal p95 ≤ 30 ms) with the server's own breakdown, the same conversations without any pause
 * (saturation: what one process sustains), and retrieval latency alone.
 * Then answer quality: a German-only workshop asked the multilingual question set of
 * tests/support/chat-quality.ts in retrieval-only mode (goal ≥ 90 % right, 0 invented prices).
 * BENCH_CONVERSATIONS, BENCH_QUESTIONS change the load; BENCH_PROFILE=file.cpuprofile records a CPU profile
 * of Directus during the measured phase.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createItem, createItems } from '@directus/sdk';
import pg from 'pg';
import { BODY_HINTS, matchVehicles, type StockRow, toStock } from '../core/src/chat/vehicle-match.ts';
import { parseVehicleQuery, type VehicleQuery } from '../core/src/chat/vehicle-query.ts';
import { search } from '../extensions/carbot/src/shared/search.ts';
import { createQualityWorkshop, FAQS, runQuestionSet, SERVICES, summary } from '../tests/support/chat-quality.ts';
import { startOpenAi } from '../tests/support/edges/openai.ts';
import { directusEnv } from './lib/config.ts';
import { databaseFromEnv } from './lib/migrate.ts';
import { bootstrapDirectus, prepareDirectus, startDirectus } from './lib/platform.ts';
import { BUILDS, buildIfStale, stop } from './lib/processes.ts';
import { startProfile } from './lib/profile.ts';
import { seedBase } from './lib/seed.ts';

const usePostgres = process.argv.includes('--postgres');
const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 20);
const QUESTIONS = Number(process.env.BENCH_QUESTIONS ?? 6);
// Seconds a visitor takes to read an answer and type the next question; real visitors take far longer.
const THINK = (process.env.BENCH_THINK_MS ?? '1000-4000').split('-').map(Number) as [number, number];
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
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ms = (n: number) => `${n.toFixed(1)} ms`;
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

// The endpoint under test is the extension bundle: measure the current source, never a stale build.
await buildIfStale(BUILDS.extensions);
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
// BENCH_PROFILE=file.cpuprofile: a CPU profile of Directus during the measured chat phase.
const profileFile = process.env.BENCH_PROFILE;
const inspectPort = profileFile ? await freePort() : 0;
if (profileFile) base.NODE_OPTIONS = `--inspect=127.0.0.1:${inspectPort}`;
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
  const indexDeadline = Date.now() + 120_000;
  for (;;) {
    const row = await db('carbot_search').where('workshop', workshop.id).count({ n: '*' }).first();
    if (Number(row?.n) >= 5500) break;
    if (Date.now() > indexDeadline) throw new Error(`Suchindex unvollständig (${row?.n ?? 0} von 5.500 Einträgen).`);
    await new Promise((r) => setTimeout(r, 250));
  }
  console.log(
    `Daten: 500 FAQ, 5.000 Fahrzeuge, Suchindex aufgebaut in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );

  // Retrieval alone, on the same database the server uses.
  const retrieval: number[] = [];
  const perQuestion = new Map<string, number[]>();
  for (let i = 0; i < 300; i += 1) {
    const question = QUESTION_POOL[i % QUESTION_POOL.length] as string;
    const t0 = performance.now();
    await search(db, workshop.id, question, 'de');
    const took = performance.now() - t0;
    retrieval.push(took);
    perQuestion.set(question, [...(perQuestion.get(question) ?? []), took]);
  }
  // The vehicle part alone, against its baseline in the same run: the query the search ran before the stock
  // was matched in memory (lower()/LIKE over every car of the workshop per question, in the database).
  const sqlVehicles = (wanted: VehicleQuery, withModel: boolean) => {
    const q = db('vehicles')
      .select('vehicles.*')
      .join('workshops', 'workshops.id', 'vehicles.workshop')
      .where('workshops.status', 'published')
      .where('vehicles.workshop', workshop.id)
      .whereIn('vehicles.status', ['available', 'reserved']);
    if (wanted.make) q.whereRaw(`lower(vehicles.make) in (${wanted.make.map(() => '?').join(', ')})`, wanted.make);
    if (withModel && wanted.model) {
      const model = wanted.model.toLowerCase();
      q.where((w) =>
        w
          .whereRaw('lower(vehicles.model) like ?', [`${model}%`])
          .orWhereRaw('lower(vehicles.model) like ?', [`% ${model}%`]),
      );
    }
    if (wanted.fuel) q.whereIn('vehicles.fuel', wanted.fuel);
    if (wanted.transmission) q.where('vehicles.transmission', wanted.transmission);
    if (wanted.body) {
      const name = `(' ' || lower(vehicles.model || ' ' || coalesce(vehicles.variant, '')) || ' ')`;
      q.where((w) => {
        for (const hint of BODY_HINTS[wanted.body as keyof typeof BODY_HINTS])
          w.orWhereRaw(`${name} like ?`, [`% ${hint}%`]);
      });
    }
    for (const [column, range] of [
      ['price', wanted.price],
      ['mileage_km', wanted.mileage],
      ['year', wanted.year],
    ] as const) {
      if (range?.min !== undefined) q.where(`vehicles.${column}`, '>=', range.min);
      if (range?.max !== undefined) q.where(`vehicles.${column}`, '<=', range.max);
    }
    return q.orderBy('vehicles.price', wanted.price?.max !== undefined ? 'desc' : 'asc').limit(3);
  };
  const vehicleQuestions = QUESTION_POOL.map(parseVehicleQuery).filter((w) => w.about);
  const stock = toStock(
    (await db('vehicles').where('workshop', workshop.id).whereIn('status', ['available', 'reserved'])) as StockRow[],
  );
  const vehicleTimes = { sql: [] as number[], memory: [] as number[] };
  for (let i = 0; i < 200; i += 1) {
    const wanted = vehicleQuestions[i % vehicleQuestions.length] as VehicleQuery;
    let t0 = performance.now();
    if ((await sqlVehicles(wanted, true)).length === 0 && wanted.model) await sqlVehicles(wanted, false);
    vehicleTimes.sql.push(performance.now() - t0);
    t0 = performance.now();
    matchVehicles(stock, wanted);
    vehicleTimes.memory.push(performance.now() - t0);
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

  type Run = { ttfb: number[]; total: number[]; phases: Record<string, number[]>; seconds: number };
  /**
   * `conversations` visitors chat at the same time, each asking QUESTIONS questions in turn. `think` is
   * the pause between an answer and the visitor's next question (reading, typing), drawn uniformly.
   */
  const load = async (conversations: number, think: [number, number]): Promise<Run> => {
    const run: Run = { ttfb: [], total: [], phases: {}, seconds: 0 };
    const conversation = async (n: number) => {
      const created = await fetch(`${url}/widget/conversations`, { method: 'POST', headers, body: '{}' });
      const { data } = (await created.json()) as { data: { id: string; session: string } };
      // Visitors do not all arrive in the same millisecond.
      await sleep(Math.random() * think[1]);
      for (let q = 0; q < QUESTIONS; q += 1) {
        const t0 = performance.now();
        const res = await fetch(`${url}/widget/conversations/${data.id}/messages`, {
          method: 'POST',
          headers: { ...headers, 'x-carbot-session': data.session },
          body: JSON.stringify({ text: QUESTION_POOL[(n + q) % QUESTION_POOL.length] }),
        });
        // The server's own breakdown (Server-Timing): key/session checks and retrieval before the LLM call.
        for (const part of (res.headers.get('server-timing') ?? '').split(',')) {
          const [name, dur] = part.trim().split(';dur=');
          if (name && dur) run.phases[name] = [...(run.phases[name] ?? []), Number(dur)];
        }
        const reader = (res.body as ReadableStream<Uint8Array>).getReader();
        let first = true;
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          if (first && value && new TextDecoder().decode(value).includes('event: delta')) {
            run.ttfb.push(performance.now() - t0);
            first = false;
          }
        }
        run.total.push(performance.now() - t0);
        if (q < QUESTIONS - 1) await sleep(think[0] + Math.random() * (think[1] - think[0]));
      }
    };
    const wall = performance.now();
    await Promise.all(Array.from({ length: conversations }, (_, n) => conversation(n)));
    run.seconds = (performance.now() - wall) / 1000;
    return run;
  };
  const report = (title: string, run: Run, goal: boolean) => {
    const overhead = run.ttfb.map((t) => t - llmP50);
    console.log(
      `${title} (${run.ttfb.length} Antworten in ${run.seconds.toFixed(1)} s, ${(run.ttfb.length / run.seconds).toFixed(1)}/s):`,
    );
    console.log(`  Zeit bis zum ersten Byte: p50 ${ms(pct(run.ttfb, 50))}, p95 ${ms(pct(run.ttfb, 95))}`);
    const verdict = goal ? `  (Ziel p95 ≤ 30 ms) ${pct(overhead, 95) <= 30 ? '✔' : '✖'}` : '';
    console.log(`  Overhead (abzgl. LLM):    p50 ${ms(pct(overhead, 50))}, p95 ${ms(pct(overhead, 95))}${verdict}`);
    for (const [name, values] of Object.entries(run.phases)) {
      const label = `davon Server „${name}“:`;
      console.log(`  ${label.padEnd(25)} p50 ${ms(pct(values, 50))}, p95 ${ms(pct(values, 95))}`);
    }
    console.log(`  Gesamte Antwort:          p50 ${ms(pct(run.total, 50))}, p95 ${ms(pct(run.total, 95))}`);
  };

  // Warm-up, then the measured runs.
  await load(1, [0, 0]);
  const profiler = profileFile ? await startProfile(inspectPort) : null;
  const chatting = await load(CONVERSATIONS, THINK);
  const saturated = await load(CONVERSATIONS, [0, 0]);
  await profiler?.stop(profileFile as string);

  // Answer quality in retrieval-only mode: the model fails, so every answer comes from the data.
  await fetch(`${llm.urls.openai}/__control`, { method: 'POST', body: JSON.stringify({ mode: 'error' }) });
  const qualityOrigin = 'https://quality.example';
  const quality = await createQualityWorkshop(
    async (path, body) =>
      (await client.request(createItem(path.replace('/items/', '') as never, body as never))) as never,
    qualityOrigin,
  );
  const qdb = databaseFromEnv(env);
  const qualityDeadline = Date.now() + 60_000;
  for (;;) {
    const row = await qdb('carbot_search').where('workshop', quality.workshop).count({ n: '*' }).first();
    if (Number(row?.n) >= 1 + SERVICES.length + FAQS.length) break;
    if (Date.now() > qualityDeadline) throw new Error('Suchindex der Qualitäts-Werkstatt unvollständig.');
    await sleep(250);
  }
  await qdb.destroy();
  const scored = await runQuestionSet(url, quality.keys, qualityOrigin);
  const figures = summary(scored);

  console.log(
    `Retrieval allein (${retrieval.length} Suchen): p50 ${ms(pct(retrieval, 50))}, p95 ${ms(pct(retrieval, 95))}`,
  );
  console.log(
    `  davon Fahrzeugsuche (${vehicleTimes.sql.length}×): bisher in der Datenbank p50 ${ms(pct(vehicleTimes.sql, 50))}, p95 ${ms(pct(vehicleTimes.sql, 95))}; jetzt im Speicher p50 ${ms(pct(vehicleTimes.memory, 50))}, p95 ${ms(pct(vehicleTimes.memory, 95))}`,
  );
  // Which questions cost the time: the slowest explain a p95.
  for (const [question, times] of perQuestion)
    console.log(`  ${question.padEnd(52)} p50 ${ms(pct(times, 50))}, p95 ${ms(pct(times, 95))}`);
  console.log(`LLM-Stand-in, eigene Zeit bis zum ersten Byte: p50 ${ms(llmP50)}`);
  report(
    `Chat, ${CONVERSATIONS} gleichzeitige Gespräche × ${QUESTIONS} Fragen, ${THINK[0] / 1000}–${THINK[1] / 1000} s Lese-/Tippzeit zwischen den Fragen`,
    chatting,
    true,
  );
  report(
    `Sättigung: dieselben ${CONVERSATIONS} Gespräche ohne jede Pause (Kapazität eines Prozesses)`,
    saturated,
    false,
  );
  const languages = Object.entries(figures.perLanguage)
    .map(([l, v]) => `${l} ${v}`)
    .join(', ');
  console.log(
    `Antwortqualität ohne KI (deutschsprachige Werkstatt, ${figures.total} Fragen de/en/tr/pl): ${figures.right}/${figures.total} richtig = ${(figures.share * 100).toFixed(0)} % (Ziel ≥ 90 %) ${figures.share >= 0.9 ? '✔' : '✖'}; ${languages}`,
  );
  console.log(`Erfundene Preise: ${figures.invented} (Ziel 0) ${figures.invented === 0 ? '✔' : '✖'}`);
  if (process.env.BENCH_VERBOSE)
    for (const r of scored.filter((x) => !x.right))
      console.log(`  ✖ [${r.question.language}] ${r.question.text}\n    ${r.answer.replace(/\n/g, '\n    ')}`);
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

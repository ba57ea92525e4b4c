/**
 * Starts one real Directus for the integration suite — SQLite in a temporary folder, or a throwaway
 * PostgreSQL database when CARBOT_TEST_DB=postgres — with the real schema, permissions, extensions and
 * demo data, exactly as `npm start` prepares it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { directusEnv } from '../../scripts/lib/config.ts';
import { bootstrapDirectus, prepareDirectus, startDirectus } from '../../scripts/lib/platform.ts';
import { stop } from '../../scripts/lib/processes.ts';
import { seedBase, seedDemo } from '../../scripts/lib/seed.ts';
import { EDGES } from './edges/index.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    directusUrl: string;
    adminToken: string;
    sitesToken: string;
    database: string;
    /** The SQLite file, or the PostgreSQL database's name: for tests that inspect the stored bytes. */
    databaseTarget: string;
    edgeUrls: Record<string, string>;
    /** The test Directus's environment, for tests that start a second instance on the same database. */
    directusEnv: Record<string, string>;
  }
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const PG = {
  host: process.env.PGHOST ?? '127.0.0.1',
  port: Number(process.env.PGPORT ?? 5432),
  user: process.env.PGUSER ?? 'postgres',
};

async function withPg(work: (client: pg.Client) => Promise<void>) {
  const client = new pg.Client({ ...PG, database: process.env.PGDATABASE ?? 'test' });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'carbot-test-'));
  const port = await freePort();
  const usePostgres = process.env.CARBOT_TEST_DB === 'postgres';
  const database = `carbot_test_${process.pid}_${Date.now()}`;
  const base: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'error',
    // Directus sheds load with 503 when its event loop lags; on a test machine running several suites at
    // once that turns a slow answer into a failed assertion about our own code. Production keeps it on.
    PRESSURE_LIMITER_ENABLED: 'false',
    // The hourly removal of unconfirmed registrations runs every two seconds, so a test can watch it.
    CARBOT_SIGNUP_CLEANUP_SCHEDULE: '*/2 * * * * *',
    // Appointment reminders are looked for every half second, so a test can wait for one.
    CARBOT_REMINDER_INTERVAL_MS: '500',
  };
  if (usePostgres) {
    await withPg((c) => c.query(`CREATE DATABASE ${database}`).then(() => undefined));
    Object.assign(base, {
      DB_CLIENT: 'pg',
      DB_HOST: PG.host,
      DB_PORT: String(PG.port),
      DB_USER: PG.user,
      DB_DATABASE: database,
    });
  } else {
    Object.assign(base, { DB_CLIENT: 'sqlite3' });
    delete base.DB_FILENAME;
  }
  const edges = await Promise.all(EDGES.map((start) => start()));
  for (const edge of edges) Object.assign(base, edge.env);
  const env = directusEnv({ port, dataDir, base });
  const started = Date.now();
  await bootstrapDirectus(env);
  const directus = startDirectus(env, true);
  const quiet = () => undefined;
  try {
    const client = await prepareDirectus(env, quiet);
    await seedBase(client, quiet);
    await seedDemo(client, quiet);
  } catch (error) {
    // vitest runs no teardown when setup fails: stop what we started, or it outlives the run.
    await stop(directus);
    await Promise.all(edges.map((edge) => edge.close()));
    throw error;
  }
  console.log(
    `Directus (${usePostgres ? `PostgreSQL ${database}` : 'SQLite'}) bereit nach ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );

  project.provide('directusUrl', env.PUBLIC_URL as string);
  project.provide('adminToken', env.CARBOT_AUTOMATION_TOKEN as string);
  project.provide('sitesToken', env.CARBOT_SITES_TOKEN as string);
  project.provide('database', usePostgres ? 'postgres' : 'sqlite');
  project.provide('databaseTarget', usePostgres ? database : String(env.DB_FILENAME));
  project.provide('edgeUrls', Object.assign({}, ...edges.map((e) => e.urls)));
  project.provide(
    'directusEnv',
    Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string')),
  );

  return async () => {
    await stop(directus);
    await Promise.all(edges.map((edge) => edge.close()));
    rmSync(dataDir, { recursive: true, force: true });
    if (usePostgres)
      await withPg((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).then(() => undefined));
  };
}

/**
 * The cluster the `cluster` suite runs against, started once per run from the product's own scripts:
 * a throwaway database on this machine's PostgreSQL, a Redis database of this machine's Redis, two
 * Directus instances on one database with one SECRET, and two site servers — Redis carries Directus's
 * synchronization and bus, CarBot's rate limits, page purges and cache invalidations. No balancer: tests
 * address each instance directly, as a balancer would alternate between them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { directusEnv } from '../../scripts/lib/config.ts';
import { waitForDirectus } from '../../scripts/lib/directus-client.ts';
import { bootstrapDirectus, prepareDirectus, startDirectus } from '../../scripts/lib/platform.ts';
import { stop } from '../../scripts/lib/processes.ts';
import { seedBase, seedDemo } from '../../scripts/lib/seed.ts';
import { sitesEnv, startSitesServer, waitForSites } from '../../scripts/lib/sites.ts';
import { EDGES } from './edges/index.ts';

export type ClusterInfo = {
  directus: [string, string];
  sites: [string, string];
  /** Process ids, for the tests that kill an instance. */
  pids: { directus: [number, number]; sites: [number, number] };
  /** Environment of a site server (without PORT and DIRECTUS_URL), to start more of them. */
  sitesEnv: Record<string, string>;
  redis: string;
  database: string;
};

declare module 'vitest' {
  export interface ProvidedContext {
    cluster: ClusterInfo;
    adminToken: string;
    sitesToken: string;
    edgeUrls: Record<string, string>;
  }
}

export const freePort = () =>
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

async function withPg(work: (client: pg.Client) => Promise<unknown>) {
  const client = new pg.Client({ ...PG, database: process.env.PGDATABASE ?? 'test' });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/** A Redis database of its own (CARBOT_TEST_REDIS, default database 13), emptied first. */
async function freshRedis(url: string) {
  const { Redis } = await import('ioredis');
  const client = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
  await client.connect();
  await client.flushdb();
  client.disconnect();
}

const strings = (env: NodeJS.ProcessEnv) =>
  Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'));

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'carbot-cluster-'));
  const database = `carbot_cluster_${process.pid}_${Date.now()}`;
  const redis = process.env.CARBOT_TEST_REDIS ?? 'redis://127.0.0.1:6379/13';
  await freshRedis(redis);
  await withPg((c) => c.query(`CREATE DATABASE ${database}`));
  // The site-server edge names a fixed list of site servers to purge; the cluster purges through Redis.
  const edges = await Promise.all(EDGES.map((start) => start()));
  const base: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'error',
    PRESSURE_LIMITER_ENABLED: 'false',
    DB_CLIENT: 'pg',
    DB_HOST: PG.host,
    DB_PORT: String(PG.port),
    DB_USER: PG.user,
    DB_DATABASE: database,
    REDIS: redis,
    // As behind the balancer: the client address comes from X-Forwarded-For, so tests act as many visitors.
    IP_TRUST_PROXY: 'true',
    // Small limits, so that proving them global takes few requests.
    CARBOT_RATE_LIMIT_KEY: '60',
    CARBOT_RATE_LIMIT_VISITOR: '10',
    CARBOT_SIGNUP_RATE_LIMIT: '6/900',
    // Every lead's notification counts in the mail test, none is held back by the per-address cap.
    CARBOT_LEAD_MAIL_LIMIT: '100000/3600',
    CARBOT_OUTBOX_INTERVAL_MS: '500',
    // Long enough that only the bus can explain an instance seeing the other's AI spend.
    CARBOT_AI_SPEND_TTL_MS: '3600000',
    SERVER_SHUTDOWN_TIMEOUT: '2000',
  };
  for (const edge of edges) Object.assign(base, edge.env);
  delete base.CARBOT_SITES_URLS;
  delete base.SITES_PORT;
  const [d1, d2, s1, s2] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const env1 = directusEnv({ port: d1, dataDir, base });
  const env2 = { ...env1, PORT: String(d2), PUBLIC_URL: `http://127.0.0.1:${d2}` };
  const started = Date.now();
  const children: ReturnType<typeof startDirectus>[] = [];
  const teardown = async () => {
    await Promise.all(children.map((child) => stop(child)));
    await Promise.all(edges.map((edge) => edge.close()));
    rmSync(dataDir, { recursive: true, force: true });
    await withPg((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  };
  try {
    await bootstrapDirectus(env1);
    children.push(startDirectus(env1, true));
    const client = await prepareDirectus(env1, () => undefined);
    await seedBase(client, () => undefined);
    await seedDemo(client, () => undefined);
    children.push(startDirectus(env2, true));
    await waitForDirectus(env2.PUBLIC_URL);
    const sites = sitesEnv(env1);
    const site1 = { ...sites, PORT: String(s1), DIRECTUS_URL: env1.PUBLIC_URL };
    const site2 = { ...sites, PORT: String(s2), DIRECTUS_URL: env2.PUBLIC_URL };
    children.push(startSitesServer(site1, { quiet: true }), startSitesServer(site2, { quiet: true }));
    await Promise.all([waitForSites(site1), waitForSites(site2)]);
  } catch (error) {
    await teardown();
    throw error;
  }
  console.log(
    `Cluster (PostgreSQL ${database}, Redis, 2× Directus, 2× Site-Server) bereit nach ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  const { PORT: _port, DIRECTUS_URL: _url, ...sitesRest } = sitesEnv(env1);
  const pid = (i: number) => children[i]?.pid as number;
  project.provide('cluster', {
    directus: [env1.PUBLIC_URL as string, env2.PUBLIC_URL],
    sites: [`http://127.0.0.1:${s1}`, `http://127.0.0.1:${s2}`],
    pids: { directus: [pid(0), pid(1)], sites: [pid(2), pid(3)] },
    sitesEnv: strings(sitesRest),
    redis,
    database,
  });
  project.provide('adminToken', env1.CARBOT_AUTOMATION_TOKEN as string);
  project.provide('sitesToken', env1.CARBOT_SITES_TOKEN as string);
  project.provide('edgeUrls', Object.assign({}, ...edges.map((e) => e.urls)));
  return teardown;
}

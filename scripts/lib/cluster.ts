/**
 * CarBot as a cluster on this machine, from the same scripts as `npm start`: a throwaway database on the
 * local PostgreSQL, one Redis database, two Directus instances on that database with one SECRET, and two
 * site servers (the first reads through the first Directus, the second through the second). Redis carries
 * Directus's synchronization and bus, CarBot's rate limits, page purges and cache invalidations. Used by
 * the cluster test suite (tests/support/cluster-setup.ts) and `npm run bench:cluster`.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { directusEnv } from './config.ts';
import { waitForDirectus } from './directus-client.ts';
import { bootstrapDirectus, prepareDirectus, startDirectus } from './platform.ts';
import { stop } from './processes.ts';
import { seedBase, seedDemo } from './seed.ts';
import { sitesEnv, startSitesServer, waitForSites } from './sites.ts';

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

export const PG = {
  host: process.env.PGHOST ?? '127.0.0.1',
  port: Number(process.env.PGPORT ?? 5432),
  user: process.env.PGUSER ?? 'postgres',
};

export async function withPg<T>(work: (client: pg.Client) => Promise<T>, database = process.env.PGDATABASE ?? 'test') {
  const client = new pg.Client({ ...PG, database });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Empties one Redis database: limiter counts of an earlier run would count against this one. */
async function flushRedis(url: string) {
  const { Redis } = await import('ioredis');
  const client = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
  await client.connect();
  await client.flushdb();
  client.disconnect();
}

export type Cluster = {
  database: string;
  redis: string;
  directus: string[];
  sites: string[];
  directusEnv: NodeJS.ProcessEnv;
  /** A site server's environment without PORT and DIRECTUS_URL, to start more of them. */
  sitesEnv: NodeJS.ProcessEnv;
  children: { directus: ChildProcess[]; sites: ChildProcess[] };
  stop(): Promise<void>;
};

/**
 * Starts `directus` Directus instances and `sites` site servers (at least one of each). `env` is laid
 * over the environment (test edges, limits). The first instance bootstraps, applies schema and access
 * and seeds the demo data; the others start on the prepared database.
 */
export async function startCluster(options: {
  redis: string;
  env?: NodeJS.ProcessEnv;
  directus?: number;
  sites?: number;
  prefix?: string;
}): Promise<Cluster> {
  const dataDir = mkdtempSync(join(tmpdir(), 'carbot-cluster-'));
  const database = `${options.prefix ?? 'carbot_cluster'}_${process.pid}_${Date.now()}`;
  await flushRedis(options.redis);
  await withPg((c) => c.query(`CREATE DATABASE ${database}`));
  const base: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'error',
    PRESSURE_LIMITER_ENABLED: 'false',
    ...options.env,
    DB_CLIENT: 'pg',
    DB_HOST: PG.host,
    DB_PORT: String(PG.port),
    DB_USER: PG.user,
    DB_DATABASE: database,
    REDIS: options.redis,
  };
  const directusPorts = await Promise.all(Array.from({ length: options.directus ?? 2 }, freePort));
  const sitesPorts = await Promise.all(Array.from({ length: options.sites ?? 2 }, freePort));
  const first = directusEnv({ port: directusPorts[0], dataDir, base });
  const envs = directusPorts.map((port) => ({ ...first, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` }));
  const children = { directus: [] as ChildProcess[], sites: [] as ChildProcess[] };
  const stopAll = async () => {
    await Promise.all([...children.sites, ...children.directus].map((child) => stop(child)));
    rmSync(dataDir, { recursive: true, force: true });
    await withPg((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  };
  const { PORT: _port, DIRECTUS_URL: _url, ...sitesRest } = sitesEnv(first);
  try {
    await bootstrapDirectus(first);
    children.directus.push(startDirectus(envs[0] as NodeJS.ProcessEnv, true));
    const client = await prepareDirectus(envs[0] as NodeJS.ProcessEnv, () => undefined);
    await seedBase(client, () => undefined);
    await seedDemo(client, () => undefined);
    for (const env of envs.slice(1)) children.directus.push(startDirectus(env, true));
    await Promise.all(envs.slice(1).map((env) => waitForDirectus(env.PUBLIC_URL)));
    const sites = sitesPorts.map((port, i) => ({
      ...sitesRest,
      PORT: String(port),
      DIRECTUS_URL: envs[i % envs.length]?.PUBLIC_URL,
    }));
    for (const env of sites) children.sites.push(startSitesServer(env, { quiet: true }));
    await Promise.all(sites.map((env) => waitForSites(env)));
  } catch (error) {
    await stopAll();
    throw error;
  }
  return {
    database,
    redis: options.redis,
    directus: envs.map((env) => env.PUBLIC_URL),
    sites: sitesPorts.map((port) => `http://127.0.0.1:${port}`),
    directusEnv: first,
    sitesEnv: sitesRest,
    children,
    stop: stopAll,
  };
}

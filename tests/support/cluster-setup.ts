/**
 * The cluster the `cluster` suite runs against, started once per run (scripts/lib/cluster.ts): a
 * throwaway database on this machine's PostgreSQL, a Redis database of this machine's Redis, two Directus
 * instances on one database with one SECRET, and two site servers. No balancer: tests address each
 * instance directly, alternating as a balancer would.
 */
import type { TestProject } from 'vitest/node';
import { startCluster } from '../../scripts/lib/cluster.ts';
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

const strings = (env: NodeJS.ProcessEnv) =>
  Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'));

export default async function setup(project: TestProject) {
  const edges = await Promise.all(EDGES.map((start) => start()));
  const env: NodeJS.ProcessEnv = {
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
  for (const edge of edges) Object.assign(env, edge.env);
  // The site-server edge names a fixed list of site servers to purge; the cluster purges through Redis.
  delete env.CARBOT_SITES_URLS;
  delete env.SITES_PORT;
  const started = Date.now();
  let cluster: Awaited<ReturnType<typeof startCluster>>;
  try {
    cluster = await startCluster({ redis: process.env.CARBOT_TEST_REDIS ?? 'redis://127.0.0.1:6379/13', env });
  } catch (error) {
    await Promise.all(edges.map((edge) => edge.close()));
    throw error;
  }
  console.log(
    `Cluster (PostgreSQL ${cluster.database}, Redis, 2× Directus, 2× Site-Server) bereit nach ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  const pid = (child: { pid?: number } | undefined) => child?.pid as number;
  project.provide('cluster', {
    directus: cluster.directus as [string, string],
    sites: cluster.sites as [string, string],
    pids: {
      directus: [pid(cluster.children.directus[0]), pid(cluster.children.directus[1])],
      sites: [pid(cluster.children.sites[0]), pid(cluster.children.sites[1])],
    },
    sitesEnv: strings(cluster.sitesEnv),
    redis: cluster.redis,
    database: cluster.database,
  });
  project.provide('adminToken', cluster.directusEnv.CARBOT_AUTOMATION_TOKEN as string);
  project.provide('sitesToken', cluster.directusEnv.CARBOT_SITES_TOKEN as string);
  project.provide('edgeUrls', Object.assign({}, ...edges.map((e) => e.urls)));
  return async () => {
    await cluster.stop();
    await Promise.all(edges.map((edge) => edge.close()));
  };
}

import { directusUrl } from './config.ts';
import { startServer } from './processes.ts';

/**
 * Environment of the site server. It gets only what it needs — in particular the Sites token, never an
 * admin token or Directus's secret — so a bug there cannot leak leads or drafts.
 */
export function sitesEnv(directus: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const pass = [
    'PATH',
    'HOME',
    'NODE_ENV',
    'TZ',
    'SITES_TRUST_PROXY',
    'CARBOT_ANALYTICS',
    'CARBOT_ANALYTICS_FLUSH_MS',
  ] as const;
  const env: NodeJS.ProcessEnv = {};
  for (const name of pass) if (process.env[name] !== undefined) env[name] = process.env[name];
  return {
    ...env,
    HOST: directus.SITES_HOST ?? '127.0.0.1',
    PORT: directus.SITES_PORT ?? '4321',
    SITES_DOMAIN: directus.SITES_DOMAIN ?? 'localhost',
    DIRECTUS_URL: directus.DIRECTUS_URL ?? directusUrl({ DIRECTUS_PORT: directus.PORT }),
    SITES_TOKEN: directus.SITES_TOKEN ?? directus.CARBOT_SITES_TOKEN,
    // What browsers use to reach the widget API (the site server itself may use an internal address).
    PUBLIC_DIRECTUS_URL: directus.PUBLIC_DIRECTUS_URL ?? directus.PUBLIC_URL ?? directus.DIRECTUS_URL,
    CARBOT_PURGE_SECRET: directus.CARBOT_PURGE_SECRET,
    // With Redis, purges arrive on the bus (sites/server.ts) instead of as calls to a list of servers.
    ...(directus.REDIS ? { REDIS: directus.REDIS } : {}),
    // Which language model answers in the chat (never its key): the privacy notice names the processor.
    ...(directus.OPENAI_API_KEY
      ? { CARBOT_LLM_ENDPOINT: directus.OPENAI_BASE_URL ?? 'https://api.openai.com/v1' }
      : {}),
    ...(directus.CARBOT_LLM_PROCESSOR ? { CARBOT_LLM_PROCESSOR: directus.CARBOT_LLM_PROCESSOR } : {}),
  };
}

/** Waits until the site server answers its liveness check (which renders no page, so caches nothing). */
export async function waitForSites(env: NodeJS.ProcessEnv, timeoutMs = 60_000) {
  const url = `http://${env.HOST}:${env.PORT}/_carbot/health/live`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Site-Server unter ${url} antwortet nicht.`);
}

/**
 * Starts the built site server (`npm run build -w sites` first): our small Node server in front of Astro,
 * which answers cached pages and build files itself (see sites/server.ts).
 */
export function startSitesServer(env: NodeJS.ProcessEnv, options: { quiet?: boolean } = {}) {
  return startServer('sites', 'node', ['sites/server.ts'], { env, ...options });
}

import type { Redis } from 'ioredis';

type Logger = { warn(obj: unknown, msg?: string): void };

/** The first of the named variables that holds a Redis URL (Directus's own names: `REDIS`, `RATE_LIMITER_REDIS`, …). */
export function redisUrl(env: Record<string, unknown>, ...names: string[]): string | null {
  for (const name of names) {
    const value = env[name];
    if (typeof value === 'string' && value !== '') return value;
  }
  return null;
}

/**
 * One connection per URL and use for the whole extension bundle (every hook and endpoint shares this
 * module): commands for limiters and publishing, a separate one for subscriptions, which Redis
 * dedicates to listening. Reconnects are retried forever; one warning a minute is enough to notice.
 */
const connections = new Map<string, Promise<Redis>>();

export function redisConnection(url: string, use: 'commands' | 'subscriber', logger: Logger): Promise<Redis> {
  const id = `${use}:${url}`;
  let connection = connections.get(id);
  if (!connection) {
    connection = import('ioredis').then(({ Redis }) => {
      // Commands fail fast while Redis is away (callers fall back); a subscriber waits and resubscribes.
      const client =
        use === 'commands'
          ? new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
          : new Redis(url, { maxRetriesPerRequest: null });
      let warned = 0;
      client.on('error', (error: unknown) => {
        if (Date.now() - warned < 60_000) return;
        warned = Date.now();
        logger.warn(error, `Redis (${url.replace(/\/\/[^@/]*@/, '//')}) nicht erreichbar.`);
      });
      return client;
    });
    connections.set(id, connection);
  }
  return connection;
}

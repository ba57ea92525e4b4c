import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';

type Logger = { warn(obj: unknown, msg?: string): void };
type Rate = { limit: number; windowSeconds: number };

/**
 * Limiters shared by all Directus instances when Redis is configured (`RATE_LIMITER_REDIS`, else `REDIS`,
 * the variables Directus itself uses), in memory otherwise. While Redis is unreachable each instance
 * counts in memory (insurance limiter) instead of refusing or waving through every login.
 */
export function limiterFactory(env: Record<string, unknown>, logger: Logger) {
  const url = [env.RATE_LIMITER_REDIS, env.REDIS].find((v): v is string => typeof v === 'string' && v !== '');
  let client: Promise<unknown> | null = null;
  const redis = () => {
    if (!url) return null;
    client ??= import('ioredis').then(({ Redis }) => {
      const c = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
      let warned = 0;
      c.on('error', (error: unknown) => {
        // Reconnects are retried forever; one line a minute is enough to notice.
        if (Date.now() - warned > 60_000) {
          warned = Date.now();
          logger.warn(error, 'Redis für die Anmelde-Drosselung nicht erreichbar; zähle vorübergehend im Speicher.');
        }
      });
      return c;
    });
    return client;
  };

  return async (name: string, rate: Rate): Promise<RateLimiterAbstract> => {
    const options = { keyPrefix: `carbot-${name}`, points: rate.limit, duration: rate.windowSeconds };
    const memory = new RateLimiterMemory(options);
    const store = redis();
    if (!store) return memory;
    return new RateLimiterRedis({ ...options, storeClient: await store, insuranceLimiter: memory });
  };
}

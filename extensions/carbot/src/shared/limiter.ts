import { createHmac } from 'node:crypto';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { redisConnection, redisUrl } from './redis.js';

type Logger = { warn(obj: unknown, msg?: string): void };
export type Rate = { limit: number; windowSeconds: number };
export type Decision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Every rate limit of CarBot (logins, chat per key and visitor, booking, registration, contact form)
 * comes from here: shared by all Directus instances through Redis when it is configured
 * (`RATE_LIMITER_REDIS`, else `REDIS`, the variables Directus itself uses), in memory on the embedded
 * default. While Redis is unreachable each instance counts in memory (insurance limiter) instead of
 * refusing or waving through every request.
 */
export function limiterFactory(env: Record<string, unknown>, logger: Logger) {
  const url = redisUrl(env, 'RATE_LIMITER_REDIS', 'REDIS');
  return async (name: string, rate: Rate): Promise<RateLimiterAbstract> => {
    const options = { keyPrefix: `carbot-${name}`, points: rate.limit, duration: rate.windowSeconds };
    const memory = new RateLimiterMemory(options);
    if (!url) return memory;
    const storeClient = await redisConnection(url, 'commands', logger);
    return new RateLimiterRedis({ ...options, storeClient, insuranceLimiter: memory });
  };
}

/** A key that keeps no raw address or e-mail in the store. */
export const hashedKey = (secret: string, raw: string) => createHmac('sha256', secret).update(raw).digest('base64url');

const retryAfter = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/** Takes `points` from `key`'s budget. A store failure that even the insurance could not catch lets the request through. */
export async function take(limiter: RateLimiterAbstract, key: string, points = 1): Promise<Decision> {
  try {
    await limiter.consume(key, points);
    return { allowed: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: retryAfter(rejection) };
    return { allowed: true };
  }
}

/** Seconds until `key` may act again, without counting an attempt (0 = it may). */
export async function waitOf(limiter: RateLimiterAbstract, key: string): Promise<number> {
  try {
    const res = await limiter.get(key);
    return res && res.consumedPoints >= limiter.points ? retryAfter(res) : 0;
  } catch {
    return 0;
  }
}

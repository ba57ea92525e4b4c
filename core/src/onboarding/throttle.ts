import { createHmac } from 'node:crypto';

/**
 * A small sliding-window limiter kept in memory. It protects the public registration endpoint from
 * bots in one process; with several Directus instances each counts on its own, which only loosens
 * the limit by the number of instances. Keys are hashed so no raw IP address is kept.
 */
export class Throttle {
  private readonly hits = new Map<string, number[]>();
  readonly limit: number;
  readonly windowMs: number;
  private readonly salt: string;

  constructor(limit: number, windowMs: number, salt = '') {
    this.limit = limit;
    this.windowMs = windowMs;
    this.salt = salt;
  }

  private keyOf(raw: string) {
    return createHmac('sha256', this.salt).update(raw).digest('base64url');
  }

  /** Counts one attempt; returns 0 when allowed, else the seconds until the next attempt is allowed. */
  hit(raw: string, now: number = Date.now()): number {
    const key = this.keyOf(raw);
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      const oldest = recent[0] ?? now;
      return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.sweep(now);
    return 0;
  }

  /** Seconds until `raw` may act again, without counting an attempt (0 = it may). */
  peek(raw: string, now: number = Date.now()): number {
    const recent = (this.hits.get(this.keyOf(raw)) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length < this.limit) return 0;
    return Math.max(1, Math.ceil(((recent[0] ?? now) + this.windowMs - now) / 1000));
  }

  private sweep(now: number) {
    for (const [key, times] of this.hits) {
      if (times.every((t) => now - t >= this.windowMs)) this.hits.delete(key);
    }
  }
}

/** Parses "5/600" (5 attempts per 600 seconds); falls back when unset or invalid. */
export function parseRate(value: unknown, fallback: { limit: number; windowSeconds: number }) {
  const match = typeof value === 'string' ? /^\s*(\d{1,6})\s*\/\s*(\d{1,7})\s*$/.exec(value) : null;
  if (!match) return fallback;
  const limit = Number(match[1]);
  const windowSeconds = Number(match[2]);
  return limit > 0 && windowSeconds > 0 ? { limit, windowSeconds } : fallback;
}

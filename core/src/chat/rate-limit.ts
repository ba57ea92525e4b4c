/**
 * Token buckets per key (a client key, a visitor hash). In memory per process: several Directus
 * instances each enforce their own share, which bounds abuse without a shared store.
 */
export type Bucket = { tokens: number; updated: number };
export type Limit = { capacity: number; refillPerSecond: number };
export type Decision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #limit: Limit;
  readonly #maxKeys: number;

  constructor(limit: Limit, maxKeys = 100_000) {
    this.#limit = limit;
    this.#maxKeys = maxKeys;
  }

  take(key: string, now = Date.now()): Decision {
    const { capacity, refillPerSecond } = this.#limit;
    const bucket = this.#buckets.get(key) ?? { tokens: capacity, updated: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.updated) / 1000) * refillPerSecond);
    bucket.updated = now;
    if (!this.#buckets.has(key) && this.#buckets.size >= this.#maxKeys) this.#evictOldest();
    this.#buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerSecond)) };
  }

  #evictOldest() {
    const first = this.#buckets.keys().next();
    if (!first.done) this.#buckets.delete(first.value);
  }
}

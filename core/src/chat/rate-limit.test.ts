import { expect, test } from 'vitest';
import { RateLimiter } from './rate-limit.ts';

test('a burst up to capacity passes, then callers wait for the refill', () => {
  const limiter = new RateLimiter({ capacity: 3, refillPerSecond: 0.5 });
  const t0 = 1_000_000;
  expect([1, 2, 3].map(() => limiter.take('k', t0).allowed)).toEqual([true, true, true]);
  expect(limiter.take('k', t0)).toEqual({ allowed: false, retryAfterSeconds: 2 });
  expect(limiter.take('k', t0 + 2000).allowed).toBe(true);
  expect(limiter.take('other', t0).allowed).toBe(true);
});

test('memory stays bounded', () => {
  const limiter = new RateLimiter({ capacity: 1, refillPerSecond: 1 }, 2);
  limiter.take('a', 0);
  limiter.take('b', 0);
  limiter.take('c', 0);
  // "a" was evicted and starts with a full bucket again
  expect(limiter.take('a', 0).allowed).toBe(true);
});

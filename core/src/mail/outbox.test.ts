import { expect, test } from 'vitest';
import { retryDelayMs } from './outbox.ts';

test.each([
  [1, 30_000],
  [2, 60_000],
  [3, 120_000],
  [8, 3_600_000],
  [30, 3_600_000],
])('after %i failed attempts the next try waits %i ms', (attempts, delay) => {
  expect(retryDelayMs(attempts)).toBe(delay);
});

test('the base is configurable (tests and impatient operators)', () => {
  expect(retryDelayMs(1, 500)).toBe(500);
  expect(retryDelayMs(3, 500)).toBe(2000);
});

import { expect, test } from 'vitest';
import { parseRate, Throttle } from './throttle.ts';

test('allows `limit` attempts per window, then says how long to wait', () => {
  const t = new Throttle(3, 60_000, 'salt');
  expect([t.hit('ip', 0), t.hit('ip', 1000), t.hit('ip', 2000)]).toEqual([0, 0, 0]);
  expect(t.hit('ip', 3000)).toBe(57);
  expect(t.hit('other', 3000)).toBe(0);
  expect(t.hit('ip', 60_001)).toBe(0);
});

test('peek tells the wait without counting', () => {
  const t = new Throttle(1, 10_000);
  expect(t.peek('all', 0)).toBe(0);
  expect(t.peek('all', 0)).toBe(0);
  t.hit('all', 0);
  expect(t.peek('all', 4000)).toBe(6);
  expect(t.peek('all', 10_000)).toBe(0);
});

test.each([
  ['5/600', { limit: 5, windowSeconds: 600 }],
  [' 10 / 60 ', { limit: 10, windowSeconds: 60 }],
  ['0/60', { limit: 3, windowSeconds: 9 }],
  ['viele', { limit: 3, windowSeconds: 9 }],
  [undefined, { limit: 3, windowSeconds: 9 }],
])('parseRate(%j)', (value, expected) => {
  expect(parseRate(value, { limit: 3, windowSeconds: 9 })).toEqual(expected);
});

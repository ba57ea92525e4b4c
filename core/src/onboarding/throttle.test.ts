import { expect, test } from 'vitest';
import { parseRate } from './throttle.ts';

test.each([
  ['5/600', { limit: 5, windowSeconds: 600 }],
  [' 10 / 60 ', { limit: 10, windowSeconds: 60 }],
  ['0/60', { limit: 3, windowSeconds: 9 }],
  ['viele', { limit: 3, windowSeconds: 9 }],
  [undefined, { limit: 3, windowSeconds: 9 }],
])('parseRate(%j)', (value, expected) => {
  expect(parseRate(value, { limit: 3, windowSeconds: 9 })).toEqual(expected);
});

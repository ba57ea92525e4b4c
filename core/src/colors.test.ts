import { expect, test } from 'vitest';
import { hexColor } from './colors.ts';

test.each([
  ['#1F6FEB', '#1F6FEB'],
  ['#abc', '#abc'],
  ['#1f6feb80', '#1f6feb80'],
  ['red', null],
  ['#1F6FEB;background:url(https://x.example/)', null],
  ['', null],
  [null, null],
  [undefined, null],
])('%s → %s', (value, expected) => {
  expect(hexColor(value)).toBe(expected);
});

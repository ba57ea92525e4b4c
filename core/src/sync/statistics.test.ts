import { describe, expect, test } from 'vitest';
import { statisticsStale } from './statistics.ts';

describe('statisticsStale', () => {
  test.each([
    ['the first import of 5,000 vehicles', { before: 0, created: 5000, removed: 0 }, true],
    ['the first import of 100 vehicles', { before: 0, created: 100, removed: 0 }, true],
    ['the first import of 99 vehicles', { before: 0, created: 99, removed: 0 }, false],
    ['an ordinary day: 1 % new, 1 % sold of 10,000', { before: 10_000, created: 100, removed: 100 }, false],
    ['a fifth of the stock replaced', { before: 1000, created: 100, removed: 100 }, true],
    ['a confirmed mass removal', { before: 2000, created: 0, removed: 1500 }, true],
    ['an unchanged replay', { before: 10_000, created: 0, removed: 0 }, false],
  ])('%s', (_name, input, stale) => {
    expect(statisticsStale(input)).toBe(stale);
  });
});

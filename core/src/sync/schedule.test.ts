import { describe, expect, test } from 'vitest';
import { intervalMs, isDue } from './schedule.ts';

const now = new Date('2026-11-29T12:00:00Z');
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe('isDue', () => {
  test.each([
    ['never ran', null, '1h', true],
    ['59 min ago, hourly', ago(59), '1h', false],
    ['60 min ago, hourly', ago(60), '1h', true],
    ['14 min ago, every 15 min', ago(14), '15m', false],
    ['15 min ago, every 15 min', ago(15), '15m', true],
    ['23 h ago, daily', ago(23 * 60), '24h', false],
    ['unknown schedule falls back to hourly', ago(61), '*/5 * * * *', true],
    ['empty schedule falls back to hourly', ago(30), null, false],
    ['invalid date', new Date('x'), '1h', true],
  ])('%s', (_name, last, schedule, due) => {
    expect(isDue(last, schedule, now)).toBe(due);
  });

  test('intervals', () => {
    expect(intervalMs('15m')).toBe(900_000);
    expect(intervalMs('24h')).toBe(86_400_000);
  });
});

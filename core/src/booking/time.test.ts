import { describe, expect, test } from 'vitest';
import { berlinDay, berlinInstant, berlinOffset, berlinWall, isoBerlin, parseInstant } from './time.ts';

describe('Berlin wall time around the clock changes', () => {
  test.each([
    // date, minute, expected instant (null: the wall time does not exist)
    ['2027-03-26', 8 * 60, '2027-03-26T07:00:00.000Z'],
    ['2027-03-28', 90, '2027-03-28T00:30:00.000Z'],
    ['2027-03-28', 120, null],
    ['2027-03-28', 150, null],
    ['2027-03-28', 180, '2027-03-28T01:00:00.000Z'],
    ['2027-03-29', 8 * 60, '2027-03-29T06:00:00.000Z'],
    // Autumn: 02:30 happens twice; the first (summer time) is meant.
    ['2027-10-31', 150, '2027-10-31T00:30:00.000Z'],
    ['2027-10-31', 180, '2027-10-31T02:00:00.000Z'],
    ['2027-11-01', 8 * 60, '2027-11-01T07:00:00.000Z'],
    ['2026-03-29', 120, null],
    ['2026-10-25', 8 * 60, '2026-10-25T07:00:00.000Z'],
  ])('%s minute %i → %s', (date, minute, expected) => {
    expect(berlinInstant(date, minute)?.toISOString() ?? null).toBe(expected);
  });

  test.each([
    ['2027-03-28T00:59:00Z', 60],
    ['2027-03-28T01:00:00Z', 120],
    ['2027-10-31T00:59:00Z', 120],
    ['2027-10-31T01:00:00Z', 60],
  ])('offset at %s is %i minutes', (at, offset) => {
    expect(berlinOffset(new Date(at))).toBe(offset);
  });

  test.each([
    ['2027-03-29T06:00:00Z', '2027-03-29T08:00:00+02:00'],
    ['2027-03-26T07:00:00Z', '2027-03-26T08:00:00+01:00'],
    ['2027-10-31T00:30:00Z', '2027-10-31T02:30:00+02:00'],
    ['2027-10-31T01:30:00Z', '2027-10-31T02:30:00+01:00'],
    ['2027-12-31T23:30:00Z', '2028-01-01T00:30:00+01:00'],
  ])('%s is %s in Berlin', (at, iso) => {
    expect(isoBerlin(new Date(at))).toBe(iso);
  });

  test('wall time of an instant', () => {
    expect(berlinWall(new Date('2027-03-28T22:30:00Z'))).toEqual({ date: '2027-03-29', minute: 30 });
  });

  test.each([
    ['2027-03-29T08:00:00+02:00', '2027-03-29T06:00:00.000Z'],
    ['2027-03-29T06:00:00Z', '2027-03-29T06:00:00.000Z'],
    ['2027-03-29T08:00:00', null],
    ['2027-03-29', null],
    ['morgen', null],
    [42, null],
    ['2027-02-30T08:00:00+01:00', null],
    ['2027-03-29T23:30:00-01:00', '2027-03-30T00:30:00.000Z'],
  ])('parseInstant(%j) → %s', (value, expected) => {
    expect(parseInstant(value)?.toISOString() ?? null).toBe(expected);
  });
});

test.each([['2027-03-28'], ['2027-03-29'], ['2027-10-31'], ['2027-06-15'], ['2027-12-31']])(
  'berlinDay(%s) agrees with berlinInstant for every minute',
  (date) => {
    const at = berlinDay(date);
    for (let minute = 0; minute < 1440; minute += 5) {
      expect(at(minute)?.getTime() ?? null, `${date} ${minute}`).toBe(berlinInstant(date, minute)?.getTime() ?? null);
    }
  },
);

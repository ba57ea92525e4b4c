import { describe, expect, test } from 'vitest';
import type { OpeningHours } from '../sites/hours.ts';
import { publicHolidays } from './holidays.ts';
import { alternatives, type BookingSettings, type Busy, checkSlot, freeSlots, peakLoad } from './slots.ts';
import { isoBerlin } from './time.ts';

const WEEKDAYS: OpeningHours = {
  mo: [
    ['08:00', '12:00'],
    ['13:00', '17:00'],
  ],
  tu: [['08:00', '17:00']],
  we: [['08:00', '17:00']],
  th: [['08:00', '17:00']],
  fr: [['08:00', '14:00']],
  sa: [['09:00', '12:00']],
  su: [],
};
const SETTINGS: BookingSettings = { capacity: 1, horizonDays: 60, leadMinutes: 0, stepMinutes: 60, state: null };
const HOUR = { durationMinutes: 60, bufferMinutes: 0 };
// A Wednesday night, long before the dates asked for.
const NOW = new Date('2027-03-03T00:00:00Z');

const starts = (slots: { start: Date }[]) => slots.map((s) => isoBerlin(s.start).slice(0, 16));
const busy = (from: string, to: string, bays = 1): Busy => ({ start: new Date(from), end: new Date(to), bays });

describe('free slots', () => {
  test('opening intervals on the step grid; the service must end before the interval closes', () => {
    const slots = freeSlots({
      hours: WEEKDAYS,
      settings: SETTINGS,
      service: { durationMinutes: 90, bufferMinutes: 0 },
      busy: [],
      now: NOW,
      from: '2027-03-08',
      to: '2027-03-08',
    });
    expect(starts(slots)).toEqual([
      '2027-03-08T08:00',
      '2027-03-08T09:00',
      '2027-03-08T10:00',
      '2027-03-08T13:00',
      '2027-03-08T14:00',
      '2027-03-08T15:00',
    ]);
    expect(isoBerlin(slots[0]?.end as Date)).toBe('2027-03-08T09:30:00+01:00');
  });

  test.each([
    // The last Sunday of March and of October: the same local times before and after the change.
    ['2027-03-27', ['2027-03-27T09:00+01:00', '2027-03-27T10:00+01:00', '2027-03-27T11:00+01:00']],
    ['2027-03-29', ['2027-03-29T08:00+02:00', '2027-03-29T09:00+02:00']],
    ['2027-10-30', ['2027-10-30T09:00+02:00', '2027-10-30T10:00+02:00', '2027-10-30T11:00+02:00']],
    ['2027-11-01', ['2027-11-01T08:00+01:00', '2027-11-01T09:00+01:00']],
    ['2026-03-30', ['2026-03-30T08:00+02:00', '2026-03-30T09:00+02:00']],
    ['2026-10-26', ['2026-10-26T08:00+01:00', '2026-10-26T09:00+01:00']],
  ])('%s around a clock change keeps local times', (date, expected) => {
    const slots = freeSlots({
      hours: WEEKDAYS,
      settings: { ...SETTINGS, horizonDays: 800 },
      service: HOUR,
      busy: [],
      now: new Date('2026-03-01T00:00:00Z'),
      from: date,
      to: date,
    });
    const iso = slots.map((s) => isoBerlin(s.start).replace(':00+', '+'));
    expect(iso.slice(0, expected.length)).toEqual(expected);
  });

  test.each([
    // A night shift on the changeover Sundays: 02:00 does not exist in March and happens once (summer) in October.
    ['2027-03-28', ['01:00+01:00', '03:00+02:00', '04:00+02:00']],
    ['2027-10-31', ['01:00+02:00', '02:00+02:00', '03:00+01:00', '04:00+01:00']],
  ])('night hours on %s', (date, expected) => {
    const slots = freeSlots({
      hours: { su: [['01:00', '05:00']] },
      settings: { ...SETTINGS, horizonDays: 366 },
      service: HOUR,
      busy: [],
      now: new Date('2027-01-01T00:00:00Z'),
      from: date,
      to: date,
    });
    expect(slots.map((s) => isoBerlin(s.start).slice(11).replace(':00+', '+'))).toEqual(expected);
  });

  test('an hour-long service across the autumn change lasts an hour', () => {
    const [first] = freeSlots({
      hours: { su: [['02:00', '05:00']] },
      settings: { ...SETTINGS, horizonDays: 366 },
      service: HOUR,
      busy: [],
      now: new Date('2027-01-01T00:00:00Z'),
      from: '2027-10-31',
      to: '2027-10-31',
    });
    expect(first && (first.end.getTime() - first.start.getTime()) / 60_000).toBe(60);
    expect(first && isoBerlin(first.end)).toBe('2027-10-31T02:00:00+01:00');
  });

  const on = (date: string, over: Partial<BookingSettings> = {}, extra: { busy?: Busy[]; hours?: OpeningHours } = {}) =>
    starts(
      freeSlots({
        hours: extra.hours ?? WEEKDAYS,
        settings: { ...SETTINGS, ...over },
        service: HOUR,
        busy: extra.busy ?? [],
        now: NOW,
        from: date,
        to: date,
      }),
    );

  test.each([
    // 6 January is a public holiday in Bayern, not in Nordrhein-Westfalen.
    ['BY', '2027-01-06', false],
    ['NW', '2027-01-06', true],
    // Fronleichnam 2027 (27 May): Bayern and NRW, not Berlin.
    ['NW', '2027-05-27', false],
    ['BE', '2027-05-27', true],
    // Frauentag (8 March) only in Berlin and Mecklenburg-Vorpommern.
    ['BE', '2027-03-08', false],
    ['HH', '2027-03-08', true],
    // Buß- und Bettag only in Sachsen.
    ['SN', '2027-11-17', false],
    ['TH', '2027-11-17', true],
    // Reformationstag in the north and east, Allerheiligen in the south-west.
    ['NI', '2027-10-31', false],
    ['BW', '2027-10-31', true],
    ['BW', '2027-11-01', false],
    [null, '2027-11-01', true],
  ])('public holidays of %s on %s: open %s', (state, date, open) => {
    const slots = freeSlots({
      hours: { ...WEEKDAYS, su: [['08:00', '17:00']] },
      settings: { ...SETTINGS, state, horizonDays: 366 },
      service: HOUR,
      busy: [],
      now: new Date('2027-01-01T00:00:00Z'),
      from: date,
      to: date,
    });
    expect(slots.length > 0).toBe(open);
  });

  test('holidays come from the library, including moving feasts', () => {
    const by = publicHolidays('BY', 2027);
    expect(by.has('2027-03-26')).toBe(true); // Karfreitag
    expect(by.has('2027-03-29')).toBe(true); // Ostermontag
    expect(by.has('2027-05-06')).toBe(true); // Christi Himmelfahrt
    expect(by.has('2027-12-24')).toBe(false); // Heiligabend is no public holiday
    expect(publicHolidays('XX', 2027).size).toBe(0);
  });

  test('own closing days', () => {
    const hours = { ...WEEKDAYS, closures: [{ from: '2027-03-09', to: '2027-03-10' }] };
    expect(on('2027-03-09', {}, { hours })).toEqual([]);
    expect(on('2027-03-10', {}, { hours })).toEqual([]);
    expect(on('2027-03-11', {}, { hours })).toHaveLength(9);
  });

  test.each([
    // now + lead time: the earliest start
    [60, '2027-03-03T08:30:00+01:00', '2027-03-03T10:00'],
    [0, '2027-03-03T08:00:00+01:00', '2027-03-03T08:00'],
    [24 * 60, '2027-03-03T08:30:00+01:00', '2027-03-04T09:00'],
  ])('lead time %i minutes at %s: first slot %s', (lead, now, first) => {
    const slots = freeSlots({
      hours: WEEKDAYS,
      settings: { ...SETTINGS, leadMinutes: lead },
      service: HOUR,
      busy: [],
      now: new Date(now),
      from: '2027-03-01',
      to: '2027-03-10',
    });
    expect(starts(slots)[0]).toBe(first);
  });

  test('nothing beyond the horizon', () => {
    const slots = freeSlots({
      hours: WEEKDAYS,
      settings: { ...SETTINGS, horizonDays: 7 },
      service: HOUR,
      busy: [],
      now: NOW,
      from: '2027-03-01',
      to: '2027-04-30',
    });
    expect(starts(slots).at(-1)).toBe('2027-03-10T16:00');
  });

  test.each([
    // capacity, busy, slots at 08:00..10:00 on Tuesday 9 March
    [1, [], ['08:00', '09:00', '10:00']],
    [1, [busy('2027-03-09T07:00:00Z', '2027-03-09T08:00:00Z')], ['09:00', '10:00']],
    [2, [busy('2027-03-09T07:00:00Z', '2027-03-09T08:00:00Z')], ['08:00', '09:00', '10:00']],
    [
      2,
      [busy('2027-03-09T07:00:00Z', '2027-03-09T08:00:00Z'), busy('2027-03-09T07:30:00Z', '2027-03-09T08:30:00Z')],
      ['09:00', '10:00'],
    ],
    // Two appointments that do not overlap each other take one bay at a time.
    [
      2,
      [busy('2027-03-09T07:00:00Z', '2027-03-09T07:30:00Z'), busy('2027-03-09T07:30:00Z', '2027-03-09T08:00:00Z')],
      ['08:00', '09:00', '10:00'],
    ],
    // A blocked time taking both lifts.
    [2, [busy('2027-03-09T08:00:00Z', '2027-03-09T09:00:00Z', 2)], ['08:00', '10:00']],
    [0, [], []],
  ])('capacity %i with %j', (capacity, taken, expected) => {
    const slots = on('2027-03-09', { capacity }, { busy: taken as Busy[] }).filter((s) => s <= '2027-03-09T10:00');
    expect(slots.map((s) => s.slice(11))).toEqual(expected);
  });

  test('the buffer after a service keeps the bay busy', () => {
    const next = busy('2027-03-09T08:15:00Z', '2027-03-09T09:00:00Z');
    const slots = (bufferMinutes: number) =>
      starts(
        freeSlots({
          hours: WEEKDAYS,
          settings: SETTINGS,
          service: { durationMinutes: 60, bufferMinutes },
          busy: [next],
          now: NOW,
          from: '2027-03-09',
          to: '2027-03-09',
        }),
      ).slice(0, 2);
    expect(slots(0)).toEqual(['2027-03-09T08:00', '2027-03-09T10:00']);
    expect(slots(30)).toEqual(['2027-03-09T10:00', '2027-03-09T11:00']);
  });

  test.each([
    ['2027-03-09T09:00:00+01:00', 'ok'],
    ['2027-03-09T09:30:00+01:00', 'not_offered'],
    ['2027-03-09T08:00:00+01:00', 'taken'],
    ['2027-03-14T09:00:00+01:00', 'not_offered'],
    ['2027-03-09T16:30:00+01:00', 'not_offered'],
    ['2027-06-09T09:00:00+02:00', 'not_offered'],
  ])('checkSlot(%s) → %s', (start, expected) => {
    const result = checkSlot(
      {
        hours: WEEKDAYS,
        settings: SETTINGS,
        service: HOUR,
        busy: [busy('2027-03-09T07:00:00Z', '2027-03-09T08:00:00Z')],
        now: NOW,
      },
      new Date(start),
    );
    expect(result.ok ? 'ok' : result.reason).toBe(expected);
  });

  test('alternatives are the next free starts', () => {
    const q = {
      hours: WEEKDAYS,
      settings: SETTINGS,
      service: HOUR,
      busy: [busy('2027-03-09T07:00:00Z', '2027-03-09T09:00:00Z')],
      now: NOW,
    };
    expect(starts(alternatives(q, new Date('2027-03-09T08:00:00+01:00')))).toEqual([
      '2027-03-09T10:00',
      '2027-03-09T11:00',
      '2027-03-09T12:00',
    ]);
  });

  test.each([
    [
      [
        busy('2027-03-09T07:00:00Z', '2027-03-09T08:00:00Z', 1),
        busy('2027-03-09T07:30:00Z', '2027-03-09T09:00:00Z', 2),
      ],
      3,
    ],
    [[busy('2027-03-09T05:00:00Z', '2027-03-09T06:00:00Z')], 0],
    [[busy('2027-03-09T06:00:00Z', '2027-03-09T07:00:00Z')], 0],
    [[busy('2027-03-09T06:00:00Z', '2027-03-09T07:01:00Z')], 1],
  ])('peak load %#', (list, peak) => {
    expect(peakLoad(list, new Date('2027-03-09T07:00:00Z'), new Date('2027-03-09T09:00:00Z'))).toBe(peak);
  });
});

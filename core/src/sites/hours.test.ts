import { describe, expect, test } from 'vitest';
import {
  addDays,
  berlinClock,
  berlinDate,
  groupHours,
  normaliseHours,
  openingHoursSpecification,
  openState,
  upcomingClosures,
} from './hours.ts';

const hours = normaliseHours({
  mo: [
    ['07:30', '12:00'],
    ['13:00', '18:00'],
  ],
  tu: [['07:30', '18:00']],
  we: [['07:30', '18:00']],
  th: [['07:30', '18:00']],
  fr: [['07:30', '16:00']],
  sa: [['09:00', '13:00']],
  su: [],
});

describe('openState in Europe/Berlin', () => {
  test.each([
    // Winter (CET = UTC+1)
    ['2026-01-12T06:29:00Z', { open: false, opensDay: 'mo', opensAt: '07:30' }], // Mo 07:29
    ['2026-01-12T06:30:00Z', { open: true, until: '12:00' }], // Mo 07:30
    ['2026-01-12T11:30:00Z', { open: false, opensDay: 'mo', opensAt: '13:00' }], // lunch break
    ['2026-01-12T16:59:00Z', { open: true, until: '18:00' }],
    ['2026-01-12T17:00:00Z', { open: false, opensDay: 'tu', opensAt: '07:30' }], // Mo 18:00 closes
    ['2026-01-17T12:30:00Z', { open: false, opensDay: 'mo', opensAt: '07:30' }], // Sa 13:30
    ['2026-01-18T10:00:00Z', { open: false, opensDay: 'mo', opensAt: '07:30' }], // Sunday
    // Summer (CEST = UTC+2): 05:45Z is 07:45 in Berlin, open; in UTC it would be closed
    ['2026-07-14T05:45:00Z', { open: true, until: '18:00' }],
    // Friday 23:30 in Berlin: closed, next opening Saturday morning
    ['2026-07-17T21:30:00Z', { open: false, opensDay: 'sa', opensAt: '09:00' }],
  ])('%s', (iso, expected) => {
    expect(openState(hours, new Date(iso))).toEqual(expected);
  });

  test('never open without hours', () => {
    expect(openState({}, new Date('2026-01-12T10:00:00Z'))).toEqual({ open: false });
  });

  test.each([
    ['2026-03-29T00:59:00Z', { day: 'su', minute: 1 * 60 + 59 }], // last minute of CET
    ['2026-03-29T01:00:00Z', { day: 'su', minute: 3 * 60 }], // clocks jump to 03:00 CEST
    ['2026-12-31T23:30:00Z', { day: 'fr', minute: 30 }], // already New Year in Berlin
  ])('berlinClock(%s)', (iso, expected) => {
    expect(berlinClock(new Date(iso))).toEqual(expected);
  });
});

describe('normaliseHours', () => {
  test.each([
    [null, {}],
    ['text', {}],
    [{ mo: [['08:00', '07:00']] }, { mo: [] }],
    [{ mo: [['8:00', '17:00']] }, { mo: [] }],
    [{ mo: [['08:00', '17:00', 'x']] }, { mo: [] }],
    [{ mo: 'immer' }, {}],
    [{ sa: [['09:00', '24:00']] }, { sa: [['09:00', '24:00']] }],
  ])('%j', (raw, expected) => {
    expect(normaliseHours(raw)).toEqual(expected);
  });
});

test('openingHoursSpecification has one entry per interval', () => {
  const spec = openingHoursSpecification(hours);
  expect(spec).toHaveLength(7);
  expect(spec[0]).toEqual({
    '@type': 'OpeningHoursSpecification',
    dayOfWeek: 'https://schema.org/Monday',
    opens: '07:30',
    closes: '12:00',
  });
});

test('groupHours merges equal consecutive days', () => {
  expect(groupHours(hours).map((g) => [g.from, g.to])).toEqual([
    ['mo', 'mo'],
    ['tu', 'th'],
    ['fr', 'fr'],
    ['sa', 'sa'],
    ['su', 'su'],
  ]);
});

describe('closing days', () => {
  const withClosures = normaliseHours({
    ...hours,
    closures: [
      { from: '2026-12-24', to: '2026-12-31', note: 'Betriebsferien' },
      { from: '2026-10-03' },
      { from: '2026-05-01', to: '2026-04-01' },
      { from: '1.5.2026' },
      'Weihnachten',
    ],
  });

  test('only well-formed periods are kept, sorted, a single day without `to`', () => {
    expect(withClosures.closures).toEqual([
      { from: '2026-10-03', to: '2026-10-03' },
      { from: '2026-12-24', to: '2026-12-31', note: 'Betriebsferien' },
    ]);
  });

  test('hours stored as a JSON string are read too', () => {
    expect(normaliseHours(JSON.stringify({ sa: [['09:00', '13:00']] }))).toEqual({ sa: [['09:00', '13:00']] });
  });

  test.each([
    // Saturday 3 October 2026 (a holiday) at 10:00: closed, opens Monday
    [
      '2026-10-03T08:00:00Z',
      { open: false, opensDay: 'mo', opensAt: '07:30', closure: { from: '2026-10-03', to: '2026-10-03' } },
    ],
    // Friday 2 October at 10:00: open as usual
    ['2026-10-02T08:00:00Z', { open: true, until: '16:00' }],
    // Wednesday 23 December after closing: the next opening skips the company holidays
    ['2026-12-23T18:00:00Z', { open: false, opensDay: 'fr', opensAt: '07:30' }],
    // Christmas Eve at noon, within the company holidays (Thursday) → Friday 1 January is the next open day
    [
      '2026-12-24T11:00:00Z',
      {
        open: false,
        opensDay: 'fr',
        opensAt: '07:30',
        closure: { from: '2026-12-24', to: '2026-12-31', note: 'Betriebsferien' },
      },
    ],
  ])('openState at %s', (iso, expected) => {
    expect(openState(withClosures, new Date(iso))).toEqual(expected);
  });

  test('upcoming closures leave out what is over', () => {
    expect(upcomingClosures(withClosures, new Date('2026-11-01T12:00:00Z'))).toEqual([withClosures.closures?.[1]]);
  });

  test('closures appear in the schema.org specification as closed periods', () => {
    expect(openingHoursSpecification(withClosures).at(-1)).toEqual({
      '@type': 'OpeningHoursSpecification',
      opens: '00:00',
      closes: '00:00',
      validFrom: '2026-12-24',
      validThrough: '2026-12-31',
    });
  });

  test.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2026-03-28', 2, '2026-03-30'],
  ])('addDays(%s, %i) = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  test('berlinDate is the local date', () => {
    expect(berlinDate(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});

import { expect, test } from 'vitest';
import {
  formatDe,
  fromStored,
  longDateDe,
  monthGrid,
  parseDe,
  shiftMonth,
  toStored,
  WEEKDAYS_SHORT_DE,
  weekdayIndex,
} from './calendar.ts';

test('weeks start on Monday, in German', () => {
  expect(WEEKDAYS_SHORT_DE).toEqual(['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So']);
});

test.each([
  ['2026-11-29', 6],
  ['2026-11-30', 0],
  ['2024-02-29', 3],
  ['2027-01-01', 4],
])('weekdayIndex(%s) = %i', (date, index) => {
  expect(weekdayIndex(date)).toBe(index);
});

test.each([
  // November 2026 starts on a Sunday: six leading days of October.
  [2026, 11, '2026-10-26', '2026-12-06'],
  // June 2026 starts on a Monday: no leading days.
  [2026, 6, '2026-06-01', '2026-07-12'],
  [2024, 2, '2024-01-29', '2024-03-10'],
])('monthGrid(%i, %i) runs from %s to %s in six Monday-first weeks', (year, month, first, last) => {
  const weeks = monthGrid(year, month);
  expect(weeks).toHaveLength(6);
  for (const week of weeks) {
    expect(week).toHaveLength(7);
    expect(weekdayIndex(week[0]?.date as string)).toBe(0);
  }
  expect(weeks[0]?.[0]?.date).toBe(first);
  expect(weeks[5]?.[6]?.date).toBe(last);
  const inMonth = weeks.flat().filter((d) => d.inMonth);
  expect(inMonth[0]?.day).toBe(1);
  expect(new Set(inMonth.map((d) => d.date)).size).toBe(inMonth.length);
});

test.each([
  [2026, 12, 1, [2027, 1]],
  [2026, 1, -1, [2025, 12]],
  [2026, 5, 0, [2026, 5]],
  [2026, 3, -15, [2024, 12]],
])('shiftMonth(%i, %i, %i) = %j', (year, month, by, expected) => {
  expect(shiftMonth(year, month, by)).toEqual(expected);
});

test.each([
  ['2026-11-29', 'Sonntag, 29. November 2026'],
  ['2027-03-01', 'Montag, 1. März 2027'],
])('longDateDe(%s) = %s', (date, expected) => {
  expect(longDateDe(date)).toBe(expected);
});

test.each([
  ['dateTime', { date: '2026-11-29', time: '14:30' }, 'So., 29.11.2026, 14:30 Uhr'],
  ['date', { date: '2026-11-30', time: '00:00' }, 'Mo., 30.11.2026'],
  ['timestamp', null, ''],
] as const)('formatDe(%s, %j) = %s', (type, value, expected) => {
  expect(formatDe(type, value)).toBe(expected);
});

test.each([
  ['date', '2026-11-29', { date: '2026-11-29', time: '00:00' }],
  ['date', '2026-02-30', null],
  ['dateTime', '2026-11-29T14:30:00', { date: '2026-11-29', time: '14:30' }],
  ['dateTime', '2026-11-29 08:05', { date: '2026-11-29', time: '08:05' }],
  ['dateTime', '2026-11-29T25:00:00', null],
  ['timestamp', 'kein Datum', null],
  ['timestamp', '', null],
  ['timestamp', 42, null],
] as const)('fromStored(%s, %j) = %j', (type, stored, expected) => {
  expect(fromStored(type, stored)).toEqual(expected);
});

test.each([
  ['date', { date: '2026-11-29', time: '14:30' }, '2026-11-29'],
  ['dateTime', { date: '2026-11-29', time: '14:30' }, '2026-11-29T14:30:00'],
  ['dateTime', { date: '2026-11-29', time: '' }, '2026-11-29T00:00:00'],
  ['date', { date: '2026-13-01', time: '' }, null],
  ['timestamp', null, null],
] as const)('toStored(%s, %j) = %j', (type, value, expected) => {
  expect(toStored(type, value)).toBe(expected);
});

test.each([
  { date: '2026-11-29', time: '14:30' },
  { date: '2026-03-29', time: '03:30' },
  { date: '2026-07-01', time: '00:00' },
])('a timestamp keeps the local wall-clock time it was picked at (%j)', (value) => {
  const stored = toStored('timestamp', value) as string;
  expect(stored).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00[+-]\d{2}:\d{2}$/);
  expect(fromStored('timestamp', stored)).toEqual(value);
});

test.each([
  ['29.11.2026', { date: '2026-11-29', time: null }],
  ['29.11.26 14:30', { date: '2026-11-29', time: '14:30' }],
  ['So., 29.11.2026, 14:30 Uhr', { date: '2026-11-29', time: '14:30' }],
  ['1.3.2027 8.05', { date: '2027-03-01', time: '08:05' }],
  ['2026-11-29 14:30', { date: '2026-11-29', time: '14:30' }],
  ['31.11.2026', null],
  ['29.11.2026 24:00', null],
  ['morgen', null],
])('parseDe(%j) = %j', (text, expected) => {
  expect(parseDe(text)).toEqual(expected);
});

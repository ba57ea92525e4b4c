import { expect, test } from 'vitest';
import { bucketOf, rollupRows, series, TOP_PATHS_PER_DAY, totals } from './rollup.ts';

test('a day rolls up to one row per metric, visitors beside page views, top pages per workshop', () => {
  const rows = rollupRows(
    '2026-11-28',
    [
      { tenant: 't', workshop: 'w', type: 'page_view', n: 12, visitors: 5 },
      { tenant: 't', workshop: 'w', type: 'lead', n: 1, visitors: 1 },
      { tenant: 't', workshop: 'w', type: 'nonsense', n: 3, visitors: 1 },
    ],
    [
      { tenant: 't', workshop: 'w', path: '/leistungen', n: 4 },
      { tenant: 't', workshop: 'w', path: '/', n: 8 },
    ],
  );
  expect(rows).toEqual([
    { tenant: 't', workshop: 'w', day: '2026-11-28', dimension: '', metric: 'page_view', value: 12 },
    { tenant: 't', workshop: 'w', day: '2026-11-28', dimension: '', metric: 'visitors', value: 5 },
    { tenant: 't', workshop: 'w', day: '2026-11-28', dimension: '', metric: 'lead', value: 1 },
    { tenant: 't', workshop: 'w', day: '2026-11-28', dimension: '/', metric: 'page_path', value: 8 },
    { tenant: 't', workshop: 'w', day: '2026-11-28', dimension: '/leistungen', metric: 'page_path', value: 4 },
  ]);
});

test('only the top pages of a day are kept', () => {
  const paths = Array.from({ length: TOP_PATHS_PER_DAY + 20 }, (_, i) => ({
    tenant: 't',
    workshop: 'w',
    path: `/p${i}`,
    n: i,
  }));
  const rows = rollupRows('2026-11-28', [], paths);
  expect(rows).toHaveLength(TOP_PATHS_PER_DAY);
  expect(rows[0]?.dimension).toBe(`/p${TOP_PATHS_PER_DAY + 19}`);
});

test.each([
  ['2026-11-29', 'day', '2026-11-29'],
  ['2026-11-29', 'week', '2026-11-23'],
  ['2026-11-23', 'week', '2026-11-23'],
  ['2026-11-22', 'week', '2026-11-16'],
  ['2026-11-29', 'month', '2026-11-01'],
] as const)('%s in a %s bucket: %s', (day, granularity, bucket) => {
  expect(bucketOf(day, granularity)).toBe(bucket);
});

test('series: every bucket present, sums per bucket, conversion = (leads + bookings) / visitors', () => {
  const points = series(
    [
      { day: '2026-11-23', metric: 'visitors', value: 10 },
      { day: '2026-11-24', metric: 'visitors', value: 10 },
      { day: '2026-11-24', metric: 'lead', value: 1 },
      { day: '2026-11-24', metric: 'booking', value: 1 },
      { day: '2026-11-30', metric: 'question', value: 3 },
    ],
    '2026-11-22',
    '2026-11-30',
    'week',
  );
  expect(points.map((p) => p.bucket)).toEqual(['2026-11-16', '2026-11-23', '2026-11-30']);
  expect(points[1]).toMatchObject({ visitors: 20, lead: 1, booking: 1, conversion: 0.1 });
  expect(points[0]?.conversion).toBeNull();
  expect(points[2]?.question).toBe(3);
});

test('totals name every event type', () => {
  const t = totals([
    { metric: 'lead', value: 2 },
    { metric: 'lead', value: 1 },
    { metric: 'page_path', value: 9 },
  ]);
  expect(t.lead).toBe(3);
  expect(t.answer_none).toBe(0);
  expect(t).not.toHaveProperty('page_path');
});

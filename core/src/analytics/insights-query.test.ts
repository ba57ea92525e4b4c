import { expect, test } from 'vitest';
import { parseInsightsQuery } from './insights-query.ts';

const TODAY = '2026-11-29';
const W = '8a4b0c3e-1d2f-4a5b-9c6d-7e8f9a0b1c2d';

test.each([
  [{}, { from: '2026-10-31', to: TODAY, granularity: 'day', workshop: null }],
  [{ granularity: 'week' }, { from: '2026-09-07', to: TODAY, granularity: 'week', workshop: null }],
  [
    { granularity: 'month', workshop: '' },
    { from: '2025-11-30', to: TODAY, granularity: 'month', workshop: null },
  ],
  [
    { from: '2024-02-29', to: '2024-03-01', workshop: W.toUpperCase() },
    { from: '2024-02-29', to: '2024-03-01', granularity: 'day', workshop: W },
  ],
])('%j is read as %j', (query, expected) => {
  expect(parseInsightsQuery(query, TODAY)).toEqual({ ok: true, query: expected });
});

test.each([
  [{ from: 'letzte-Woche' }, /from/],
  [{ from: '2026-02-31', to: '2026-03-05' }, /from/],
  [{ to: '2026-13-01' }, /to/],
  [{ from: ['2026-11-01', '2026-11-02'] }, /from/],
  [{ from: { _gt: '2026-11-01' } }, /from/],
  [{ granularity: 'hour' }, /granularity/],
  [{ granularity: ['day', 'week'] }, /granularity/],
  [{ workshop: "1' OR '1'='1" }, /workshop/],
  [{ workshop: [W, W] }, /workshop/],
  [{ from: '2026-11-29', to: '2026-11-01' }, /Zeitraum/],
  [{ from: '2020-01-01', to: TODAY }, /Zeitraum/],
])('%j is refused', (query, message) => {
  const result = parseInsightsQuery(query, TODAY);
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.errors.join(' ')).toMatch(message);
});

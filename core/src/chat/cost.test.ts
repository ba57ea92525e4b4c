import { expect, test } from 'vitest';
import { budgetLeft, costEur, MonthlySpend } from './cost.ts';

test.each([
  ['gpt-4o-mini', 1_000_000, 0, 0.138],
  ['gpt-4o-mini', 1000, 500, 0.000414],
  ['gpt-4o-mini-2024-07-18', 1_000_000, 0, 0.138],
  ['llama3-local', 5000, 5000, 0],
])('%s with %i in / %i out costs %f €', (model, tin, tout, eur) => {
  expect(costEur(model, tin, tout)).toBeCloseTo(eur, 6);
});

test.each([
  [4.99, 5, true],
  [5, 5, false],
  [100, null, true],
])('spent %f of %s → budget left %s', (spent, budget, left) => {
  expect(budgetLeft(spent, budget)).toBe(left);
});

test('the monthly spend is read again after its time, in a new month, and for unknown tenants', () => {
  const spend = new MonthlySpend(10_000);
  const november = new Date('2026-10-31T23:00:00Z');
  const december = new Date('2026-11-30T23:00:00Z');
  expect(spend.get('t1', november, 0)).toBeUndefined();
  spend.set('t1', november, 4.5, 0);
  spend.add('t1', november, 0.25);
  spend.add('t1', december, 99);
  expect(spend.get('t1', november, 9_999)).toBe(4.75);
  expect(spend.get('t1', november, 10_000)).toBeUndefined();
  expect(spend.get('t1', december, 1)).toBeUndefined();
  expect(spend.get('t2', november, 1)).toBeUndefined();
});

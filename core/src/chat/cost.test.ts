import { expect, test } from 'vitest';
import { budgetLeft, costEur } from './cost.ts';

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

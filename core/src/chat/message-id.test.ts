import { expect, test } from 'vitest';
import { timeOrderedId } from './message-id.ts';

test('ids are version-7 UUIDs', () => {
  expect(timeOrderedId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

test.each([
  [0, 1],
  [1_795_000_000_000, 1_795_000_000_001],
  [1_795_000_000_000, 1_795_000_060_000],
])('an id from %i sorts before one from %i', (earlier, later) => {
  for (let i = 0; i < 50; i += 1) expect(timeOrderedId(earlier) < timeOrderedId(later)).toBe(true);
});

import { expect, test } from 'vitest';
import { BADGES } from '../core/src/sites/badges.ts';
import { readSchemaFiles } from '../scripts/lib/schema.ts';

test('the workshop form offers exactly the badges the websites know', () => {
  const field = readSchemaFiles().fields.find((f) => f.collection === 'workshops' && f.field === 'badges');
  const meta = field?.meta as { options?: { choices?: { value: string }[] } } | undefined;
  const choices = meta?.options?.choices ?? [];
  expect(choices.map((c) => c.value)).toEqual([...BADGES]);
});

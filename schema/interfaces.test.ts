import { expect, test } from 'vitest';
import { readSchemaFiles } from '../scripts/lib/schema.ts';

const DATE_TYPES = new Set(['timestamp', 'dateTime', 'date']);

test('every date a person edits uses the German calendar (Directus’s own picker is Sunday-first in English)', () => {
  const editable = readSchemaFiles().fields.filter((f) => {
    const meta = f.meta as { readonly?: boolean; hidden?: boolean; interface?: string } | null;
    return DATE_TYPES.has(String(f.type)) && meta && !meta.readonly && !meta.hidden;
  });
  expect(editable.length).toBeGreaterThan(0);
  const wrong = editable
    .filter((f) => (f.meta as { interface?: string }).interface !== 'carbot-datetime')
    .map((f) => `${f.collection}.${f.field}`);
  expect(wrong).toEqual([]);
});

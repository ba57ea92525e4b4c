import { expect, test } from 'vitest';
import { schemaFieldsOf } from '../scripts/lib/access.ts';
import { layouts } from './presets.ts';

const fieldsOf = schemaFieldsOf();

test.each(layouts.map((l) => [l.collection, l] as const))(
  'default layout of %s names existing fields',
  (_c, layout) => {
    const fields = fieldsOf(layout.collection);
    for (const field of [...layout.fields, ...layout.sort.map((s) => s.replace(/^-/, ''))]) {
      expect(fields, field).toContain(field);
    }
  },
);

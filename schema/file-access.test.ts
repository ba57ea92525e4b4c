import { describe, expect, test } from 'vitest';
import { schemaFieldsOf } from '../scripts/lib/access.ts';
import { readSchemaFiles } from '../scripts/lib/schema.ts';
import { PRIVATE_FILE_REFERENCES, PUBLIC_FILE_REFERENCES, policies } from './access.ts';

const sites = policies(schemaFieldsOf()).find((p) => p.name === 'Sites');

describe("the site server's files", () => {
  test('every file field of the schema is classified as shown on websites or private', () => {
    const fileFields = readSchemaFiles()
      .relations.filter((r) => r.related_collection === 'directus_files')
      .map((r) => `${r.collection}.${r.field}`)
      .sort();
    const classified = [...PUBLIC_FILE_REFERENCES, ...PRIVATE_FILE_REFERENCES].map(([c, f]) => `${c}.${f}`).sort();
    expect(classified).toEqual(fileFields);
  });

  test('Sites reads a file only through a public reference, under the rule of the referencing row', () => {
    const rule = (c: string) => sites?.permissions.find((p) => p.collection === c && p.action === 'read')?.permissions;
    const files = rule('directus_files') as { _or: Record<string, unknown>[] };
    expect(files._or.map((f) => Object.keys(f)[0])).toEqual(
      PUBLIC_FILE_REFERENCES.map(([c, f]) => `$FOLLOW(${c},${f})`),
    );
    for (const [c, f] of PUBLIC_FILE_REFERENCES) {
      const own = rule(c);
      const through = files._or.find((x) => `$FOLLOW(${c},${f})` in x)?.[`$FOLLOW(${c},${f})`];
      expect(through, c).toEqual(own ?? { [f]: { _nnull: true } });
    }
  });
});

/**
 * The admin shows "The relationship is not configured properly" wherever a form field links to data
 * the user's policy cannot see: Directus hands a role only the relations whose both ends — the field,
 * the related collection and its reverse (one_field) — it may read. Every field a CarBot role reads
 * must therefore lead somewhere it may read, or not be on its form at all.
 */
import { expect, test } from 'vitest';
import { schemaFieldsOf } from '../scripts/lib/access.ts';
import { readSchemaFiles } from '../scripts/lib/schema.ts';
import { policies } from './access.ts';

const fieldsOf = schemaFieldsOf();
const snapshot = readSchemaFiles();
const APP_POLICIES = ['Workshop Owner', 'Workshop Staff', 'Marketer'];

type Relation = {
  collection: string;
  field: string;
  related_collection: string | null;
  meta?: { one_field?: string | null } | null;
};

test.each(APP_POLICIES)('%s: every relation on a readable field reaches readable data', (name) => {
  const policy = policies(fieldsOf).find((p) => p.name === name);
  const reads = new Map<string, string[]>();
  for (const p of policy?.permissions ?? []) if (p.action === 'read') reads.set(p.collection, p.fields);
  const canRead = (collection: string, field: string) => {
    const fields = reads.get(collection);
    return Boolean(fields && (fields.includes('*') || fields.includes(field)));
  };
  const broken: string[] = [];
  for (const r of snapshot.relations as Relation[]) {
    if (!r.related_collection || !canRead(r.collection, r.field)) continue;
    if (!reads.has(r.related_collection)) broken.push(`${r.collection}.${r.field} → ${r.related_collection}`);
    else if (r.meta?.one_field && !canRead(r.related_collection, r.meta.one_field))
      broken.push(`${r.collection}.${r.field} ← ${r.related_collection}.${r.meta.one_field}`);
  }
  expect(broken).toEqual([]);
});

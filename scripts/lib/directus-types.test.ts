import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from './config.ts';
import { DIRECTUS_TYPES_FILE, generateDirectusTypes, rowType } from './directus-types.ts';
import { readSchemaFiles } from './schema.ts';

test('the committed Directus types are generated from the current schema files (npm run schema:types)', () => {
  expect(readFileSync(join(ROOT, DIRECTUS_TYPES_FILE), 'utf8')).toBe(generateDirectusTypes(readSchemaFiles()));
});

test.each([
  ['workshops', 'WorkshopsRow'],
  ['site_templates', 'SiteTemplatesRow'],
  ['faqs_translations', 'FaqsTranslationsRow'],
])('%s is typed as %s', (collection, name) => {
  expect(rowType(collection)).toBe(name);
});

test('relations, nullability and translations come out as the API returns them', () => {
  const source = generateDirectusTypes(readSchemaFiles());
  const block = (name: string) => source.slice(source.indexOf(`export type ${name} =`)).split('};')[0] ?? '';
  expect(block('WorkshopsRow')).toContain('  tenant: string | TenantsRow;');
  expect(block('WorkshopsRow')).toContain('  translations: WorkshopsTranslationsRow[];');
  expect(block('WorkshopsRow')).toContain('  city: string | null;');
  expect(block('WorkshopsRow')).toContain("  custom_domains: 'csv' | null;");
  expect(block('ServicesRow')).toContain('  price: string | number | null;');
  expect(block('WorkshopsRow')).not.toContain('site_preview');
});

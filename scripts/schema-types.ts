/** Writes the site server's Directus row types from schema/collections (scripts/lib/directus-types). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/config.ts';
import { DIRECTUS_TYPES_FILE, generateDirectusTypes } from './lib/directus-types.ts';
import { readSchemaFiles } from './lib/schema.ts';

writeFileSync(join(ROOT, DIRECTUS_TYPES_FILE), generateDirectusTypes(readSchemaFiles()));
console.log(`${DIRECTUS_TYPES_FILE} geschrieben.`);

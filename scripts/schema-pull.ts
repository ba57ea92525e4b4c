/**
 * Writes the data model of the running Directus (changes made in the admin) into schema/collections/,
 * one YAML file per collection, for review and commit.
 */
import { directusEnv } from './lib/config.ts';
import { adminClient } from './lib/directus-client.ts';
import { currentSnapshot, writeSchemaFiles } from './lib/schema.ts';

const env = directusEnv();
const client = adminClient(env.DIRECTUS_URL ?? env.PUBLIC_URL, env.CARBOT_AUTOMATION_TOKEN);
const written = writeSchemaFiles(await currentSnapshot(client));
console.log(`schema/collections: ${written.length} Dateien geschrieben. Mit \`git diff schema/\` prüfen.`);

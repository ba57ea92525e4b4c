/**
 * Makes the running Directus match schema/ (data model) and schema/access.ts (roles, policies,
 * permissions). Idempotent. Collections or fields that exist only in the database are kept unless
 * `--prune` is given.
 */

import { applyAccess } from './lib/access.ts';
import { directusEnv } from './lib/config.ts';
import { adminClient } from './lib/directus-client.ts';
import { migrate } from './lib/migrate.ts';
import { applySchemaFiles } from './lib/schema.ts';

const prune = process.argv.includes('--prune');
const env = directusEnv();
const client = adminClient(env.DIRECTUS_URL ?? env.PUBLIC_URL, env.CARBOT_AUTOMATION_TOKEN);
const schema = await applySchemaFiles(client, { prune });
for (const line of schema.changes) console.log(`  ${line}`);
console.log(
  schema.changes.length ? `Schema: ${schema.changes.length} Änderungen angewendet.` : 'Schema: bereits aktuell.',
);
if (!prune && schema.removals.length) {
  console.log('Nur in der Datenbank (behalten; `npm run schema:pull` übernimmt sie, `--prune` entfernt sie):');
  for (const line of schema.removals) console.log(`  ${line}`);
}
const migrations = await migrate(env);
console.log(migrations.length ? `Migrationen: ${migrations.join(', ')}` : 'Migrationen: keine offen.');
const access = await applyAccess(client);
for (const [label, items] of Object.entries(access)) for (const item of items) console.log(`  ${label}: ${item}`);
console.log('Rollen & Rechte: angeglichen an schema/access.ts.');

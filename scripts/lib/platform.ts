import { join } from 'node:path';
import { ROLE } from '@carbot/core/roles';
import { createUser, readSettings, readUsers, updateSettings, updateUser } from '@directus/sdk';
import { applyAccess } from './access.ts';
import { ROOT } from './config.ts';
import { adminClient, type Client, waitForDirectus } from './directus-client.ts';
import { databaseFromEnv, migrate } from './migrate.ts';
import { ensureModuleBar } from './modules.ts';
import { applyLayoutDefaults } from './presets.ts';
import { run, startServer } from './processes.ts';
import { applySchemaFiles } from './schema.ts';
import { applyAccountSettings, applyAdminLanguage } from './settings.ts';

/** Directus's CLI without its registry round trip and upgrade banner (scripts/directus.ts). */
const DIRECTUS_CLI = join(ROOT, 'scripts', 'directus.ts');

export const SITES_USER_ID = 'ca7b0000-0000-4000-c000-000000000001';

/** Installs or migrates the Directus database; a no-op on an installed one. */
export async function bootstrapDirectus(env: NodeJS.ProcessEnv) {
  await run('node', [DIRECTUS_CLI, 'bootstrap'], { env, cwd: ROOT });
  if (env.DB_CLIENT === 'sqlite3') await useWriteAheadLog(env);
}

/**
 * SQLite in write-ahead-log mode: a commit appends to the log instead of rewriting pages through a
 * rollback journal, so the chat's message writes cost less, and a backup or a reader never blocks the
 * server. The mode is stored in the database file; set here while Directus is not running.
 */
async function useWriteAheadLog(env: NodeJS.ProcessEnv) {
  const db = databaseFromEnv(env);
  try {
    await db.raw('PRAGMA journal_mode = WAL');
  } finally {
    await db.destroy();
  }
}

export function startDirectus(env: NodeJS.ProcessEnv, quiet = false) {
  return startServer('directus', 'node', [DIRECTUS_CLI, 'start'], { env, cwd: ROOT, quiet });
}

/** The technical user the site server reads with; its static token comes from the environment. */
export async function ensureSitesUser(client: Client, token: string) {
  const existing = await client.request(readUsers({ filter: { id: { _eq: SITES_USER_ID } }, fields: ['id'] }));
  const user = {
    first_name: 'Site-Server',
    last_name: '(API)',
    email: 'site-server@example.com',
    role: ROLE.sites,
    status: 'active' as const,
    token,
  };
  if (existing.length > 0) await client.request(updateUser(SITES_USER_ID, user));
  else await client.request(createUser({ id: SITES_USER_ID, ...user }));
}

/** Gives a fresh installation CarBot's name; later edits are kept. */
async function brandProject(client: Client) {
  const settings = await client.request(readSettings({ fields: ['project_name'] }));
  if (settings.project_name !== 'Directus') return;
  await client.request(
    updateSettings({
      project_name: 'CarBot',
      project_descriptor: 'Werkstatt-Plattform',
      project_color: '#1F6FEB',
    }),
  );
}

export type Step = (message: string) => void;

/**
 * What a start checks even on a database prepared from the same sources (scripts/lib/preparation.ts):
 * roles and permissions (tenant isolation; a permission changed in the admin is put back) and the
 * account settings that keep owners from being locked out. Four reads and one when nothing differs.
 * The data model is not compared here; `npm run schema:apply` does that in full.
 */
export async function checkDirectus(env: NodeJS.ProcessEnv, log: Step) {
  const url = env.PUBLIC_URL ?? `http://127.0.0.1:${env.PORT}`;
  await waitForDirectus(url);
  const client = adminClient(url, env.CARBOT_AUTOMATION_TOKEN);
  const [access, account] = await Promise.all([applyAccess(client), applyAccountSettings(client)]);
  const changed = access.created.length + access.updated.length + access.removed.length;
  if (changed)
    log(
      `Rollen & Rechte: ${changed} ${changed === 1 ? 'Berechtigung' : 'Berechtigungen'} wie in schema/access.ts wiederhergestellt`,
    );
  if (account) log('Anmeldung: Sperre nach Fehlversuchen wieder aus');
  return client;
}

/** Schema, access and the site server's user: everything the platform needs before data goes in. */
export async function prepareDirectus(env: NodeJS.ProcessEnv, log: Step) {
  const url = env.PUBLIC_URL ?? `http://127.0.0.1:${env.PORT}`;
  await waitForDirectus(url);
  const client = adminClient(url, env.CARBOT_AUTOMATION_TOKEN);
  const schema = await applySchemaFiles(client, { prune: false });
  log(schema.changes.length ? `Schema: ${schema.changes.length} Änderungen angewendet` : 'Schema: aktuell');
  for (const removal of schema.removals) {
    log(`  Hinweis: ${removal} gibt es nur in der Datenbank – mit \`npm run schema:pull\` nach schema/ übernehmen.`);
  }
  const migrations = await migrate(env);
  if (migrations.length) log(`Migrationen: ${migrations.join(', ')}`);
  const access = await applyAccess(client);
  const changed = access.created.length + access.updated.length + access.removed.length;
  log(changed ? `Rollen & Rechte: ${changed} Berechtigungen angeglichen` : 'Rollen & Rechte: aktuell');
  await ensureSitesUser(client, env.CARBOT_SITES_TOKEN as string);
  await brandProject(client);
  if (await applyAdminLanguage(client)) log('Admin-Sprache: Deutsch');
  if (await applyAccountSettings(client))
    log('Anmeldung: Sperre nach Fehlversuchen aus, Drosselung je Konto und Anschluss aktiv');
  const modules = await ensureModuleBar(client);
  if (modules) log(`Admin-Menü: ${modules} CarBot-Seiten ergänzt`);
  const layouts = await applyLayoutDefaults(client);
  if (layouts) log(`Admin-Listen: ${layouts} Standard-Ansichten angelegt`);
  return client;
}

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './config.ts';
import { databaseFromEnv } from './migrate.ts';
import { sourceFingerprint } from './processes.ts';

/** Our key/value table for the installation's own bookkeeping (schema/migrations, kept out of Directus). */
const STATE_TABLE = 'carbot_state';
const KEY = 'preparation';

/**
 * Everything the preparation of a database (bootstrap, schema, migrations, access, settings, seeds, the
 * demo feed) is made from: the files of schema/ and seeds/, the code that applies them and the core
 * modules it reads, the Directus version (its own migrations) and the settings that change what is seeded.
 */
const INPUTS = [
  'schema',
  'seeds',
  'core/src/roles.ts',
  'core/src/secret-fields.ts',
  'core/src/admin/shell.ts',
  ...[
    'access',
    'config',
    'demo-feed',
    'migrate',
    'modules',
    'platform',
    'preparation',
    'presets',
    'schema',
    'seed',
    'settings',
  ].map((name) => `scripts/lib/${name}.ts`),
];

const directusVersion = () =>
  (
    JSON.parse(readFileSync(join(ROOT, 'node_modules', '@directus', 'api', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;

/** The fingerprint of what `npm start` would prepare with this checkout and this environment. */
export function preparationFingerprint(env: NodeJS.ProcessEnv): string {
  return (
    createHash('sha256')
      .update(sourceFingerprint(INPUTS.map((path) => join(ROOT, path))))
      .update(`\ndirectus ${directusVersion()}`)
      .update(`\ndemo ${env.CARBOT_DEMO !== 'false'}`)
      // The site server's user carries this token; a new one must reach the database.
      .update(`\nsites ${createHash('sha256').update(String(env.CARBOT_SITES_TOKEN)).digest('hex')}`)
      .digest('hex')
  );
}

/** The fingerprint the database was last fully prepared with; undefined for a new or older database. */
export async function preparedFingerprint(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  if (env.DB_CLIENT === 'sqlite3' && !existsSync(String(env.DB_FILENAME))) return undefined;
  const db = databaseFromEnv(env);
  try {
    if (!(await db.schema.hasTable(STATE_TABLE))) return undefined;
    const row = (await db(STATE_TABLE).where('key', KEY).first('value')) as { value: string } | undefined;
    return row?.value;
  } finally {
    await db.destroy();
  }
}

/** Stored only after a preparation succeeded, so an interrupted one is repeated in full. */
export async function recordPreparation(env: NodeJS.ProcessEnv, fingerprint: string): Promise<void> {
  const db = databaseFromEnv(env);
  try {
    await db(STATE_TABLE)
      .insert({ key: KEY, value: fingerprint, updated_at: new Date() })
      .onConflict('key')
      .merge(['value', 'updated_at']);
  } finally {
    await db.destroy();
  }
}

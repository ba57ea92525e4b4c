import { join } from 'node:path';
import knex, { type Knex } from 'knex';
import { ROOT } from './config.ts';

export const MIGRATIONS_TABLE = 'carbot_migrations';

/** A knex connection to Directus's database, from Directus's own DB_* variables. */
export function databaseFromEnv(env: NodeJS.ProcessEnv): Knex {
  if (env.DB_CLIENT === 'sqlite3') {
    return knex({ client: 'sqlite3', connection: { filename: env.DB_FILENAME as string }, useNullAsDefault: true });
  }
  if (env.DB_CLIENT === 'pg') {
    return knex({
      client: 'pg',
      connection: env.DB_CONNECTION_STRING ?? {
        host: env.DB_HOST,
        port: Number(env.DB_PORT ?? 5432),
        database: env.DB_DATABASE,
        user: env.DB_USER,
        password: env.DB_PASSWORD,
      },
    });
  }
  throw new Error(`Datenbank ${env.DB_CLIENT} wird von CarBot nicht unterstützt (sqlite3 oder pg).`);
}

/**
 * Runs knex migrations from schema/migrations/ — data changes and database features the Directus
 * schema cannot express (composite unique indexes, backfills). They run after the schema is applied,
 * so they can rely on its tables.
 */
export async function migrate(env: NodeJS.ProcessEnv): Promise<string[]> {
  const db = databaseFromEnv(env);
  try {
    const [, applied] = (await db.migrate.latest({
      directory: join(ROOT, 'schema', 'migrations'),
      tableName: MIGRATIONS_TABLE,
      loadExtensions: ['.ts'],
    })) as [number, string[]];
    return applied;
  } finally {
    await db.destroy();
  }
}

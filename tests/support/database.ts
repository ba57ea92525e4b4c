import knex, { type Knex } from 'knex';
import { inject } from 'vitest';

/**
 * A direct connection to the suite's database (SQLite file or PostgreSQL database of the global setup),
 * for what the API deliberately does not show: lease rows, claim stamps. The caller destroys it.
 */
export function suiteDatabase(): Knex {
  const target = inject('databaseTarget');
  return inject('database') === 'sqlite'
    ? knex({ client: 'sqlite3', connection: { filename: target }, useNullAsDefault: true })
    : knex({
        client: 'pg',
        connection: {
          host: process.env.PGHOST ?? '127.0.0.1',
          port: Number(process.env.PGPORT ?? 5432),
          user: process.env.PGUSER ?? 'postgres',
          database: target,
        },
      });
}

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { directusEnv } from './config.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'carbot-config-'));

describe('directusEnv database settings', () => {
  test.each([
    { given: {}, client: 'sqlite3', port: undefined, file: true },
    { given: { DB_CLIENT: 'pg', DB_HOST: '127.0.0.1' }, client: 'pg', port: '5432', file: false },
    { given: { DB_CLIENT: 'pg', DB_HOST: 'db', DB_PORT: '6543' }, client: 'pg', port: '6543', file: false },
    {
      given: { DB_CLIENT: 'pg', DB_CONNECTION_STRING: 'postgres://db:6543/carbot' },
      client: 'pg',
      port: undefined,
      file: false,
    },
  ])('$given.DB_CLIENT $given.DB_PORT → $client on port $port', ({ given, client, port, file }) => {
    const env = directusEnv({ dataDir, base: given as NodeJS.ProcessEnv });
    expect(env.DB_CLIENT).toBe(client);
    expect(env.DB_PORT).toBe(port);
    expect(Boolean(env.DB_FILENAME)).toBe(file);
  });
});

import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DATA_DIR = process.env.CARBOT_DATA_DIR
  ? resolve(process.env.CARBOT_DATA_DIR)
  : join(ROOT, 'directus', 'data');

type Secrets = { secret: string; automationToken: string; sitesToken: string; purgeSecret: string };

const token = (bytes = 24) => randomBytes(bytes).toString('base64url');

/**
 * Secrets of the embedded installation, generated once and kept beside the SQLite file: regenerating
 * them would log everyone out and break the site server's token on the next start.
 */
export function embeddedSecrets(dataDir = DATA_DIR): Secrets {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Secrets;
  mkdirSync(dataDir, { recursive: true });
  const secrets: Secrets = { secret: token(32), automationToken: token(), sitesToken: token(), purgeSecret: token() };
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return secrets;
}

/**
 * Tables that are ours but not content: knex migration bookkeeping, the mail outbox, the leases of scheduled jobs, the installation's state, the chat's full-text index
 * (with SQLite's FTS5 shadow tables). Kept out of the admin and the schema snapshot.
 */
export const EXCLUDED_TABLES = [
  'spatial_ref_sys',
  'sysdiagrams',
  'carbot_migrations',
  'carbot_migrations_lock',
  'carbot_outbox',
  'carbot_leases',
  'carbot_booking_locks',
  'carbot_sync_images',
  'carbot_state',
  ...['', '_data', '_idx', '_content', '_docsize', '_config'].map((suffix) => `carbot_search${suffix}`),
].join(',');

export const DEFAULT_ADMIN = { email: 'admin@example.com', password: 'carbot-admin' };

/**
 * Directus's environment. Explicit variables from the caller win, so the same code serves the embedded
 * SQLite default and PostgreSQL/Redis installations.
 */
export function directusEnv(
  options: { port?: number; dataDir?: string; base?: NodeJS.ProcessEnv } = {},
): NodeJS.ProcessEnv {
  const base = options.base ?? process.env;
  const dataDir = options.dataDir ?? DATA_DIR;
  const secrets = embeddedSecrets(dataDir);
  mkdirSync(join(dataDir, 'uploads'), { recursive: true });
  const port = String(options.port ?? base.DIRECTUS_PORT ?? 8055);
  const defaults: NodeJS.ProcessEnv = {
    HOST: '127.0.0.1',
    PORT: port,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    SECRET: secrets.secret,
    DB_CLIENT: 'sqlite3',
    DB_FILENAME: join(dataDir, 'carbot.db'),
    EXTENSIONS_PATH: join(ROOT, 'extensions'),
    EXTENSIONS_AUTO_RELOAD: 'false',
    STORAGE_LOCATIONS: 'local',
    STORAGE_LOCAL_ROOT: join(dataDir, 'uploads'),
    ADMIN_EMAIL: DEFAULT_ADMIN.email,
    ADMIN_PASSWORD: DEFAULT_ADMIN.password,
    // Static token of the first admin, used by our tooling (schema, access, seeds) on later starts too.
    ADMIN_TOKEN: secrets.automationToken,
    TELEMETRY: 'false',
    // Directus's own AI sidebar shows every owner an English "Setup AI Assistant" and is easily taken for
    // CarBot's chat assistant; operators who want it set AI_ENABLED=true.
    AI_ENABLED: 'false',
    DB_EXCLUDE_TABLES: EXCLUDED_TABLES,
    LOG_LEVEL: 'warn',
    LOG_STYLE: 'pretty',
    WEBSOCKETS_ENABLED: 'true',
    // Without it Directus deep-copies its whole schema for every request and every getSchema() (several
    // milliseconds each with CarBot's schema); frozen, the cached schema is shared read-only.
    CACHE_SCHEMA_FREEZE_ENABLED: 'true',
    // Nothing stands in front of the embedded Directus: X-Forwarded-For is whatever a client typed, so the
    // client address is the connection's (Directus's default would trust every hop). Behind a proxy set
    // IP_TRUST_PROXY to the number of proxies, e.g. 1 (docker-compose).
    IP_TRUST_PROXY: 'false',
    IP_CUSTOM_HEADER: 'false',
    CARBOT_AUTOMATION_TOKEN: secrets.automationToken,
    CARBOT_SITES_TOKEN: secrets.sitesToken,
    CARBOT_PURGE_SECRET: secrets.purgeSecret,
  };
  // With Redis (a cluster of instances): Directus's synchronization (its cron schedules run once per
  // cluster), its message bus and its cache go through Redis too. CarBot's own limiters and bus read
  // REDIS directly (extensions/carbot/src/shared).
  const cluster: NodeJS.ProcessEnv = base.REDIS
    ? { SYNCHRONIZATION_STORE: 'redis', MESSENGER_STORE: 'redis', CACHE_STORE: 'redis', RATE_LIMITER_STORE: 'redis' }
    : {};
  const env: NodeJS.ProcessEnv = { ...defaults, ...cluster, ...base, PORT: port };
  if (base.DB_CLIENT && base.DB_CLIENT !== 'sqlite3') delete env.DB_FILENAME;
  // Directus has no default port and refuses to start without one; the server's standard port is what a
  // user who names only the host means.
  if (base.DB_CLIENT === 'pg' && !base.DB_PORT && !base.DB_CONNECTION_STRING) env.DB_PORT = '5432';
  return env;
}

export const directusUrl = (env: NodeJS.ProcessEnv = process.env) =>
  env.DIRECTUS_URL ?? `http://127.0.0.1:${env.DIRECTUS_PORT ?? 8055}`;

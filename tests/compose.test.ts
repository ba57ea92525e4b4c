import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { EXCLUDED_TABLES } from '../scripts/lib/config.ts';

const compose = parse(readFileSync(new URL('../docker-compose.yml', import.meta.url), 'utf8'), { merge: true });
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

test('docker-compose runs the pinned Directus with our extensions, PostgreSQL and Redis', () => {
  const services = compose.services as Record<string, any>;
  for (const name of [
    'postgres',
    'redis',
    'directus-1',
    'directus-2',
    'directus-lb',
    'setup',
    'sites-1',
    'sites-2',
    'sites-lb',
  ]) {
    expect(services[name], name).toBeDefined();
  }
  const directus = services['directus-1'];
  expect(directus.image).toBe(`directus/directus:${pkg.dependencies.directus}`);
  expect(directus.volumes).toContain('./extensions:/directus/extensions:ro');
  expect(directus.environment).toMatchObject({
    DB_CLIENT: 'pg',
    CACHE_STORE: 'redis',
    RATE_LIMITER_STORE: 'redis',
    SYNCHRONIZATION_STORE: 'redis',
    MESSENGER_STORE: 'redis',
  });
  // CarBot's own bookkeeping tables stay out of the admin in Compose exactly as in `npm start`.
  expect(String(directus.environment.DB_EXCLUDE_TABLES).split(',').sort()).toEqual(EXCLUDED_TABLES.split(',').sort());
});

test('Directus trusts exactly the one proxy in front of it (nginx), not any X-Forwarded-For', () => {
  const env = (compose.services as Record<string, any>)['directus-1'].environment;
  // biome-ignore lint/suspicious/noTemplateCurlyInString: Compose's own interpolation syntax, compared as written in the file
  expect(String(env.IP_TRUST_PROXY)).toBe('${IP_TRUST_PROXY:-1}');
  expect(env.IP_CUSTOM_HEADER).toBe('false');
  const nginx = readFileSync(new URL('../deploy/nginx-directus.conf', import.meta.url), 'utf8');
  expect(nginx).toContain('proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;');
});

test('a backup service dumps the same database and uploads the Directus instances use, daily', () => {
  const services = compose.services as Record<string, any>;
  const backup = services.backup;
  const directus = services['directus-1'];
  expect(backup.command.join(' ')).toMatch(/scripts\/backup\.ts --out \/backups; sleep 86400/);
  expect(backup.environment).toMatchObject({
    DB_CLIENT: 'pg',
    DB_HOST: directus.environment.DB_HOST,
    DB_DATABASE: directus.environment.DB_DATABASE,
    DB_USER: directus.environment.DB_USER,
    STORAGE_LOCAL_ROOT: '/uploads',
  });
  // pg_dump must not be older than the server it dumps.
  const server = Number(/postgres:(\d+)/.exec(services.postgres.image)?.[1]);
  expect(Number(/postgres:(\d+)/.exec(backup.image)?.[1])).toBeGreaterThanOrEqual(server);
  expect(backup.volumes).toContain('uploads:/uploads');
  expect(directus.volumes).toContain('uploads:/directus/uploads');
  expect(Object.keys(compose.volumes)).toContain('backups');
});

test('health checks ask the readiness endpoints, which fail as soon as an instance shuts down', () => {
  const services = compose.services as Record<string, any>;
  expect(services['directus-1'].healthcheck.test.join(' ')).toContain('http://127.0.0.1:8055/carbot-health/ready');
  expect(services['sites-1'].healthcheck.test.join(' ')).toContain('http://127.0.0.1:4321/_carbot/health/ready');
  expect(services['sites-lb'].depends_on['sites-1'].condition).toBe('service_healthy');
  expect(Number(services['directus-1'].environment.SERVER_SHUTDOWN_TIMEOUT)).toBeGreaterThan(1000);
});

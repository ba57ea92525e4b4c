import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { parse } from 'yaml';

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
});

test('Directus trusts exactly the one proxy in front of it (nginx), not any X-Forwarded-For', () => {
  const env = (compose.services as Record<string, any>)['directus-1'].environment;
  expect(String(env.IP_TRUST_PROXY)).toBe('${IP_TRUST_PROXY:-1}');
  expect(env.IP_CUSTOM_HEADER).toBe('false');
  const nginx = readFileSync(new URL('../deploy/nginx-directus.conf', import.meta.url), 'utf8');
  expect(nginx).toContain('proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;');
});

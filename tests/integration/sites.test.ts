/**
 * The built site server, started as `npm start` starts it, against the test Directus with the Sites
 * token only: one page per tenant host, 404 for anything else.
 */
import type { ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { startServer, stop } from '../../scripts/lib/processes.ts';
import { sitesEnv, waitForSites } from '../../scripts/lib/sites.ts';
import { tenants } from '../../seeds/demo/index.ts';

let server: ChildProcess;
let port: number;

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: p } = probe.address() as { port: number };
      probe.close(() => resolve(p));
    });
  });

beforeAll(async () => {
  port = await freePort();
  const env = sitesEnv({
    SITES_PORT: String(port),
    DIRECTUS_URL: inject('directusUrl'),
    CARBOT_SITES_TOKEN: inject('sitesToken'),
  });
  server = startServer('sites', 'node', ['sites/dist/server/entry.mjs'], { env, quiet: true });
  await waitForSites(env);
});
afterAll(() => stop(server));

/** GET with a chosen Host header, which fetch() does not allow to set. */
const page = (host: string, path = '/') =>
  new Promise<{ status: number; html: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let html = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        html += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, html }));
    });
    req.on('error', reject);
    req.end();
  });

const [beispiel, schneider, , brandl] = tenants;

describe('site server routing', () => {
  test('the bare domain is the platform site', async () => {
    const { status, html } = await page(`localhost:${port}`);
    expect(status).toBe(200);
    expect(html).toContain('CarBot');
  });

  test.each([beispiel, schneider])('a published workshop is served on its subdomain', async (seed) => {
    const workshop = seed?.workshops[0];
    const { status, html } = await page(`${workshop?.slug}.localhost:${port}`);
    expect(status).toBe(200);
    expect(html).toContain(String(workshop?.name));
    const translations = (seed?.services[0]?.translations ?? []) as { name: string }[];
    const firstService = translations[0]?.name ?? '';
    expect(html).toContain(firstService);
  });

  test('a custom domain resolves to its workshop', async () => {
    const { status, html } = await page('www.autohaus-beispiel.example');
    expect(status).toBe(200);
    expect(html).toContain(String(beispiel?.workshops[0]?.name));
  });

  test.each([
    [`${brandl?.workshops[0]?.slug}.localhost`, 'draft workshop'],
    ['unbekannt.localhost', 'unknown slug'],
    ['autohaus-beispiel.example', 'unknown custom domain'],
    ['127.0.0.1', 'IP address'],
    ['a.b.localhost', 'nested subdomain'],
  ])('%s (%s) is 404', async (host) => {
    expect((await page(host)).status).toBe(404);
  });

  test('the site server runs without any admin credentials', () => {
    const env = sitesEnv({ CARBOT_AUTOMATION_TOKEN: 'admin-token', SECRET: 's', ADMIN_PASSWORD: 'p' });
    expect(Object.values(env)).not.toContain('admin-token');
    expect(env.SECRET).toBeUndefined();
    expect(env.ADMIN_PASSWORD).toBeUndefined();
  });
});

import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import type { Edge } from './index.ts';

/**
 * Not an external service, but Directus must know where the site server will listen (to purge its cache)
 * before the tests start one: this reserves the port and the shared purge secret for the whole run.
 * Test files start the built site server on that port one after another (files run sequentially).
 */
export async function startSites(): Promise<Edge> {
  const port = await new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port: p } = probe.address() as { port: number };
      probe.close(() => resolve(p));
    });
  });
  const secret = randomBytes(24).toString('base64url');
  return {
    name: 'sites',
    env: { CARBOT_SITES_URLS: `http://127.0.0.1:${port}`, CARBOT_PURGE_SECRET: secret, SITES_PORT: String(port) },
    urls: { sitesPort: String(port), sitesPurgeSecret: secret },
    close: async () => undefined,
  };
}

/**
 * The widget as a workshop embeds it on its own website: a site server (it serves widget.js), a host page
 * of another origin with the one script tag, and a client key of the first demo tenant's first published
 * workshop that allows that origin. Pages under /en/ embed it with data-lang="en", as an English page of
 * the site would.
 */
import type { ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Locator } from 'playwright-core';
import { inject } from 'vitest';
import { stop } from '../../scripts/lib/processes.ts';
import { sitesEnv, startSitesServer, waitForSites } from '../../scripts/lib/sites.ts';
import { tenants } from '../../seeds/demo/index.ts';
import { as, login } from './http.ts';

export type WidgetHost = {
  /** The host website's origin (http://127.0.0.1:port). */
  origin: string;
  sitesPort: number;
  key: string;
  close(): Promise<void>;
};

type HostOptions = {
  /** The client key's name in the admin. */
  keyName: string;
  /** What the host page has in <head> besides charset and title. */
  head?: string;
  title?: string;
  body?: string;
  /** Answers a request itself (a stylesheet, headers such as a CSP) before the page is sent; true = handled. */
  serve?: (req: IncomingMessage, res: ServerResponse, sitesPort: number) => boolean | undefined;
};

const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

export async function startWidgetHost(options: HostOptions): Promise<WidgetHost> {
  const probe = createServer();
  const sitesPort = await listen(probe);
  await new Promise((r) => probe.close(r));
  const env = sitesEnv({
    SITES_PORT: String(sitesPort),
    DIRECTUS_URL: inject('directusUrl'),
    CARBOT_SITES_TOKEN: inject('sitesToken'),
  });
  const sites: ChildProcess = startSitesServer(env, { quiet: true });
  await waitForSites(env);

  let key = '';
  const host = createServer((req, res) => {
    if (options.serve?.(req, res, sitesPort)) return;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    const lang = req.url?.startsWith('/en/') ? 'en' : 'de';
    res.end(`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${options.title ?? 'Autohaus Beispiel'}</title>${options.head ?? ''}</head>
<body><main>${options.body ?? '<h1>Autohaus Beispiel</h1>'}</main>
<script src="http://localhost:${sitesPort}/widget.js" data-client-key="${key}" data-lang="${lang}" async></script></body></html>`);
  });
  const origin = `http://127.0.0.1:${await listen(host)}`;

  const owner = await login(tenants[0]?.users[0]?.email as string, 'demo-carbot-2026');
  const workshop = (
    await as(owner).get('/items/workshops?fields=id&limit=1&sort=date_created&filter[status][_eq]=published')
  ).body.data[0].id;
  key = (await as(owner).post('/items/client_keys', { workshop, name: options.keyName, allowed_origins: [origin] }))
    .body.data.key;

  return {
    origin,
    sitesPort,
    key,
    async close() {
      await stop(sites);
      await new Promise((r) => host.close(r));
    },
  };
}

/** Waits until a locator's text contains `text` (the chat streams, so content grows over time). */
export async function waitForText(locator: Locator, text: string | RegExp, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = (await locator.textContent({ timeout: 1000 }).catch(() => '')) ?? '';
    if (typeof text === 'string' ? last.includes(text) : text.test(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`„${text}“ erschien nicht; zuletzt: ${last}`);
}

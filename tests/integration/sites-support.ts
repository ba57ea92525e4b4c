/**
 * Shared by the site-server tests: starts the built site server (Sites token only) on the port Directus
 * purges, fetches pages with a chosen Host header, and creates one published workshop per template plus a
 * Basic-plan workshop — the demo data has no published Oldtimer site and no published Basic workshop.
 */
import type { ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { inject } from 'vitest';
import { stop } from '../../scripts/lib/processes.ts';
import { sitesEnv, startSitesServer, waitForSites } from '../../scripts/lib/sites.ts';
import { admin } from '../support/http.ts';
import { ensureTemplateWorkshops as ensureWith } from './sites-fixtures.ts';

export { BASIC_WORKSHOP, TEMPLATES, templateSlug } from './sites-fixtures.ts';

export type Page = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

export async function startSites(extra: NodeJS.ProcessEnv = {}) {
  const { sitesPort, sitesPurgeSecret } = inject('edgeUrls');
  const env = {
    ...sitesEnv({
      SITES_PORT: sitesPort,
      DIRECTUS_URL: inject('directusUrl'),
      CARBOT_SITES_TOKEN: inject('sitesToken'),
      CARBOT_PURGE_SECRET: sitesPurgeSecret,
    }),
    ...extra,
  };
  const server: ChildProcess = startSitesServer(env, { quiet: true });
  await waitForSites(env);
  return { port: Number(sitesPort), secret: String(sitesPurgeSecret), stop: () => stop(server) };
}

/** GET (or another method) with a chosen Host header, which fetch() does not allow to set. */
export function get(
  port: number,
  host: string,
  path = '/',
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<Page>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { host, ...options.headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

/** Creates the template workshops through the admin API (idempotent: test files share one Directus). */
export const ensureTemplateWorkshops = () =>
  ensureWith((method, path, body) => (method === 'GET' ? admin().get(path) : admin().post(path, body)));

/** Every page type of a workshop site, as paths. */
export const PAGE_TYPES: [string, string][] = [
  ['home', '/'],
  ['services', '/leistungen'],
  ['about', '/ueber-uns'],
  ['contact', '/kontakt'],
  ['faq', '/faq'],
  ['blog', '/blog'],
  ['post', '/blog/reifenwechsel-tipps'],
  ['imprint', '/impressum'],
  ['privacy', '/datenschutz'],
  ['terms', '/agb'],
  ['english home', '/en/'],
  ['404', '/gibt-es-nicht'],
];

/** Every page of the platform site (the bare domain), as paths. */
export const PLATFORM_PAGE_TYPES: [string, string][] = [
  ['home', '/'],
  ['pricing', '/preise'],
  ['docs', '/widget-einbinden'],
  ['blog', '/blog'],
  ['imprint', '/impressum'],
  ['privacy', '/datenschutz'],
  ['terms', '/agb'],
  ['registration', '/registrieren'],
];

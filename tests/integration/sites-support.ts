/**
 * Shared by the site-server tests: starts the built site server (Sites token only) on the port Directus
 * purges, fetches pages with a chosen Host header, and creates one published workshop per template plus a
 * Basic-plan workshop — the demo data has no published Oldtimer site and no published Basic workshop.
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { inject } from 'vitest';
import { stop } from '../../scripts/lib/processes.ts';
import { sitesEnv, startSitesServer, waitForSites } from '../../scripts/lib/sites.ts';
import { tenants } from '../../seeds/demo/index.ts';
import { admin } from '../support/http.ts';
import { BASIC_WORKSHOP, ensureTemplateWorkshops as ensureWith, workshopId } from './sites-fixtures.ts';

export { BASIC_WORKSHOP, TEMPLATES, templateSlug } from './sites-fixtures.ts';

export type Page = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

export async function startSites(extra: NodeJS.ProcessEnv = {}) {
  const { sitesPort, sitesPurgeSecret } = inject('edgeUrls');
  const dist = snapshotSitesBuild();
  const env = {
    ...sitesEnv({
      SITES_PORT: sitesPort,
      DIRECTUS_URL: inject('directusUrl'),
      CARBOT_SITES_TOKEN: inject('sitesToken'),
      CARBOT_PURGE_SECRET: sitesPurgeSecret,
    }),
    SITES_DIST: dist,
    ...extra,
  };
  const server: ChildProcess = startSitesServer(env, { quiet: true });
  await waitForSites(env);
  return {
    port: Number(sitesPort),
    secret: String(sitesPurgeSecret),
    stop: async () => {
      await stop(server);
      rmSync(dist, { recursive: true, force: true });
    },
  };
}

/**
 * A copy of the site server's build for one test file: Astro loads page chunks lazily, so a rebuild while
 * the suite runs (`npm run build`, `npm start` in the same tree) would otherwise take them away from the
 * running server mid-test. Kept under sites/node_modules so the build's bare imports still resolve.
 */
function snapshotSitesBuild(): string {
  const root = join(import.meta.dirname, '../../sites');
  const target = join(root, 'node_modules/.cache/carbot-test-dist', `${process.pid}-${randomUUID()}`);
  cpSync(join(root, 'dist'), target, { recursive: true });
  return target;
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

/**
 * Creates the template workshops through the admin API (idempotent: test files share one Directus), and
 * verifies the custom domains the site tests request, as their owners would (TXT record at the DNS edge).
 */
export async function ensureTemplateWorkshops() {
  await ensureWith((method, path, body) => (method === 'GET' ? admin().get(path) : admin().post(path, body)));
  const beispiel = tenants[0]?.workshops[0] as { id: string; custom_domains: string[] };
  await verifyDomain(beispiel.id, String(beispiel.custom_domains[0]));
  await verifyDomain(workshopId(0), 'www.vorlage-klassisch.example');
  await verifyDomain(BASIC_WORKSHOP, 'www.basis-werkstatt.example');
}

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
  ['booking', '/termin'],
  ['polish booking', '/pl/termin'],
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

/**
 * Proves control of a workshop's custom domain the way its owner does: publishes the TXT record the admin
 * shows at the DNS edge and runs the check (`as` acts as the owner; the admin by default).
 */
export async function verifyDomain(workshopId: string, domain: string, as: ReturnType<typeof admin> = admin()) {
  const list = await as.get(`/carbot-domains/${workshopId}`);
  const entry = (list.body?.data ?? []).find((d: { domain: string }) => d.domain === domain);
  if (!entry) throw new Error(`Keine Domain ${domain} bei Werkstatt ${workshopId}: ${list.status} ${list.text}`);
  if (entry.status === 'verified') return entry;
  await publishTxt(entry.record.name, [entry.record.value]);
  const checked = await as.post(`/carbot-domains/${workshopId}/check`);
  return (checked.body?.data ?? []).find((d: { domain: string }) => d.domain === domain);
}

/** Sets (or with `null` removes) the TXT records of a name at the local DNS edge. */
export async function publishTxt(name: string, values: string[] | null) {
  const url = `${inject('edgeUrls').dnsControl}/records/${encodeURIComponent(name)}`;
  const res = await fetch(url, values ? { method: 'PUT', body: JSON.stringify(values) } : { method: 'DELETE' });
  if (res.status !== 204) throw new Error(`DNS-Edge: ${res.status}`);
}

/**
 * `npm run showcase` — the pictures on the platform's home page, made from the real product: every
 * template on a laptop and a phone, and the admin as a workshop owner sees it. Starts its own Directus
 * (SQLite, temp dir) with the demo data and the site server, photographs them with Chromium and writes
 * JPEGs to sites/public/showcase/. Run it after a visible change to the templates or the admin.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/support/browser.ts';
import { directusEnv, ROOT } from './lib/config.ts';
import { bootstrapDirectus, prepareDirectus, startDirectus } from './lib/platform.ts';
import { stop } from './lib/processes.ts';
import { seedBase, seedDemo } from './lib/seed.ts';
import { sitesEnv, startSitesServer, waitForSites } from './lib/sites.ts';

/** Which demo workshop shows which template; the oldtimer workshop gets a website for the picture. */
const SHOTS = [
  ['klassisch', 'kfz-schneider'],
  ['modern', 'emobil-bonn'],
  ['premium', 'autohaus-beispiel'],
  ['elektro', 'emobil-koeln'],
  ['oldtimer', 'oldtimer-brandl'],
] as const;
const OUT = join(ROOT, 'sites', 'public', 'showcase');
const CONSENT = { version: '', external: false, decidedAt: '' };

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'carbot-showcase-'));
  const directusPort = await freePort();
  const sitesPort = await freePort();
  const base: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'error',
    DB_CLIENT: 'sqlite3',
    CARBOT_PURGE_SECRET: `showcase-${Date.now()}`,
    CARBOT_SITES_URLS: `http://127.0.0.1:${sitesPort}`,
    SITES_PORT: String(sitesPort),
  };
  delete base.DB_FILENAME;
  const env = directusEnv({ port: directusPort, dataDir, base });
  console.log('Starte Directus und Site-Server …');
  await bootstrapDirectus(env);
  const directus = startDirectus(env, true);
  let sites: ReturnType<typeof startSitesServer> | undefined;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const quiet = () => undefined;
    const client = await prepareDirectus(env, quiet);
    await seedBase(client, quiet);
    await seedDemo(client, quiet);
    await publishOldtimer(env);
    const sEnv = sitesEnv({ ...env, SITES_PORT: String(sitesPort), DIRECTUS_URL: env.PUBLIC_URL });
    sites = startSitesServer(sEnv, { quiet: true });
    await waitForSites(sEnv);
    mkdirSync(OUT, { recursive: true });
    const { CONSENT_STORAGE_KEY, CONSENT_VERSION } = await import('../core/src/sites/consent.ts');
    const consent = JSON.stringify({ ...CONSENT, version: CONSENT_VERSION, decidedAt: new Date().toISOString() });
    for (const [template, slug] of SHOTS) {
      // The laptop also at half scale: the home page shows five of them side by side.
      for (const [device, width, height, scale] of [
        ['laptop', 1366, 768, 1],
        ['laptop-klein', 1366, 768, 0.5],
        ['phone', 390, 844, 1],
      ] as const) {
        const context = await browser.newContext({
          viewport: { width, height },
          deviceScaleFactor: scale,
          locale: 'de-DE',
        });
        await context.addInitScript(({ key, value }) => localStorage.setItem(key, value), {
          key: CONSENT_STORAGE_KEY,
          value: consent,
        });
        const page = await context.newPage();
        await page.goto(`http://${slug}.localhost:${sitesPort}/`, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready);
        await snap(page, `${template}-${device}`);
        await context.close();
      }
    }
    await adminShot(browser, env.PUBLIC_URL as string);
    console.log(`Bilder in ${OUT}`);
  } finally {
    await browser.close();
    if (sites) await stop(sites);
    await stop(directus);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const snap = (page: Page, name: string) =>
  page.screenshot({ path: join(OUT, `${name}.jpg`), type: 'jpeg', quality: 72, animations: 'disabled' });

/** The demo's oldtimer workshop is on the widget-only plan; for its picture it gets a website. */
async function publishOldtimer(env: NodeJS.ProcessEnv) {
  const api = (path: string, body?: unknown) =>
    fetch(`${env.PUBLIC_URL}${path}`, {
      method: body === undefined ? 'GET' : 'PATCH',
      headers: { authorization: `Bearer ${env.CARBOT_AUTOMATION_TOKEN}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then((r) => r.json() as Promise<{ data: { id: string; tenant: string }[] }>);
  const [workshop] = (await api('/items/workshops?filter[slug][_eq]=oldtimer-brandl&fields=id,tenant')).data;
  if (!workshop) throw new Error('Die Demo-Werkstatt oldtimer-brandl fehlt.');
  await api(`/items/tenants/${workshop.tenant}`, { plan: 'premium', subscription_status: 'active' });
  await api(`/items/workshops/${workshop.id}`, { status: 'published' });
}

/** The admin as the owner of the classic workshop sees it: the price list behind the website and the chat. */
async function adminShot(browser: Awaited<ReturnType<typeof chromium.launch>>, adminOrigin: string) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto(`${adminOrigin}/admin/login`);
  await page.fill('input[type="email"]', 'owner.schneider@example.com');
  await page.fill('input[type="password"]', 'demo-carbot-2026');
  await page.press('input[type="password"]', 'Enter');
  await page.waitForURL((u) => !u.pathname.endsWith('/login'), { timeout: 60_000 });
  await page.goto(`${adminOrigin}/admin/content/services`);
  await page.waitForLoadState('networkidle');
  await snap(page, 'admin-leistungen');
  await context.close();
}

await main();

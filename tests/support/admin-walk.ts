/**
 * Walks the Directus admin as one person would: signs in on the login page, notes where they land and
 * what their navigation offers, then opens every collection they can see — the list, an item and a new
 * item — and the file library, collecting everything that looks like an error to them: danger and
 * warning notices, notification toasts, console errors and failed requests.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';

export type Problem = { where: string; what: string };
export type Walk = {
  landing: string;
  navigation: string[];
  groups: string[];
  visited: string[];
  problems: Problem[];
};

const LONG = { timeout: 90_000 };

/**
 * Requests that fail by design before anyone is signed in, and that the login page handles without
 * telling the user anything. Everything else failing is a problem.
 */
const EXPECTED_BEFORE_SIGN_IN: { path: RegExp; status: number }[] = [
  // The app tries to refresh a session it does not have yet.
  { path: /^\/auth\/refresh$/, status: 400 },
  // Custom interface texts: the public role reads nothing, by design.
  { path: /^\/translations$/, status: 403 },
  // Chromium asks every origin for a favicon; Directus serves its icon under /admin.
  { path: /^\/favicon\.ico$/, status: 404 },
];

/** Directus shows a broken relation or a missing permission as a plain (info) notice. */
const BROKEN = /relationship|permission|forbidden|Beziehung|Berechtigung|Fehler|error/i;

export async function signIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/admin/login`);
  await page.fill('input[type="email"]', email);
  await page.fill('input[type="password"]', password);
  await page.click('button[type="submit"]');
  await page.waitForURL((u) => !u.pathname.endsWith('/login'), LONG);
}

/** Collects what a person would see as an error, page by page. */
export function watch(page: Page) {
  const problems: Problem[] = [];
  let where = 'login';
  page.on('console', (msg) => {
    // Failed loads are reported with their address by the response listener below.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource'))
      problems.push({ where, what: `console: ${msg.text()} (${msg.location().url})` });
  });
  page.on('pageerror', (err) => problems.push({ where, what: `script: ${err.message}` }));
  page.on('response', (res) => {
    if (res.status() < 400) return;
    const path = new URL(res.url()).pathname;
    const expected =
      where === 'login' && EXPECTED_BEFORE_SIGN_IN.some((e) => e.path.test(path) && e.status === res.status());
    if (!expected) problems.push({ where, what: `${res.request().method()} ${res.url()} → ${res.status()}` });
  });
  return {
    problems,
    at(place: string) {
      where = place;
    },
    /** Notices and toasts currently on screen that tell of an error or a broken field. */
    async collect() {
      const found = await page
        .locator('.v-notice, .notification-item')
        .filter({ visible: true })
        .evaluateAll((els) => els.map((e) => ({ cls: e.className, text: (e as HTMLElement).innerText })));
      for (const { cls, text } of found) {
        const bad = /\b(danger|warning|error)\b/.test(cls) || BROKEN.test(text);
        if (bad) problems.push({ where, what: `notice: ${text.trim().replace(/\s+/g, ' ')}` });
      }
    },
  };
}

/** Directus keeps earlier views alive but hidden; wait for the one on screen. */
async function visible(page: Page, selector: string) {
  try {
    await page.locator(selector).filter({ visible: true }).first().waitFor(LONG);
  } catch (error) {
    const shot = join(tmpdir(), `admin-walk-${Date.now()}.png`);
    await page.screenshot({ path: shot }).catch(() => undefined);
    throw new Error(`${selector} erscheint nicht auf ${page.url()} (Bild: ${shot}): ${(error as Error).message}`);
  }
}

/** Waits until Directus has finished loading what the current view shows. */
export async function settled(page: Page) {
  await page.waitForLoadState('networkidle', LONG);
  await page.waitForFunction(
    () => document.querySelectorAll('.v-progress-circular, .v-skeleton-loader').length === 0,
    null,
    LONG,
  );
}

/**
 * Clicks an entry of a list as a person would (on its first cell, not on a link or label inside it)
 * and waits for its page; when the page does not come, the screen at that moment is kept for the
 * report.
 */
async function openFromList(page: Page, row: Locator, isItem: (u: URL) => boolean, name: string) {
  // A table row starts with a drag handle (manual sort) and a selection checkbox; a card is clicked whole.
  const data = row
    .locator('td')
    .filter({ hasNot: page.locator('.v-checkbox, input[type="checkbox"], [data-icon="drag_handle"], .drag-handle') });
  const cell = (await data.count()) > 0 ? data.first() : row;
  await cell.scrollIntoViewIfNeeded(LONG);
  try {
    await Promise.all([page.waitForURL(isItem, LONG), cell.click(LONG)]);
  } catch (error) {
    await page.screenshot({ path: join(tmpdir(), `admin-walk-${name}.png`) }).catch(() => undefined);
    throw error;
  }
}

/** The collections in the content navigation, with all groups opened. */
export async function navigation(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/admin/content`);
  await page.waitForSelector('.content-navigation', LONG);
  await settled(page);
  const links = await page
    .locator('.content-navigation a[href*="/admin/content/"]')
    .evaluateAll((els) => els.map((e) => new URL((e as HTMLAnchorElement).href).pathname.split('/')[3] as string));
  const groups = await page
    .locator('.content-navigation .v-list-group > .v-list-item, .content-navigation .v-list-item')
    .allInnerTexts();
  return { collections: [...new Set(links)], labels: groups.map((g) => g.trim()).filter(Boolean) };
}

export async function walkCollections(page: Page, baseUrl: string, collections: string[], w: ReturnType<typeof watch>) {
  const visited: string[] = [];
  for (const collection of collections) {
    w.at(`${collection} (Liste)`);
    await page.goto(`${baseUrl}/admin/content/${collection}`);
    // Appointments open in the calendar layout (FullCalendar, `.fc`).
    await visible(page, '.layout-tabular, .v-info, .layout-cards, .fc');
    await settled(page);
    await w.collect();
    visited.push(`${collection}:list`);
    const canCreate = (await page.locator('.header-bar a[href$="/+"]').filter({ visible: true }).count()) > 0;
    const row = page.locator('.layout-tabular tbody tr.table-row').filter({ visible: true }).first();
    if ((await row.count()) > 0) {
      w.at(`${collection} (Eintrag)`);
      await openFromList(page, row, (u) => /\/admin\/content\/[^/]+\/[^/+]+$/.test(u.pathname), collection);
      await visible(page, '.v-form');
      await settled(page);
      await w.collect();
      visited.push(`${collection}:item`);
    }
    if (canCreate) {
      w.at(`${collection} (neu)`);
      await page.goto(`${baseUrl}/admin/content/${collection}/+`);
      await visible(page, '.v-form');
      await settled(page);
      await w.collect();
      visited.push(`${collection}:new`);
    }
  }
  return visited;
}

export async function walkFiles(page: Page, baseUrl: string, w: ReturnType<typeof watch>) {
  const visited: string[] = [];
  w.at('Dateibibliothek');
  await page.goto(`${baseUrl}/admin/files`);
  await visible(page, '.layout-cards, .layout-tabular, .v-info');
  await settled(page);
  await w.collect();
  visited.push('files:list');
  const card = page
    .locator('.layout-cards .card, .layout-tabular tbody tr.table-row')
    .filter({ visible: true })
    .first();
  if ((await card.count()) > 0) {
    w.at('Datei');
    await openFromList(page, card, (u) => /\/admin\/files\/[0-9a-f-]{36}$/.test(u.pathname), 'files');
    await visible(page, '.v-form');
    await settled(page);
    await w.collect();
    visited.push('files:item');
  }
  return visited;
}

export async function screenshot(page: Page, dir: string, name: string) {
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: false });
}

export async function walkRole(
  browser: Browser,
  options: { baseUrl: string; email: string; password: string; artifacts: string; name: string; form?: string },
): Promise<Walk> {
  const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const w = watch(page);
  try {
    await signIn(page, options.baseUrl, options.email, options.password);
    w.at('nach der Anmeldung');
    await settled(page);
    const landing = new URL(page.url()).pathname;
    w.at(`Start ${landing}`);
    await w.collect();
    await screenshot(page, options.artifacts, `${options.name}-start`);
    const nav = await navigation(page, options.baseUrl);
    const visited = await walkCollections(page, options.baseUrl, nav.collections, w);
    visited.push(...(await walkFiles(page, options.baseUrl, w)));
    if (options.form) {
      await page.goto(`${options.baseUrl}/admin/content/${options.form}/+`);
      await visible(page, '.v-form');
      await settled(page);
      await screenshot(page, options.artifacts, `${options.name}-form-${options.form}`);
    }
    return { landing, navigation: nav.collections, groups: nav.labels, visited, problems: w.problems };
  } finally {
    await context.close();
  }
}

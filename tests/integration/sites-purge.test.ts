/**
 * Per-tenant page cache: saving or publishing in Directus purges exactly the owning tenant's pages on the
 * site server (hook → authenticated purge endpoint); other tenants' cached pages stay cached.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { platform, tenants } from '../../seeds/demo/index.ts';
import { makeTenant, unique } from '../support/billing.ts';
import { admin } from '../support/http.ts';
import { get, startSites } from './sites-support.ts';

let sites: Awaited<ReturnType<typeof startSites>>;
beforeAll(async () => {
  sites = await startSites();
});
afterAll(() => sites?.stop());

const [beispiel, schneider] = tenants;
const page = (host: string, path = '/') => get(sites.port, host, path);
const cacheState = async (host: string, path = '/') => (await page(host, path)).headers['x-carbot-cache'];

/** Loads a page until it is served from the cache. */
async function warm(host: string, path = '/') {
  await page(host, path);
  expect(await cacheState(host, path)).toBe('hit');
}

describe('purge on save', () => {
  const service = schneider?.services[0];
  const serviceId = String(service?.id);
  const originalPrice = Number(service?.price);

  afterAll(async () => {
    await admin().patch(`/items/services/${serviceId}`, { price: originalPrice });
  });

  test('a price edit shows on the tenant’s site; other tenants stay cached', async () => {
    await warm('kfz-schneider.localhost', '/leistungen');
    await warm('kfz-schneider.localhost', '/en/leistungen');
    await warm('autohaus-beispiel.localhost', '/leistungen');
    await warm('localhost', '/');

    const res = await admin().patch(`/items/services/${serviceId}`, { price: 1234.5 });
    expect(res.status).toBe(200);

    await expect
      .poll(async () => (await page('kfz-schneider.localhost', '/leistungen')).body.replaceAll('\u00a0', ' '))
      .toContain('1.234,50 €');
    expect((await page('kfz-schneider.localhost', '/en/leistungen')).body.replaceAll('\u00a0', ' ')).toContain(
      '€1,234.50',
    );
    // Exactly that tenant: another tenant's pages and the platform site were not purged.
    expect(await cacheState('autohaus-beispiel.localhost', '/leistungen')).toBe('hit');
    expect(await cacheState('localhost', '/')).toBe('hit');
  });

  test('publishing a draft post makes it appear, unpublishing removes it again', async () => {
    const draft = schneider?.posts.find((p) => p.status === 'draft');
    const path = `/blog/${draft?.slug}`;
    await warm('kfz-schneider.localhost', '/blog');
    expect((await page('kfz-schneider.localhost', path)).status).toBe(404);
    await warm('autohaus-beispiel.localhost', '/blog');

    await admin().patch(`/items/posts/${draft?.id}`, { status: 'published', published_at: '2026-01-01T08:00:00Z' });
    try {
      await expect.poll(async () => (await page('kfz-schneider.localhost', path)).status).toBe(200);
      const title = ((draft?.translations ?? []) as { title: string }[])[0]?.title ?? '';
      expect((await page('kfz-schneider.localhost', '/blog')).body).toContain(title);
      expect(await cacheState('autohaus-beispiel.localhost', '/blog')).toBe('hit');
    } finally {
      await admin().patch(`/items/posts/${draft?.id}`, { status: 'draft', published_at: null });
    }
    await expect.poll(async () => (await page('kfz-schneider.localhost', path)).status).toBe(404);
  });

  test('a translation edit purges too (the translation row carries the tenant)', async () => {
    const read = await admin().get(
      `/items/workshops_translations?filter[workshops_id][_eq]=${beispiel?.workshops[0]?.id}&filter[languages_code][_eq]=en&fields=id,tagline`,
    );
    const row = read.body.data[0] as { id: number; tagline: string };
    await warm('autohaus-beispiel.localhost', '/en/');
    await warm('kfz-schneider.localhost', '/en/');
    await admin().patch(`/items/workshops_translations/${row.id}`, { tagline: 'Frisch geänderter Slogan' });
    try {
      await expect
        .poll(async () => (await page('autohaus-beispiel.localhost', '/en/')).body)
        .toContain('Frisch geänderter Slogan');
      expect(await cacheState('kfz-schneider.localhost', '/en/')).toBe('hit');
    } finally {
      await admin().patch(`/items/workshops_translations/${row.id}`, { tagline: row.tagline });
    }
  });

  test('platform content purges the platform site only', async () => {
    const post = platform.posts.find((p) => p.status === 'published');
    await warm('localhost', '/blog');
    await warm('kfz-schneider.localhost', '/');
    await admin().patch(`/items/posts/${post?.id}`, { author: 'Neuer Autor' });
    try {
      await expect.poll(async () => cacheState('localhost', '/blog')).toBe('miss');
      expect(await cacheState('kfz-schneider.localhost', '/')).toBe('hit');
    } finally {
      await admin().patch(`/items/posts/${post?.id}`, { author: post?.author ?? null });
    }
  });

  test('unpublishing a workshop takes its site offline', async () => {
    const id = schneider?.workshops[0]?.id;
    await warm('kfz-schneider.localhost', '/');
    await admin().patch(`/items/workshops/${id}`, { status: 'draft' });
    try {
      await expect.poll(async () => (await page('kfz-schneider.localhost', '/')).status).toBe(404);
    } finally {
      await admin().patch(`/items/workshops/${id}`, { status: 'published' });
    }
    await expect.poll(async () => (await page('kfz-schneider.localhost', '/')).status).toBe(200);
  });
});

describe('catalog edits', () => {
  /** Polls until a page is rendered afresh (the purge arrives just after the save). */
  async function purgedWithin(host: string, ms: number) {
    const deadline = Date.now() + ms;
    let state = await cacheState(host);
    while (state !== 'miss' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      state = await cacheState(host);
    }
    return state;
  }

  test.each([
    ['a plan', '/items/plans/premium', 'Premium'],
    ['a template', '/items/site_templates/klassisch', 'Klassische Werkstatt'],
  ])('%s edit purges the workshops built on it and the platform site, no others', async (_, path, name) => {
    // Schneider: Premium plan, template "klassisch"; Beispiel: Enterprise plan, template "premium".
    await warm('kfz-schneider.localhost');
    await warm('autohaus-beispiel.localhost');
    await warm('localhost');
    await admin().patch(path, { name: `${name} (geändert)` });
    try {
      expect(await purgedWithin('kfz-schneider.localhost', 10_000)).toBe('miss');
      expect(await purgedWithin('localhost', 10_000)).toBe('miss');
      expect(await cacheState('autohaus-beispiel.localhost')).toBe('hit');
    } finally {
      await admin().patch(path, { name });
    }
    // The restore purges as well; wait for it so the next test starts from a settled cache.
    expect(await purgedWithin('kfz-schneider.localhost', 10_000)).toBe('miss');
  });
});

describe('paused subscriptions never come from the cache', () => {
  const DAY = 86_400_000;
  async function cachedSite(tenant: Record<string, unknown>) {
    const t = await makeTenant(tenant);
    const slug = `pause-${unique()}`;
    const res = await admin().post('/items/workshops', {
      tenant: t.id,
      name: `Werkstatt ${slug}`,
      slug,
      status: 'published',
      template: 'klassisch',
      languages: ['de'],
    });
    expect(res.status, res.text).toBe(200);
    await warm(`${slug}.localhost`);
    return { tenant: t.id, host: `${slug}.localhost` };
  }
  /** Polls until the site shows the neutral notice (the server may take a purge round trip). */
  async function pausedWithin(host: string, ms: number) {
    const deadline = Date.now() + ms;
    let last = await page(host);
    while (last.status !== 503 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      last = await page(host);
    }
    return last;
  }

  test('a payment lapsing beyond the grace period pauses a cached site (tenant save → purge)', async () => {
    const { tenant, host } = await cachedSite({ subscription_status: 'active' });
    await admin().patch(`/items/tenants/${tenant}`, {
      subscription_status: 'past_due',
      past_due_since: new Date(Date.now() - 10 * DAY).toISOString(),
    });
    const paused = await pausedWithin(host, 10_000);
    expect(paused.status).toBe(503);
    expect(paused.headers['x-carbot-cache']).toBeUndefined();
  });

  test('a trial that ends while its pages are cached pauses the site when it ends, without any save', async () => {
    const { tenant, host } = await cachedSite({});
    // The trial end is set before the pages are cached again; after that nothing is saved any more.
    const end = Date.now() + 4000;
    await admin().patch(`/items/tenants/${tenant}`, { trial_ends_at: new Date(end).toISOString() });
    while ((await page(host)).headers['x-carbot-cache'] !== 'miss') await new Promise((r) => setTimeout(r, 50));
    expect(await cacheState(host)).toBe('hit');
    await new Promise((r) => setTimeout(r, Math.max(0, end - Date.now())));
    const paused = await pausedWithin(host, 5000);
    expect(paused.status).toBe(503);
    expect(paused.body).toContain('vorübergehend nicht erreichbar');
  });
});

/**
 * Per-tenant page cache: saving or publishing in Directus purges exactly the owning tenant's pages on the
 * site server (hook → authenticated purge endpoint); other tenants' cached pages stay cached.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { platform, tenants } from '../../seeds/demo/index.ts';
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

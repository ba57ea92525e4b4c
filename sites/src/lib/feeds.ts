/** sitemap.xml, robots.txt and RSS of the requested site. */
import { canonicalOrigin } from '@carbot/core/sites/headers';
import { alternates, type Lang, localePath, translate } from '@carbot/core/sites/i18n';
import {
  blogPagePath,
  PLATFORM_PATHS,
  pageCount,
  postPath,
  shownWorkshopPaths,
  vehiclePath,
} from '@carbot/core/sites/routes';
import { plainExcerpt, robotsTxt, rssXml, type SitemapEntry, sitemapXml } from '@carbot/core/sites/seo';
import { postsOf, vehicleSitemap } from './directus/index.ts';
import { contentOf, ownerOf, type Site } from './site.ts';
import { UI } from './ui.ts';

export const originOf = (site: Site, requestOrigin: string) =>
  site.kind === 'workshop'
    ? canonicalOrigin(site.workshop.custom_domains, site.customDomains, requestOrigin)
    : requestOrigin;

async function allPosts(site: Site) {
  const first = await postsOf(ownerOf(site), 1, 100);
  const pages = pageCount(first.total, 100);
  const rest = await Promise.all(Array.from({ length: pages - 1 }, (_, i) => postsOf(ownerOf(site), i + 2, 100)));
  return { posts: [first, ...rest].flatMap((p) => p.posts), total: first.total };
}

export async function sitemap(site: Site, requestOrigin: string): Promise<string> {
  const origin = originOf(site, requestOrigin);
  const entry = (path: string, lastmod?: string | null, langs = site.langs): SitemapEntry[] =>
    langs.map((lang) => ({
      loc: origin + localePath(lang, path),
      lastmod,
      alternates: site.langs.length > 1 ? alternates(origin, path, site.langs) : [],
    }));
  const { posts, total } = await allPosts(site);
  const entries =
    site.kind === 'workshop'
      ? // Pages left out because they would be empty (core/sites/routes) are no entries either, per language.
        [...new Set(site.langs.flatMap((lang) => shownWorkshopPaths(contentOf(site, lang))))].flatMap((p) =>
          entry(
            p,
            p === '/' ? site.workshop.date_updated : null,
            site.langs.filter((lang) => shownWorkshopPaths(contentOf(site, lang)).includes(p)),
          ),
        )
      : Object.values(PLATFORM_PATHS).flatMap((p) => entry(p));
  for (let n = 2; n <= pageCount(total, 6); n++) entries.push(...entry(blogPagePath(n)));
  for (const post of posts) entries.push(...entry(postPath(post.slug), post.date_updated ?? post.published_at));
  if (site.kind === 'workshop' && site.hasVehicles) {
    for (const v of await vehicleSitemap(site.workshop.id)) entries.push(...entry(vehiclePath(v.id), v.date_updated));
  }
  return sitemapXml(entries);
}

export const robots = (site: Site, requestOrigin: string) => robotsTxt(originOf(site, requestOrigin));

export async function rss(site: Site, requestOrigin: string, lang: Lang): Promise<string> {
  const origin = originOf(site, requestOrigin);
  const { posts } = await postsOf(ownerOf(site), 1, 20);
  const name = site.kind === 'workshop' ? site.workshop.name : 'CarBot';
  return rssXml(
    {
      title: `${name} – ${UI[lang].blog}`,
      link: origin + localePath(lang, '/blog'),
      description:
        site.kind === 'workshop' ? `${UI[lang].latestPosts} – ${name}` : 'Neues für Kfz-Werkstätten von CarBot',
      lang,
      self: origin + localePath(lang, '/blog/rss.xml'),
    },
    posts.map((p) => {
      const tr = translate(p.translations, lang);
      return {
        title: tr.title ?? '',
        link: origin + localePath(lang, postPath(p.slug)),
        description: tr.excerpt || plainExcerpt(tr.content, 300),
        pubDate: p.published_at,
      };
    }),
  );
}

/** Builders for sitemap.xml, robots.txt and the RSS feed. Pure string output, escaped for XML. */
import { escapeHtml as escapeXml } from '../text/escape.ts';
import type { Alternate } from './i18n.ts';

export type SitemapEntry = { loc: string; lastmod?: string | null; alternates?: Alternate[] };

/** A sitemap with xhtml:link alternates, so every language version of a page is announced. */
export function sitemapXml(entries: SitemapEntry[]): string {
  const urls = entries.map((e) => {
    const lastmod = e.lastmod ? `<lastmod>${escapeXml(e.lastmod.slice(0, 10))}</lastmod>` : '';
    const links = (e.alternates ?? [])
      .map((a) => `<xhtml:link rel="alternate" hreflang="${escapeXml(a.hreflang)}" href="${escapeXml(a.href)}"/>`)
      .join('');
    return `<url><loc>${escapeXml(e.loc)}</loc>${lastmod}${links}</url>`;
  });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' +
    urls.join('\n') +
    '\n</urlset>\n'
  );
}

/** robots.txt: everything public is crawlable; preview links and internal endpoints are not. */
export function robotsTxt(origin: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /_carbot/',
    'Disallow: /*?preview=',
    '',
    `Sitemap: ${origin}/sitemap.xml`,
    '',
  ].join('\n');
}

export type RssItem = { title: string; link: string; description: string; pubDate: string | null };

export function rssXml(
  channel: { title: string; link: string; description: string; lang: string; self: string },
  items: RssItem[],
) {
  const body = items
    .map((i) =>
      [
        '<item>',
        `<title>${escapeXml(i.title)}</title>`,
        `<link>${escapeXml(i.link)}</link>`,
        `<guid isPermaLink="true">${escapeXml(i.link)}</guid>`,
        `<description>${escapeXml(i.description)}</description>`,
        i.pubDate ? `<pubDate>${new Date(i.pubDate).toUTCString()}</pubDate>` : '',
        '</item>',
      ].join(''),
    )
    .join('\n');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>' +
    `<title>${escapeXml(channel.title)}</title><link>${escapeXml(channel.link)}</link>` +
    `<description>${escapeXml(channel.description)}</description><language>${escapeXml(channel.lang)}</language>` +
    `<atom:link href="${escapeXml(channel.self)}" rel="self" type="application/rss+xml"/>\n${body}\n</channel></rss>\n`
  );
}

/** Plain-text excerpt from Markdown-ish content, for descriptions and feeds. */
export function plainExcerpt(text: string | null | undefined, max = 160): string {
  const plain = (text ?? '')
    .replace(/[#*_>`[\]]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}

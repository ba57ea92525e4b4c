import { isLang } from '@carbot/core/sites/i18n';
import type { APIRoute } from 'astro';
import { rss } from '../../../lib/feeds.ts';

export const GET: APIRoute = async ({ locals, params }) => {
  const lang = params.lang;
  if (!isLang(lang) || lang === 'de' || !locals.site.langs.includes(lang)) {
    return new Response('Nicht gefunden.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  return new Response(await rss(locals.site, locals.origin, lang), {
    headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
  });
};

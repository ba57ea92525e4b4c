import type { APIRoute } from 'astro';
import { rss } from '../../lib/feeds.ts';

export const GET: APIRoute = async ({ locals }) =>
  new Response(await rss(locals.site, locals.origin, 'de'), {
    headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
  });

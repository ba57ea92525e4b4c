import type { APIRoute } from 'astro';
import { sitemap } from '../lib/feeds.ts';

export const GET: APIRoute = async ({ locals }) =>
  new Response(await sitemap(locals.site, locals.origin), {
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  });

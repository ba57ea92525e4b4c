import type { APIRoute } from 'astro';
import { robots } from '../lib/feeds.ts';

export const GET: APIRoute = ({ locals }) =>
  new Response(robots(locals.site, locals.origin), { headers: { 'content-type': 'text/plain; charset=utf-8' } });

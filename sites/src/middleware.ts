import { defineMiddleware } from 'astro:middleware';
import { resolveHost } from '@carbot/core/hosts';
import { workshopByDomain, workshopBySlug } from './lib/directus/index.ts';

const notFound = () =>
  new Response('Diese Adresse gehört zu keiner Website auf CarBot.', {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });

/** Resolves the tenant from the Host header before anything else runs. */
export const onRequest = defineMiddleware(async (context, next) => {
  const target = resolveHost(context.request.headers.get('host'), process.env.SITES_DOMAIN ?? 'localhost');
  if (target.kind === 'unknown') return notFound();
  if (target.kind === 'platform') {
    context.locals.site = { kind: 'platform' };
    return next();
  }
  let workshop: Awaited<ReturnType<typeof workshopBySlug>>;
  try {
    workshop =
      target.kind === 'workshop-slug' ? await workshopBySlug(target.slug) : await workshopByDomain(target.domain);
  } catch (error) {
    console.error('Directus nicht erreichbar:', (error as Error).message);
    return new Response('Die Website ist gerade nicht erreichbar. Bitte versuchen Sie es in einer Minute erneut.', {
      status: 503,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'retry-after': '60' },
    });
  }
  if (!workshop) return notFound();
  context.locals.site = { kind: 'workshop', workshop };
  return next();
});

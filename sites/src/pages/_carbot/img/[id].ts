/**
 * Images through Directus's asset transformations, served from the site's own origin (no third-party
 * request): fixed widths only, so nobody can make us render arbitrary sizes; format chosen by Directus
 * from the browser's Accept header (AVIF/WebP).
 */
import type { APIRoute } from 'astro';
import { fetchAsset } from '../../../lib/directus/index.ts';

const WIDTHS = new Set([160, 320, 480, 640, 960, 1200, 1440]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const GET: APIRoute = async ({ params, url }) => {
  const width = Number(url.searchParams.get('w') ?? 960);
  if (!UUID.test(params.id ?? '') || !WIDTHS.has(width)) {
    return new Response('Unbekanntes Bild oder ungültige Breite.', {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  const upstream = await fetchAsset(
    params.id as string,
    new URLSearchParams({ width: String(width), format: 'auto', quality: '75' }),
  );
  if (!upstream.ok)
    return new Response('Bild nicht gefunden.', {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  return new Response(upstream.body, {
    headers: {
      'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream',
      'cache-control': 'public, max-age=86400',
      vary: 'Accept',
    },
  });
};

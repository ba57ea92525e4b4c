/**
 * `/_carbot/img/…` (core/sites/images): answered by the middleware, because Astro never routes pages
 * whose path starts with an underscore. The Sites token limits which files exist here: only those that
 * published content shows (schema/access.ts).
 */
import { parseImageRequest, transformParams } from '@carbot/core/sites/images';
import { fetchAsset } from './directus/index.ts';
import { previewAsset } from './preview.ts';

const notFound = () =>
  new Response('Unbekanntes Bild oder ungültige Breite.', {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });

export async function imageResponse(url: URL, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Nur GET ist erlaubt.', { status: 405, headers: { allow: 'GET, HEAD' } });
  }
  const image = parseImageRequest(url.pathname, url.searchParams);
  if (!image) return notFound();
  // Images of a draft preview come through the preview link's token: the Sites token cannot read them yet.
  const preview = url.searchParams.get('preview');
  const accept = request.headers.get('accept');
  const upstream = preview
    ? await previewAsset(preview, image.id, image.width, accept)
    : await fetchAsset(image.id, transformParams(image.width), accept);
  if (!upstream.ok) {
    await upstream.body?.cancel();
    // 403 (not published) and 404 look the same to visitors; anything else is Directus's trouble.
    if (upstream.status === 403 || upstream.status === 404) return notFound();
    throw new Error(`Bild ${image.id}: Directus antwortet ${upstream.status}`);
  }
  return new Response(request.method === 'HEAD' ? null : upstream.body, {
    headers: {
      'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream',
      'cache-control': preview ? 'private, no-store' : 'public, max-age=86400',
      vary: 'Accept',
    },
  });
}

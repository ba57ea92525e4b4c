/**
 * The site's image route, `/_carbot/img/{file id}?w={width}`: Directus's asset transformations served from
 * the site's own origin, so pages make no third-party request. Only fixed widths, so nobody can make
 * Directus render arbitrary sizes.
 */
export const IMAGE_PREFIX = '/_carbot/img/';
export const IMAGE_WIDTHS: readonly number[] = [160, 320, 480, 640, 960, 1200, 1440];
const DEFAULT_WIDTH = 960;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type ImageRequest = { id: string; width: number };

/** The file and width a request names, or null when it is no valid image address (the route answers 404). */
export function parseImageRequest(pathname: string, search: URLSearchParams): ImageRequest | null {
  if (!pathname.startsWith(IMAGE_PREFIX)) return null;
  const id = pathname.slice(IMAGE_PREFIX.length);
  const w = search.get('w');
  const width = w === null ? DEFAULT_WIDTH : /^\d{1,4}$/.test(w) ? Number(w) : Number.NaN;
  if (!UUID.test(id) || !IMAGE_WIDTHS.includes(width)) return null;
  return { id, width };
}

/**
 * The address of a file at one of the allowed widths (the nearest allowed one at or above `width`); in a
 * draft preview with the preview link's token, which is what lets the site server fetch unpublished images.
 */
export function imagePath(id: string, width: number, previewToken?: string): string {
  const w = IMAGE_WIDTHS.find((x) => x >= width) ?? (IMAGE_WIDTHS.at(-1) as number);
  return `${IMAGE_PREFIX}${id}?w=${w}${previewToken ? `&preview=${encodeURIComponent(previewToken)}` : ''}`;
}

/**
 * Directus's transformation parameters: the browser's preferred format (AVIF/WebP through `format=auto`
 * and the forwarded Accept header), never wider than the original (a small logo is not blown up).
 */
export function transformParams(width: number): URLSearchParams {
  return new URLSearchParams({ width: String(width), format: 'auto', quality: '75', withoutEnlargement: 'true' });
}

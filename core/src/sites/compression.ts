/**
 * Compressed responses of the site server: cached pages and the build's text files (CSS, JS, SVG) are
 * compressed once and kept, so a visitor on a phone downloads a fifth of the bytes while a cache hit
 * still costs no more than a static file. Brotli where the browser takes it, else gzip.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/**
 * The encoding to answer with for an Accept-Encoding header: brotli before gzip, never one the client
 * ruled out with q=0; null for none.
 */
export function pickEncoding(acceptEncoding: string | null | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const weight = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    q.set(name.trim(), weight === undefined ? 1 : Number(weight));
  }
  const accepts = (name: Encoding) => (q.get(name) ?? (q.get('*') || 0)) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return null;
}

/** Content types worth compressing (images and fonts are compressed already). */
export function compressible(contentType: string | null | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return (
    type.startsWith('text/') ||
    type === 'application/javascript' ||
    type === 'application/json' ||
    type === 'application/xml' ||
    type === 'application/rss+xml' ||
    type === 'application/manifest+json' ||
    type === 'image/svg+xml'
  );
}

/** Bodies smaller than this gain nothing worth a header. */
const MIN_BYTES = 1024;

/**
 * `body` compressed for `encoding`, or null when it is too small to be worth it. `level` trades time for
 * size: build files are compressed once per process at the highest level, pages at a quick one.
 */
export function compress(body: Uint8Array, encoding: Encoding, level: 'max' | 'fast'): Uint8Array | null {
  if (body.byteLength < MIN_BYTES) return null;
  if (encoding === 'gzip') return gzipSync(body, { level: level === 'max' ? 9 : 6 });
  return brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: level === 'max' ? 11 : 5,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
    },
  });
}

/** A Vary header value that names Accept-Encoding once, keeping whatever it named before. */
export function varyWithEncoding(vary: string | null | undefined): string {
  const names = (vary ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  return names.some((n) => n.toLowerCase() === 'accept-encoding')
    ? names.join(', ')
    : [...names, 'Accept-Encoding'].join(', ');
}

import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { compress, compressible, pickEncoding, varyWithEncoding } from './compression.ts';

describe('compressed responses', () => {
  test.each([
    [null, null],
    ['', null],
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0.5, gzip;q=1', 'br'],
    ['identity', null],
    ['*', 'br'],
    ['*;q=0, gzip', 'gzip'],
    ['gzip;q=0', null],
    ['deflate', null],
  ])('pickEncoding(%j) → %j', (header, expected) => {
    expect(pickEncoding(header)).toBe(expected);
  });

  test.each([
    ['text/html; charset=utf-8', true],
    ['text/css', true],
    ['text/javascript; charset=utf-8', true],
    ['application/javascript', true],
    ['application/rss+xml; charset=utf-8', true],
    ['image/svg+xml', true],
    ['image/avif', false],
    ['font/woff2', false],
    ['image/jpeg', false],
    [null, false],
  ])('compressible(%j) → %j', (type, expected) => {
    expect(compressible(type)).toBe(expected);
  });

  test.each([
    ['br', 'max'],
    ['br', 'fast'],
    ['gzip', 'max'],
    ['gzip', 'fast'],
  ] as const)('%s (%s) round-trips and shrinks a page', (encoding, level) => {
    const html = new TextEncoder().encode(`<!doctype html>${'<p>Ölwechsel ab 89 €</p>'.repeat(200)}`);
    const packed = compress(html, encoding, level);
    expect(packed).not.toBeNull();
    expect((packed as Uint8Array).byteLength).toBeLessThan(html.byteLength / 5);
    const back = encoding === 'br' ? brotliDecompressSync(packed as Uint8Array) : gunzipSync(packed as Uint8Array);
    expect(new Uint8Array(back)).toEqual(html);
  });

  test('a tiny body stays as it is', () => {
    expect(compress(new TextEncoder().encode('ok'), 'br', 'fast')).toBeNull();
  });

  test.each([
    [null, 'Accept-Encoding'],
    ['Accept-Encoding', 'Accept-Encoding'],
    ['accept-encoding', 'accept-encoding'],
    ['Origin', 'Origin, Accept-Encoding'],
  ])('varyWithEncoding(%j) → %j', (vary, expected) => {
    expect(varyWithEncoding(vary)).toBe(expected);
  });
});

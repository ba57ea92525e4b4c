/**
 * The rendered-page cache of the site server: entries keyed by host + path (+ a whitelisted query), tagged
 * with the tenant they belong to, so a purge drops exactly one tenant's pages and nothing else.
 */
import { pageQuery } from './query.ts';

export const PLATFORM_TAG = 'platform';

/**
 * Scheme, host, path and the query parameters the page reads, in the page's own parse (`pageQuery`);
 * everything else (tracking ids, junk, invalid values) is ignored by the page and the key alike.
 */
export function cacheKey(origin: string, url: URL): string {
  const query = pageQuery(url.pathname, url.searchParams);
  return `${origin}${url.pathname}${query ? `?${query}` : ''}`;
}

export type CachedPage = {
  status: number;
  headers: [string, string][];
  body: Uint8Array;
  tag: string;
  /** The workshop whose page this is (page views of cache hits are counted for it); none on the platform site. */
  workshop?: string | null;
  storedAt: number;
  /** When the site itself may stop being served (a trial or grace period ends); no purge marks that. */
  expiresAt?: number | null;
};

/**
 * A page that changes at a known moment (a seasonal offer begins or ends) says when in this header; the
 * site server keeps it in the cache until then and never sends the header to the visitor.
 */
export const EXPIRES_HEADER = 'x-carbot-expires';

/** The earlier of the site's own end (trial, grace period) and the page's, as epoch ms, or null. */
export function pageExpiry(siteUntil: number | null, pageHeader: string | null): number | null {
  const page = pageHeader && /^\d{1,15}$/.test(pageHeader) ? Number(pageHeader) : null;
  const both = [siteUntil, page].filter((t): t is number => t !== null);
  return both.length ? Math.min(...both) : null;
}

/** Response headers that must never be replayed from the cache. */
const UNCACHEABLE_HEADERS = new Set(['set-cookie']);

export function cacheableHeaders(headers: Iterable<[string, string]>): [string, string][] | null {
  const out: [string, string][] = [];
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    if (UNCACHEABLE_HEADERS.has(lower)) return null;
    if (lower === 'cache-control' && /no-store|private/.test(value)) return null;
    // Our key has no request headers in it, so a response that varies on one cannot be shared.
    if (lower === 'vary' && value.split(',').some((v) => v.trim().toLowerCase() !== 'accept-encoding')) return null;
    out.push([lower, value]);
  }
  return out;
}

/** A bounded in-memory LRU with per-tag purge and a safety TTL in case a purge call is ever lost. */
export class PageCache {
  readonly #entries = new Map<string, CachedPage>();
  readonly #listeners = new Set<(tag: string | null) => void>();
  readonly maxEntries: number;
  readonly ttlMs: number;
  constructor(maxEntries = 5000, ttlMs = 10 * 60 * 1000) {
    this.maxEntries = maxEntries;
    this.ttlMs = ttlMs;
  }

  get(key: string, now = Date.now()): CachedPage | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (now - entry.storedAt > this.ttlMs || (entry.expiresAt != null && now >= entry.expiresAt)) {
      this.#entries.delete(key);
      return undefined;
    }
    // Re-insert to mark as recently used.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry;
  }

  set(key: string, entry: CachedPage) {
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    while (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }

  /**
   * Runs `listener` on every purge (with the tag) and clear (with null), so caches derived from the same
   * data (the site server's resolved hosts) are dropped together with the pages, whoever purges.
   */
  onPurge(listener: (tag: string | null) => void) {
    this.#listeners.add(listener);
  }

  /** Drops every entry of one tag; returns how many. */
  purge(tag: string): number {
    let count = 0;
    for (const [key, entry] of this.#entries) {
      if (entry.tag === tag) {
        this.#entries.delete(key);
        count++;
      }
    }
    for (const listener of this.#listeners) listener(tag);
    return count;
  }

  clear() {
    this.#entries.clear();
    for (const listener of this.#listeners) listener(null);
  }

  get size() {
    return this.#entries.size;
  }
}

export type PurgeRequest = { tenants: string[]; platform: boolean };
/** Tenants per purge call; callers with more send several calls. */
export const MAX_PURGE_TENANTS = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Validates the body of a purge call: `{ tenants?: uuid[], platform?: boolean }`. */
export function parsePurgeRequest(body: unknown): PurgeRequest | { error: string } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { error: 'Erwartet wird ein JSON-Objekt.' };
  const { tenants = [], platform = false } = body as Record<string, unknown>;
  if (
    !Array.isArray(tenants) ||
    tenants.length > MAX_PURGE_TENANTS ||
    !tenants.every((t) => typeof t === 'string' && UUID.test(t))
  ) {
    return { error: `„tenants“ muss eine Liste von bis zu ${MAX_PURGE_TENANTS} Mandanten-IDs sein.` };
  }
  if (typeof platform !== 'boolean') return { error: '„platform“ muss true oder false sein.' };
  if (tenants.length === 0 && !platform) return { error: 'Nichts zu leeren: „tenants“ oder „platform“ angeben.' };
  return { tenants: [...new Set(tenants as string[])], platform };
}

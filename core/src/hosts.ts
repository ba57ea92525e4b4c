/**
 * Which site a request is for, from its Host header alone. Anything we cannot attribute is `unknown` and
 * must be answered with 404 before a cache or a database is touched.
 */
export type SiteTarget =
  | { kind: 'platform' }
  | { kind: 'workshop-slug'; slug: string }
  | { kind: 'custom-domain'; domain: string }
  | { kind: 'unknown' };

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Lower-cases, strips the port and a trailing dot; returns null for anything that is not a hostname. */
export function normaliseHost(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let host = raw.trim().toLowerCase();
  if (host.startsWith('[')) return null; // IPv6 literals never name a site
  host = host.replace(/:\d{1,5}$/, '').replace(/\.$/, '');
  if (host === 'localhost') return host;
  return host.length > 0 && host.length <= 253 && /^[a-z0-9.-]+$/.test(host) ? host : null;
}

export function resolveHost(rawHost: string | null | undefined, sitesDomain: string): SiteTarget {
  const host = normaliseHost(rawHost);
  const domain = normaliseHost(sitesDomain);
  if (!host || !domain) return { kind: 'unknown' };
  if (host === domain) return { kind: 'platform' };
  if (host.endsWith(`.${domain}`)) {
    const slug = host.slice(0, -(domain.length + 1));
    return SLUG.test(slug) ? { kind: 'workshop-slug', slug } : { kind: 'unknown' };
  }
  return HOSTNAME.test(host) ? { kind: 'custom-domain', domain: host } : { kind: 'unknown' };
}

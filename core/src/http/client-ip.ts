import { createHmac, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

/**
 * The address a request came from, for per-visitor limits. Forwarded headers are only as trustworthy as
 * whoever set them: Directus/Express read `X-Forwarded-For` only for the number of proxy hops
 * `IP_TRUST_PROXY` configures (CarBot's default: none). The one hop that is not a plain proxy is the
 * site server, which calls Directus on a visitor's behalf (registration form): it vouches for the
 * visitor's address with a short-lived signature under the secret it shares with Directus.
 */

export const VISITOR_HEADER = 'x-carbot-visitor';
const VALID_SECONDS = 120;

/** `::ffff:1.2.3.4` and `1.2.3.4` are the same visitor. Null for anything that is not an address. */
export function normaliseIp(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const ip = raw.trim().startsWith('::ffff:') && isIP(raw.trim().slice(7)) === 4 ? raw.trim().slice(7) : raw.trim();
  return isIP(ip) ? ip.toLowerCase() : null;
}

const signature = (secret: string, ip: string, expires: number) =>
  createHmac('sha256', secret)
    .update(`carbot-visitor-address\n${ip}\n${expires}`)
    .digest()
    .subarray(0, 18)
    .toString('base64url');

/** The header value the site server sends along when it forwards a visitor's request. */
export function signVisitorAddress(secret: string, ip: string, now = Date.now()): string | null {
  const address = normaliseIp(ip);
  if (!secret || !address) return null;
  const expires = Math.floor(now / 1000) + VALID_SECONDS;
  return `${address} ${expires} ${signature(secret, address, expires)}`;
}

/** The visitor address a signed header vouches for, or null when it is absent, forged or stale. */
export function verifyVisitorAddress(secret: string, value: unknown, now = Date.now()): string | null {
  if (!secret || typeof value !== 'string' || value.length > 200) return null;
  const [ip, expiresText, given, ...rest] = value.split(' ');
  const address = normaliseIp(ip);
  const expires = Number(expiresText);
  if (rest.length || !address || address !== ip || !given || !Number.isInteger(expires)) return null;
  const seconds = Math.floor(now / 1000);
  if (expires < seconds || expires > seconds + VALID_SECONDS) return null;
  const expected = Buffer.from(signature(secret, address, expires));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? address : null;
}

/**
 * The one answer to "who is this visitor" for every CarBot limit. `ip` is what Directus/Express
 * computed under `IP_TRUST_PROXY`/`IP_CUSTOM_HEADER` (Directus's accountability.ip, else `req.ip`);
 * raw `X-Forwarded-For` is never read here.
 */
export function clientIp(input: { ip: string | null | undefined; visitorHeader?: unknown }, secret: string): string {
  return verifyVisitorAddress(secret, input.visitorHeader) ?? normaliseIp(input.ip) ?? 'unknown';
}

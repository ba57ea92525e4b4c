import { CONSENT_PRECHECK_HASH } from './consent.ts';

/**
 * Security headers of every site response. Scripts only from our own origin (no eval, no inline script
 * but the consent pre-check, allowed by its hash: see consent.ts);
 * inline style attributes are allowed because per-workshop colours are set as CSS custom properties.
 * The map frame is the only third party, and it is inserted only after the visitor clicks.
 */
export const MAP_ORIGIN = 'https://www.openstreetmap.org';

/** `connect`: origins the page's scripts may call besides its own (the chat widget's API). */
export function securityHeaders(opts: { https: boolean; connect?: readonly string[] }): Record<string, string> {
  const csp = [
    "default-src 'self'",
    `script-src 'self' ${CONSENT_PRECHECK_HASH}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    ["connect-src 'self'", ...(opts.connect ?? [])].join(' '),
    `frame-src ${MAP_ORIGIN}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
    ...(opts.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    'cross-origin-opener-policy': 'same-origin',
    ...(opts.https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/**
 * SITES_TRUST_PROXY → how many proxies in front of the site server are trusted to set X-Forwarded-*:
 * unset/`false`/`0` none (the default: anyone could make us emit canonical links to their domain or
 * claim https), `true` one, a number that many. Anything else is a configuration error.
 */
export function parseTrustProxy(value: string | undefined): number {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '' || v === 'false' || v === 'no' || v === '0') return 0;
  if (v === 'true' || v === 'yes') return 1;
  if (/^[1-9]$/.test(v)) return Number(v);
  throw new Error(`SITES_TRUST_PROXY muss false, true oder eine Anzahl von Proxys (1–9) sein, nicht „${value}“.`);
}

/**
 * The value the outermost trusted proxy saw: proxies append, so with `hops` trusted proxies it is the
 * hops-th entry from the right; whatever a client put further left is its own claim and ignored.
 */
export function forwardedValue(header: string | null, hops: number): string | undefined {
  if (!header || hops < 1) return undefined;
  const values = header.split(',').map((v) => v.trim());
  return values[Math.max(0, values.length - hops)] || undefined;
}

/**
 * The origin visitors see. X-Forwarded-Proto/-Host are honoured only when SITES_TRUST_PROXY says how many
 * proxies in front of us set them, and only the entries those proxies wrote.
 */
export function publicOrigin(
  reqUrl: URL,
  headers: { get(name: string): string | null },
  trustProxy: number,
): { origin: string; host: string; https: boolean } {
  let proto = reqUrl.protocol.replace(':', '');
  let host = headers.get('host') ?? reqUrl.host;
  if (trustProxy > 0) {
    const fProto = forwardedValue(headers.get('x-forwarded-proto'), trustProxy)?.toLowerCase();
    const fHost = forwardedValue(headers.get('x-forwarded-host'), trustProxy);
    if (fProto === 'https' || fProto === 'http') proto = fProto;
    if (fHost) host = fHost;
  }
  host = host.toLowerCase();
  return { origin: `${proto}://${host}`, host, https: proto === 'https' };
}

/**
 * Where canonical links point: the first custom domain when the plan includes custom domains (always
 * https there), otherwise the address the page was requested on.
 */
export function canonicalOrigin(
  customDomains: readonly string[] | null | undefined,
  allowed: boolean,
  requestOrigin: string,
) {
  const first = allowed ? (customDomains ?? []).find((d) => /^[a-z0-9.-]+$/i.test(d)) : undefined;
  return first ? `https://${first.toLowerCase()}` : requestOrigin;
}

/**
 * The addresses a workshop website answers on: its slug (`{slug}.{SITES_DOMAIN}`) and its custom domains.
 * One rule for each, applied on every write path (registration, admin app, REST, GraphQL, batch, imports):
 * a slug or domain that passes here is one the site server resolves to exactly this workshop.
 */
import { domainToASCII } from 'node:url';

/** Labels of the platform's own hosts (and names people expect to be ours); never a workshop's address. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'www',
  'admin',
  'api',
  'app',
  'mail',
  'smtp',
  'imap',
  'pop',
  'ftp',
  'ns1',
  'ns2',
  'static',
  'assets',
  'cdn',
  'carbot',
  'directus',
  'status',
  'hilfe',
  'support',
  'blog',
  'docs',
  'widget',
  'localhost',
]);

/** One DNS label: a–z, 0–9 and inner hyphens, 1–63 characters; no dots, so a slug is always one level. */
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export type AddressCheck = { ok: true; value: string } | { ok: false; message: string };

/** Hosts that belong to the platform itself, from the configured URLs (admin, API, site server). */
export function platformHosts(urls: readonly (string | undefined)[]): string[] {
  const hosts = new Set<string>();
  for (const url of urls) {
    if (!url) continue;
    try {
      const host = normaliseDomainName(new URL(url).hostname);
      if (host) hosts.add(host);
    } catch {
      // An unset or malformed URL names no host to protect.
    }
  }
  return [...hosts];
}

/**
 * A workshop's slug. Not trimmed or lower-cased silently: what is stored is what the owner typed, or
 * the write is refused with a message saying why.
 */
export function checkSlug(
  raw: unknown,
  opts: { sitesDomain: string; platformHosts?: readonly string[] },
): AddressCheck {
  if (typeof raw !== 'string' || raw.length === 0) return { ok: false, message: 'Bitte eine Subdomain angeben.' };
  if (raw.length > 63) return { ok: false, message: 'Die Subdomain darf höchstens 63 Zeichen lang sein.' };
  if (!LABEL.test(raw)) {
    return {
      ok: false,
      message:
        'Die Subdomain darf nur Kleinbuchstaben (a–z), Ziffern und Bindestriche enthalten, keinen Punkt, und nicht mit einem Bindestrich beginnen oder enden.',
    };
  }
  if (raw.startsWith('xn--') || /^[a-z0-9]{2}--/.test(raw)) {
    return { ok: false, message: 'Subdomains mit „--“ an dritter Stelle sind nicht erlaubt.' };
  }
  const domain = normaliseDomainName(opts.sitesDomain) ?? opts.sitesDomain;
  const host = `${raw}.${domain}`;
  if (RESERVED_SLUGS.has(raw) || (opts.platformHosts ?? []).includes(host)) {
    return { ok: false, message: `Die Subdomain „${raw}“ ist reserviert. Bitte wählen Sie eine andere.` };
  }
  return { ok: true, value: raw };
}

const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** Lower case, no trailing dot, international names as punycode; null when it is no host name at all. */
export function normaliseDomainName(raw: string): string | null {
  let name = raw.trim().toLowerCase();
  if (name.endsWith('.')) name = name.slice(0, -1);
  if (!name || name.includes('/') || name.includes(':') || name.includes('@')) return null;
  const ascii = domainToASCII(name);
  return ascii || null;
}

/**
 * A custom domain as the owner entered it → the normalised name, or why it cannot be one. Never the
 * platform's domain, a subdomain of it (those are other workshops' sites), or a platform host.
 */
export function checkCustomDomain(
  raw: unknown,
  opts: { sitesDomain: string; platformHosts?: readonly string[] },
): AddressCheck {
  if (typeof raw !== 'string' || !raw.trim()) return { ok: false, message: 'Leere Domain.' };
  const name = raw
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/\/$/, '');
  const domain = normaliseDomainName(name);
  if (!domain || !HOSTNAME.test(domain) || /^[0-9.]+$/.test(domain)) {
    return {
      ok: false,
      message: `„${raw.slice(0, 100)}“ ist kein gültiger Domainname (z. B. www.werkstatt-mueller.de).`,
    };
  }
  const sites = normaliseDomainName(opts.sitesDomain) ?? opts.sitesDomain;
  const platform = opts.platformHosts ?? [];
  if (
    domain === sites ||
    domain.endsWith(`.${sites}`) ||
    platform.some((h) => domain === h || domain.endsWith(`.${h}`))
  ) {
    return {
      ok: false,
      message: `„${domain}“ gehört zur Plattform und kann nicht als eigene Domain verwendet werden.`,
    };
  }
  return { ok: true, value: domain };
}

/** The list field `custom_domains` arrives as csv text or as a list. */
export function domainEntries(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return list.map((d) => String(d)).filter((d) => d.trim() !== '');
}

/** Normalises a whole list; the first problem found is reported. Duplicates collapse. */
export function checkCustomDomains(
  value: unknown,
  opts: { sitesDomain: string; platformHosts?: readonly string[] },
): { ok: true; value: string[] } | { ok: false; message: string } {
  const out: string[] = [];
  const entries = domainEntries(value);
  if (entries.length > 20) return { ok: false, message: 'Höchstens 20 eigene Domains je Werkstatt.' };
  for (const entry of entries) {
    const check = checkCustomDomain(entry, opts);
    if (!check.ok) return check;
    if (!out.includes(check.value)) out.push(check.value);
  }
  return { ok: true, value: out };
}

/** Where the owner proves control of a domain, and what must be found there. */
export const VERIFY_LABEL = '_carbot-verify';
export const verificationRecord = (domain: string, token: string) => ({
  name: `${VERIFY_LABEL}.${domain}`,
  type: 'TXT' as const,
  value: `carbot-verify=${token}`,
});

/** Whether any TXT record (a list of character strings per record, as resolvers return them) carries the token. */
export function txtProvesControl(records: readonly (readonly string[])[], token: string): boolean {
  const expected = `carbot-verify=${token}`;
  return records.some((chunks) => chunks.join('').trim() === expected);
}

import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/**
 * Feed and image URLs come from dealers: CarBot fetches them from inside its network, so addresses that
 * point into it (loopback, private ranges, link-local cloud metadata) are refused unless the installation
 * allows them explicitly (CARBOT_SYNC_ALLOW_PRIVATE_URLS, for a dealer system on the same network).
 */
const PRIVATE_V4 = [
  /^10\./,
  /^127\./,
  /^169\.254\./,
  /^172\.(1[6-9]|2\d|3[01])\./,
  /^192\.168\./,
  /^0\./,
  /^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\./,
];
const isPrivate = (ip: string): boolean => {
  if (isIP(ip) === 4) return PRIVATE_V4.some((r) => r.test(ip));
  const v6 = ip.toLowerCase();
  if (v6.startsWith('::ffff:')) return isPrivate(v6.slice(7));
  return v6 === '::1' || v6 === '::' || v6.startsWith('fc') || v6.startsWith('fd') || v6.startsWith('fe80');
};

export async function checkFetchUrl(raw: string, allowPrivate: boolean): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('Die Adresse ist ungültig.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('Nur http- und https-Adressen.');
  if (allowPrivate) return url;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  if (addresses.length === 0 || addresses.some(isPrivate))
    throw new Error('Die Adresse zeigt in ein internes Netz und wird nicht abgerufen.');
  return url;
}

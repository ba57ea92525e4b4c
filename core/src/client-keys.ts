import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A widget client key: public in the embed code, but unguessable (192 bits) so keys cannot be enumerated. */
export function newClientKey(): string {
  return `cbk_${randomBytes(24).toString('base64url')}`;
}

export const CLIENT_KEY_PATTERN = /^cbk_[A-Za-z0-9_-]{32}$/;

/**
 * The key a workshop's CarBot website embeds its chat with. Every site comes with the assistant, without the
 * owner creating a key or spending one of the plan's keys: the site server signs the workshop and the exact
 * origin the page is served on with the secret it shares with Directus, so the key works from that origin
 * only and nobody without the secret can mint one.
 */
export function siteKey(secret: string, workshopId: string, origin: string): string {
  return `cbs_${workshopId}_${siteSignature(secret, workshopId, origin)}`;
}

export const SITE_KEY_PATTERN =
  /^cbs_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})_([A-Za-z0-9_-]{22})$/;

/** The workshop a site key was made for, when it was made for this origin with this secret; otherwise null. */
export function verifySiteKey(secret: string, key: string, origin: string | undefined): string | null {
  const match = SITE_KEY_PATTERN.exec(key);
  if (!match || !secret || !origin) return null;
  const [, workshopId, given] = match as unknown as [string, string, string];
  const expected = Buffer.from(siteSignature(secret, workshopId, origin));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? workshopId : null;
}

const siteSignature = (secret: string, workshopId: string, origin: string) =>
  createHmac('sha256', secret)
    .update(`carbot-site-widget\n${workshopId}\n${origin}`)
    .digest()
    .subarray(0, 16)
    .toString('base64url');

/**
 * Signed, expiring draft-preview tokens: `v1.<workshop>.<expires>.<signature>`, or `v1.platform.…` for the
 * platform's own posts (a token of one scope never opens the other: the scope is part of what is signed). The admin issues them
 * (extension endpoint), the site server verifies them with the same secret; without a valid token drafts
 * are never rendered. The key is derived from the purge secret with a fixed label so one secret serves
 * both purposes without a token ever being usable as a purge credential.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const PREVIEW_TTL_SECONDS = 60 * 60;
/** The scope of a preview of the platform's own content (blog posts without a workshop). */
export const PLATFORM_PREVIEW = 'platform';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SCOPE = (value: string) => UUID.test(value) || value === PLATFORM_PREVIEW;

const key = (secret: string) => createHmac('sha256', secret).update('carbot-preview-v1').digest();
const sign = (secret: string, payload: string) => createHmac('sha256', key(secret)).update(payload).digest('base64url');

export function createPreviewToken(workshopId: string, secret: string, now: Date, ttlSeconds = PREVIEW_TTL_SECONDS) {
  if (!secret) throw new Error('Kein Geheimnis für Vorschau-Links konfiguriert.');
  if (!SCOPE(workshopId)) throw new Error('Ungültige Werkstatt-ID.');
  const expires = Math.floor(now.getTime() / 1000) + ttlSeconds;
  const payload = `v1.${workshopId}.${expires}`;
  return `${payload}.${sign(secret, payload)}`;
}

export type PreviewCheck = { ok: true; workshopId: string; expires: number } | { ok: false; reason: string };

export function verifyPreviewToken(token: string | null | undefined, secret: string, now: Date): PreviewCheck {
  if (!secret) return { ok: false, reason: 'not-configured' };
  if (!token || token.length > 200) return { ok: false, reason: 'malformed' };
  const parts = token.split('.');
  if (parts.length !== 4 || parts[0] !== 'v1') return { ok: false, reason: 'malformed' };
  const [, workshopId = '', expiresRaw = '', signature = ''] = parts;
  if (!SCOPE(workshopId) || !/^\d{1,12}$/.test(expiresRaw)) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(sign(secret, `v1.${workshopId}.${expiresRaw}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'signature' };
  const expires = Number(expiresRaw);
  if (expires * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, workshopId, expires };
}

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Push feeds are signed like Stripe webhooks: `X-CarBot-Signature: t=<unix seconds>,v1=<hex>` where the
 * hex is HMAC-SHA256 over `<t>.<raw body>` with the feed's secret. The timestamp inside the signed text
 * stops replays of an old request; several `v1` entries are allowed so a sender can roll secrets.
 */
export const SIGNATURE_HEADER = 'x-carbot-signature';
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function signPayload(secret: string, timestamp: number, body: string | Uint8Array): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/** A new feed secret: 32 random bytes, prefixed so it is recognisable in a dealer system's settings. */
export const newFeedSecret = (): string => `cbs_${randomBytes(32).toString('base64url')}`;

export type SignatureCheck = { ok: true } | { ok: false; message: string };

function parseHeader(header: string): { t: number; v1: string[] } | null {
  let t: number | null = null;
  const v1: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) t = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) v1.push(value.toLowerCase());
  }
  return t === null || v1.length === 0 ? null : { t, v1 };
}

export function verifySignature(
  header: string | undefined,
  body: string | Uint8Array,
  secret: string | null | undefined,
  nowSeconds: number,
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
): SignatureCheck {
  if (!header) return { ok: false, message: 'Signatur fehlt (Kopfzeile X-CarBot-Signature).' };
  if (!secret) return { ok: false, message: 'Für diesen Feed ist kein Geheimnis hinterlegt.' };
  const parsed = parseHeader(header);
  if (!parsed) return { ok: false, message: 'Die Signatur hat nicht das Format t=…,v1=….' };
  if (Math.abs(nowSeconds - parsed.t) > toleranceSeconds)
    return { ok: false, message: 'Der Zeitstempel der Signatur liegt mehr als 5 Minuten daneben.' };
  const expected = Buffer.from(createHmac('sha256', secret).update(`${parsed.t}.`).update(body).digest('hex'), 'utf8');
  // Every candidate is compared in constant time, even after a match, so timing tells nothing.
  let match = false;
  for (const candidate of parsed.v1) {
    if (timingSafeEqual(Buffer.from(candidate, 'utf8'), expected)) match = true;
  }
  return match ? { ok: true } : { ok: false, message: 'Die Signatur stimmt nicht.' };
}

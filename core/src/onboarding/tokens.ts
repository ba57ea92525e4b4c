import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed, expiring tokens for links in e-mails (confirming an address). The payload is readable but
 * cannot be forged or extended without the server's secret; a purpose string keeps a token made for
 * one thing from being accepted for another.
 */
export type TokenPayload = { sub: string; email: string; exp: number };

const b64 = (data: string | Buffer) => Buffer.from(data).toString('base64url');

function sign(secret: string, purpose: string, body: string): string {
  return createHmac('sha256', secret).update(`${purpose}.${body}`).digest('base64url');
}

export function createToken(secret: string, purpose: string, payload: TokenPayload): string {
  const body = b64(JSON.stringify(payload));
  return `${body}.${sign(secret, purpose, body)}`;
}

export type Verified =
  | { ok: true; payload: TokenPayload }
  | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

export function verifyToken(secret: string, purpose: string, token: unknown, now: Date = new Date()): Verified {
  if (typeof token !== 'string' || token.length > 2048) return { ok: false, reason: 'malformed' };
  const [body, signature, ...rest] = token.split('.');
  if (!body || !signature || rest.length > 0) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(sign(secret, purpose, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'signature' };
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const p = payload as Partial<TokenPayload>;
  if (typeof p.sub !== 'string' || typeof p.email !== 'string' || typeof p.exp !== 'number')
    return { ok: false, reason: 'malformed' };
  if (p.exp * 1000 < now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, payload: { sub: p.sub, email: p.email, exp: p.exp } };
}

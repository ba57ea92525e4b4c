/**
 * Cancel/rebook links. Each appointment has one token, derived from the server secret and its id (see
 * manageToken), that only the customer's mails and the booking answer carry; the database keeps its SHA-256
 * only, so a database copy cannot cancel anything. Every mail about the appointment (request received,
 * confirmed, reminder) carries the same link, so the first mail's link still works after staff confirm. The link
 * also carries an HMAC over appointment id and token with the server secret, so a link whose parts were
 * swapped or edited is refused before any lookup. A token works for its own appointment only, until the
 * workshop's cut-off before the start, and once: cancelling or rebooking clears the stored hash.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export function newToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString('base64url');
  return { token, hash: hashToken(token) };
}

/**
 * The token of an appointment's manage link. Derived, not random, so that a later mail (the confirmation,
 * the reminder) can carry the same link as the first one without the token being stored anywhere: a
 * customer who clicks the link in the "request received" mail after the confirmation must not meet a dead
 * link. Once used (cancelled or rebooked) the stored hash is cleared and every copy of the link is spent.
 */
export function manageToken(secret: string, id: string): { token: string; hash: string } {
  const token = createHmac('sha256', secret).update(`appointment-manage:${id}`).digest('base64url').slice(0, 32);
  return { token, hash: hashToken(token) };
}

const signature = (secret: string, id: string, token: string) =>
  createHmac('sha256', secret).update(`appointment:${id}:${token}`).digest('base64url').slice(0, 22);

/** The value a link carries: `token.signature`. */
export const signedToken = (secret: string, id: string, token: string): string =>
  `${token}.${signature(secret, id, token)}`;

const equal = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The raw token of a signed value for this appointment, or null when signature or shape do not fit. */
export function verifySignedToken(secret: string, id: string, value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 200) return null;
  const [token, sig, ...rest] = value.split('.');
  if (!token || !sig || rest.length > 0 || !/^[A-Za-z0-9_-]{32}$/.test(token)) return null;
  return equal(sig, signature(secret, id, token)) ? token : null;
}

/** Whether a stored hash belongs to a token (constant time). */
export const tokenMatches = (storedHash: unknown, token: string): boolean =>
  typeof storedHash === 'string' && storedHash.length === 64 && equal(storedHash, hashToken(token));

/** Until when a customer may cancel or rebook: the cut-off before the start. */
export const changeDeadline = (start: Date, cutoffHours: number): Date =>
  new Date(start.getTime() - Math.max(0, cutoffHours) * 3_600_000);

export type ChangeRefusal = 'invalid' | 'closed' | 'too_late';

/** Why a customer may not change an appointment now, or null when they may. */
export function changeRefusal(
  appointment: { status: string; start: Date; token_hash: unknown },
  token: string,
  cutoffHours: number,
  now: Date,
): ChangeRefusal | null {
  if (!tokenMatches(appointment.token_hash, token)) return 'invalid';
  if (appointment.status !== 'requested' && appointment.status !== 'confirmed') return 'closed';
  if (now >= changeDeadline(appointment.start, cutoffHours)) return 'too_late';
  return null;
}

import { createHmac } from 'node:crypto';

/**
 * A pseudonym for a visitor, for rate limits and consent records: a keyed hash of the IP address that
 * changes every day, so no raw IP is stored and visitors cannot be followed across days.
 */
export function visitorHash(secret: string, ip: string, now = new Date()): string {
  const day = now.toISOString().slice(0, 10);
  return createHmac('sha256', secret).update(`${day}|${ip}`).digest('hex').slice(0, 32);
}

/**
 * Who visited, without knowing who: a page view counts a visitor as a keyed hash (HMAC-SHA256) of the IP
 * address, the user agent and the workshop, under a random salt that exists for one day only. The same
 * visitor on the same day and site gives the same hash; the next day, another site, or anyone without
 * the day's salt cannot link it back. Nothing of it is ever stored in the browser, and neither the IP
 * nor the salt is ever written to the database: the salt lives in Redis (with a TTL) or in memory.
 */
import { createHmac, randomBytes } from 'node:crypto';

const BERLIN = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day (YYYY-MM-DD) in Germany: the workshop's day, not the server's UTC day. */
export function berlinDay(at: Date | number): string {
  return BERLIN.format(at);
}

/** Milliseconds until the end of the German day of `at` (a salt of that day is gone by then). */
export function msUntilDayEnds(at: number): number {
  const day = berlinDay(at);
  // The day ends within 23–25 hours (clock changes); step to the first minute of another day.
  let lo = at;
  let hi = at + 26 * 3_600_000;
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2);
    if (berlinDay(mid) === day) lo = mid;
    else hi = mid;
  }
  return hi - at;
}

/** 32 hex characters: enough to tell a day's visitors apart, too short to be anything but a pseudonym. */
export function visitorId(salt: string, ip: string, userAgent: string, workshop: string): string {
  return createHmac('sha256', salt).update(`${ip}\n${userAgent}\n${workshop}`).digest('hex').slice(0, 32);
}

export const newSalt = () => randomBytes(32).toString('base64url');

/**
 * Minutes after midnight during which the previous day's salt is still handed out, so page views of
 * 23:59:59 that are flushed a second later still hash; after that it is forgotten.
 */
export const SALT_GRACE_MS = 5 * 60_000;

/**
 * Salts per day in this process's memory, for a single server (no Redis). Only today's (and during the
 * grace period yesterday's) exist; older ones are deleted on every call.
 */
export class DailySalts {
  readonly #salts = new Map<string, string>();

  get(day: string, now: number = Date.now()): string | null {
    const today = berlinDay(now);
    const yesterday = berlinDay(now - SALT_GRACE_MS);
    for (const known of this.#salts.keys()) if (known !== today && known !== yesterday) this.#salts.delete(known);
    if (day !== today && day !== yesterday) return null;
    let salt = this.#salts.get(day);
    if (!salt) {
      salt = newSalt();
      this.#salts.set(day, salt);
    }
    return salt;
  }

  get size() {
    return this.#salts.size;
  }
}

/** Crawlers, monitors, link previews and tools: they are no visitors. */
const BOT =
  /bot\b|bot\/|crawl|spider|slurp|bingpreview|facebookexternalhit|embedly|quora link|whatsapp|telegram|skype|headless|lighthouse|pagespeed|pingdom|uptime|monitor|curl\/|wget|python|go-http|java\/|okhttp|axios|node-fetch|undici|httpclient|libwww|scrapy|phantom|preview/i;

export function isBot(userAgent: string | null | undefined): boolean {
  return !userAgent || userAgent.length < 10 || BOT.test(userAgent);
}

type Headers = { get(name: string): string | null };

/**
 * Whether a request is a person looking at a page: GET, no bot, not a prefetch or prerender, not a
 * subresource/iframe fetch (the admin's preview pane), not a draft preview.
 */
export function countableRequest(method: string, url: string, headers: Headers): boolean {
  if (method !== 'GET') return false;
  if (isBot(headers.get('user-agent'))) return false;
  const purpose = `${headers.get('sec-purpose') ?? ''} ${headers.get('purpose') ?? ''} ${headers.get('x-moz') ?? ''}`;
  if (/prefetch|prerender/i.test(purpose)) return false;
  const dest = headers.get('sec-fetch-dest');
  if (dest && dest !== 'document') return false;
  if (/[?&]preview=/.test(url)) return false;
  return true;
}

/** Only HTML pages that were found count (not feeds, sitemaps, images or errors). */
export function countableResponse(status: number, contentType: string | null | undefined): boolean {
  return status === 200 && /^text\/html\b/i.test(contentType ?? '');
}

/** The host of a referrer from another site, or null (own site, none, unparsable). */
export function referrerHost(referrer: string | null | undefined, ownHost: string): string | null {
  if (!referrer) return null;
  try {
    const host = new URL(referrer).hostname.toLowerCase();
    return host && host !== ownHost.toLowerCase().replace(/:\d+$/, '') ? host.slice(0, 255) : null;
  } catch {
    return null;
  }
}

/** How a site server authenticates to Directus's analytics endpoint (value: CARBOT_PURGE_SECRET). */
export const SITES_SECRET_HEADER = 'x-carbot-sites-secret';

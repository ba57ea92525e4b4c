import { describe, expect, test } from 'vitest';
import {
  berlinDay,
  countableRequest,
  countableResponse,
  DailySalts,
  isBot,
  msUntilDayEnds,
  referrerHost,
  SALT_GRACE_MS,
  visitorId,
} from './visitor.ts';

const headers = (h: Record<string, string>) => ({ get: (n: string) => h[n] ?? null });
const CHROME =
  'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36';

describe('visitor hash', () => {
  test('same visitor, day and workshop: same hash; anything else differs', () => {
    const a = visitorId('salt-1', '203.0.113.7', CHROME, 'w1');
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(visitorId('salt-1', '203.0.113.7', CHROME, 'w1')).toBe(a);
    expect(visitorId('salt-2', '203.0.113.7', CHROME, 'w1')).not.toBe(a);
    expect(visitorId('salt-1', '203.0.113.8', CHROME, 'w1')).not.toBe(a);
    expect(visitorId('salt-1', '203.0.113.7', `${CHROME} x`, 'w1')).not.toBe(a);
    expect(visitorId('salt-1', '203.0.113.7', CHROME, 'w2')).not.toBe(a);
    expect(a).not.toContain('203');
  });

  test.each([
    ['2026-03-29T00:30:00Z', '2026-03-29'],
    ['2026-11-29T22:59:59Z', '2026-11-29'],
    ['2026-11-29T23:00:00Z', '2026-11-30'],
    ['2026-07-01T21:59:00Z', '2026-07-01'],
    ['2026-07-01T22:00:00Z', '2026-07-02'],
  ])('German day of %s is %s', (iso, day) => {
    expect(berlinDay(new Date(iso))).toBe(day);
  });

  test.each([
    ['2026-11-29T22:00:00Z', 3_600_000],
    ['2026-07-01T21:00:00Z', 3_600_000],
    ['2026-03-28T23:00:00Z', 23 * 3_600_000],
  ])('the day of %s ends after %i ms', (iso, ms) => {
    expect(Math.abs(msUntilDayEnds(Date.parse(iso)) - ms)).toBeLessThanOrEqual(1000);
  });
});

describe('daily salts', () => {
  test('one salt per day, a new one the next day, the old one gone after the grace period', () => {
    const salts = new DailySalts();
    const evening = Date.parse('2026-11-29T22:50:00Z');
    const monday = salts.get('2026-11-29', evening);
    expect(monday).toBeTruthy();
    expect(salts.get('2026-11-29', evening + 60_000)).toBe(monday);
    const midnight = Date.parse('2026-11-29T23:00:00Z');
    const tuesday = salts.get('2026-11-30', midnight + 1000);
    expect(tuesday).not.toBe(monday);
    // Within the grace period the past day's salt still hashes late flushes.
    expect(salts.get('2026-11-29', midnight + 1000)).toBe(monday);
    // After it, the salt is forgotten: a new request for that day gets nothing, and nothing is kept.
    expect(salts.get('2026-11-29', midnight + SALT_GRACE_MS + 1000)).toBeNull();
    expect(salts.size).toBe(1);
    expect(salts.get('2026-11-28', midnight)).toBeNull();
  });
});

describe('what counts', () => {
  test.each([
    ['Googlebot/2.1 (+http://www.google.com/bot.html)', true],
    ['Mozilla/5.0 (compatible; bingbot/2.0)', true],
    ['curl/8.5.0', true],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/130.0', true],
    ['facebookexternalhit/1.1', true],
    ['', true],
    [CHROME, false],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 Mobile Safari', false],
  ])('bot %s → %s', (ua, bot) => {
    expect(isBot(ua)).toBe(bot);
  });

  test.each([
    ['GET', '/', {}, true],
    ['HEAD', '/', {}, false],
    ['POST', '/kontakt', {}, false],
    ['GET', '/', { 'sec-purpose': 'prefetch' }, false],
    ['GET', '/', { purpose: 'prefetch' }, false],
    ['GET', '/', { 'sec-purpose': 'prefetch;prerender' }, false],
    ['GET', '/', { 'x-moz': 'prefetch' }, false],
    ['GET', '/', { 'sec-fetch-dest': 'document' }, true],
    ['GET', '/', { 'sec-fetch-dest': 'iframe' }, false],
    ['GET', '/leistungen?preview=abc', {}, false],
    ['GET', '/', { 'user-agent': 'Googlebot/2.1' }, false],
  ])('%s %s %o → %s', (method, url, extra, counts) => {
    expect(countableRequest(method, url, headers({ 'user-agent': CHROME, ...extra }))).toBe(counts);
  });

  test.each([
    [200, 'text/html; charset=utf-8', true],
    [200, 'application/xml', false],
    [200, 'application/rss+xml', false],
    [404, 'text/html', false],
    [200, null, false],
  ])('response %i %s → %s', (status, type, counts) => {
    expect(countableResponse(status, type)).toBe(counts);
  });

  test.each([
    ['https://www.google.com/search?q=x', 'www.beispiel.de', 'www.google.com'],
    ['https://www.beispiel.de/leistungen', 'www.beispiel.de', null],
    ['http://autohaus.localhost:4321/', 'autohaus.localhost:4321', null],
    ['not a url', 'a.de', null],
    [null, 'a.de', null],
  ])('referrer %s on %s → %s', (referrer, host, expected) => {
    expect(referrerHost(referrer, host)).toBe(expected);
  });
});

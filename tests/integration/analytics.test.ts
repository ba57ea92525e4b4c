/**
 * Cookie-less analytics end to end: page views counted by the real site server (cache misses and hits)
 * and delivered to Directus within seconds, without IP address or cookie; bots, prefetches, feeds and
 * draft previews not counted; widget events recorded where they happen; the daily rollup; the owner's
 * dashboard with the unanswered questions; erasure of events linked to a conversation; the platform view.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tenants } from '../../seeds/demo/index.ts';
import { admin, as, login, type WidgetInit, widgetRequest } from '../support/http.ts';
import { get, startSites } from './sites-support.ts';

const [beispiel, schneider] = tenants;
const PASSWORD = 'demo-carbot-2026';
const ORIGIN = 'https://www.statistik-probe.example';
const HOST = 'autohaus-beispiel.localhost';
const BROWSER =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';
const userOf = (seed: typeof beispiel, role: 'owner' | 'staff') =>
  seed?.users.find((u) => u.role === role)?.email as string;
const widget = (path: string, init: WidgetInit) =>
  widgetRequest(path, { ...init, origin: ORIGIN, method: init.method ?? 'POST' });

let sites: Awaited<ReturnType<typeof startSites>>;
let owner: string;
let workshop: string;
let key: string;

beforeAll(async () => {
  sites = await startSites({ CARBOT_ANALYTICS_FLUSH_MS: '300' });
  owner = await login(userOf(beispiel, 'owner'), PASSWORD);
  const ws = await as(owner).get('/items/workshops?fields=id,slug&filter[slug][_eq]=autohaus-beispiel&limit=1');
  workshop = ws.body.data[0].id;
  const created = await as(owner).post('/items/client_keys', {
    workshop,
    name: 'Statistik-Probe',
    allowed_origins: [ORIGIN],
  });
  expect(created.status, created.text).toBe(200);
  key = created.body.data.key;
});
afterAll(() => sites?.stop());

type Event = Record<string, unknown>;
const events = async (filter: Record<string, string>): Promise<Event[]> => {
  const params = new URLSearchParams({ limit: '-1', sort: '-date_created' });
  for (const [field, value] of Object.entries(filter)) params.set(`filter[${field}][_eq]`, value);
  const res = await admin().get(`/items/analytics_events?${params}`);
  expect(res.status, res.text).toBe(200);
  return res.body.data as Event[];
};

describe('page views', () => {
  test('a page view becomes a row within seconds: workshop, tenant, path, day, visitor hash — no IP, no cookie', async () => {
    const path = `/leistungen?utm_source=probe-${Date.now()}`;
    const first = await get(sites.port, HOST, path, { headers: { 'user-agent': BROWSER } });
    expect(first.status).toBe(200);
    expect(first.headers['set-cookie']).toBeUndefined();
    // The same page again, now from the cache: counted by the front server, same visitor.
    const second = await get(sites.port, HOST, path, { headers: { 'user-agent': BROWSER } });
    expect(second.headers['x-carbot-cache']).toBe('hit');
    expect(second.headers['set-cookie']).toBeUndefined();
    expect(second.body).not.toMatch(/analytics|tracking/i);

    await expect
      .poll(async () => (await events({ workshop, type: 'page_view', path: '/leistungen' })).length, {
        timeout: 15_000,
      })
      .toBeGreaterThanOrEqual(2);
    const [row] = await events({ workshop, type: 'page_view', path: '/leistungen' });
    expect(row).toMatchObject({ workshop, type: 'page_view', path: '/leistungen', language: 'de' });
    expect(row?.tenant).toBeTruthy();
    expect(String(row?.day)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(String(row?.visitor)).toMatch(/^[0-9a-f]{32}$/);
    // Nothing in the row is the address the request came from, nor any cookie id.
    expect(JSON.stringify(row)).not.toContain('127.0.0.1');
    expect(Object.keys(row ?? {}).filter((k) => /ip|cookie|user_agent/i.test(k))).toEqual([]);
    const rows = await events({ workshop, type: 'page_view', path: '/leistungen', visitor: String(row?.visitor) });
    expect(rows.length).toBeGreaterThanOrEqual(2);
  });

  test('bots, prefetches, feeds, errors and draft previews are not counted', async () => {
    const marker = `/kontakt`;
    const before = (await events({ workshop, type: 'page_view', path: marker })).length;
    await get(sites.port, HOST, marker, {
      headers: { 'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' },
    });
    await get(sites.port, HOST, marker, { headers: { 'user-agent': BROWSER, 'sec-purpose': 'prefetch' } });
    await get(sites.port, HOST, marker, { headers: { 'user-agent': BROWSER, 'sec-fetch-dest': 'iframe' } });
    await get(sites.port, HOST, marker, { headers: { 'user-agent': BROWSER }, method: 'HEAD' });
    await get(sites.port, HOST, '/sitemap.xml', { headers: { 'user-agent': BROWSER } });
    await get(sites.port, HOST, '/gibt-es-nicht', { headers: { 'user-agent': BROWSER } });
    await get(sites.port, HOST, `${marker}?preview=ungueltig`, { headers: { 'user-agent': BROWSER } });
    // Then one real visit: once it has arrived, everything sent before it has been through the same flush.
    await get(sites.port, HOST, '/ueber-uns', { headers: { 'user-agent': BROWSER } });
    await expect
      .poll(async () => (await events({ workshop, type: 'page_view', path: '/ueber-uns' })).length, { timeout: 15_000 })
      .toBeGreaterThanOrEqual(1);
    expect((await events({ workshop, type: 'page_view', path: marker })).length).toBe(before);
    expect((await events({ workshop, path: '/sitemap.xml' })).length).toBe(0);
    expect((await events({ workshop, path: '/gibt-es-nicht' })).length).toBe(0);
  });

  test('the site servers’ endpoint wants the shared secret and well-formed, pseudonymous rows', async () => {
    const url = `${(await import('vitest')).inject('directusUrl')}/carbot-analytics/views`;
    const view = { workshop, path: '/', day: '2026-11-29', visitor: 'a'.repeat(32), at: Date.now() };
    const post = (headers: Record<string, string>, body: unknown) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    expect((await post({}, { views: [view] })).status).toBe(401);
    expect((await post({ 'x-carbot-sites-secret': 'falsch' }, { views: [view] })).status).toBe(401);
    const ipShaped = await post(
      { 'x-carbot-sites-secret': sites.secret },
      { views: [{ ...view, visitor: '203.0.113.9' }] },
    );
    expect(ipShaped.status).toBe(400);
    expect(await ipShaped.text()).toContain('Seitenaufrufe');
    // Reading the day's salt also needs the secret; anyone else learns nothing.
    const salt = await fetch(url.replace('/views', '/salt'));
    expect(salt.status).toBe(401);
  });
});

describe('widget events, rollup, dashboard, erasure', () => {
  let chat: { id: string; session: string };
  const unanswerable = 'Verkauft ihr auch Anhängerkupplungen aus Titan für Wohnmobile?';

  test('opened, question, answer source, lead and handoff are recorded where they happen', async () => {
    const opened = await widget(`/config?opened=${encodeURIComponent('/leistungen')}`, { key, method: 'GET' });
    expect(opened.status, opened.text).toBe(200);
    const restored = await widget('/config', { key, method: 'GET' });
    expect(restored.status).toBe(200);
    const started = await widget('/conversations', { key, body: {} });
    expect(started.status, started.text).toBe(201);
    chat = started.body.data;
    for (const text of ['Was kostet eine Inspektion?', unanswerable, 'Anhängerkupplung aus Titan nachrüsten?']) {
      const asked = await widget(`/conversations/${chat.id}/messages`, { key, session: chat.session, body: { text } });
      expect(asked.status, asked.text).toBe(200);
    }
    const config = await widget('/config', { key, method: 'GET' });
    const lead = await widget(`/conversations/${chat.id}/lead`, {
      key,
      session: chat.session,
      body: {
        name: 'Statistik Probe',
        phone: '0171 5550123',
        email: 'statistik.probe@example.com',
        consent: { given: true, version: config.body.data.consent.version },
      },
    });
    expect(lead.status, lead.text).toBe(201);
    const handoff = await widget(`/conversations/${chat.id}/handoff`, { key, session: chat.session, body: {} });
    expect(handoff.status, handoff.text).toBe(200);

    // Whether the model or the data answered the price question depends on the suite's language model.
    const kinds = async () =>
      (await events({ conversation: chat.id }))
        .map((e) => String(e.type).replace(/^answer_(ai|data)$/, 'answered'))
        .sort();
    await expect
      .poll(kinds, { timeout: 15_000 })
      .toEqual(['answer_none', 'answer_none', 'answered', 'handoff', 'lead', 'question', 'question', 'question']);
    const opens = await events({ workshop, type: 'chat_open', path: '/leistungen' });
    expect(opens.length).toBeGreaterThanOrEqual(1);
    expect(String(opens[0]?.visitor)).toMatch(/^[0-9a-f]{32}$/);
    const none = (await events({ conversation: chat.id, type: 'answer_none' }))[0];
    expect(none?.message).toBeTruthy();
  });

  test('the rollup counts the day; the owner’s dashboard shows it with the unanswered questions grouped', async () => {
    expect((await as(owner).post('/carbot-analytics/rollup/run')).status).toBe(403);
    const run = await admin().post('/carbot-analytics/rollup/run');
    expect([200, 409]).toContain(run.status);
    const daily = await as(owner).get('/items/analytics_daily?filter[metric][_eq]=page_view&limit=-1');
    expect(daily.status, daily.text).toBe(200);
    if (run.status === 200) expect(daily.body.data.length).toBeGreaterThanOrEqual(1);

    const insights = await as(owner).get('/carbot-analytics/insights?granularity=week');
    expect(insights.status, insights.text).toBe(200);
    const d = insights.body.data;
    expect(d.totals.page_view).toBeGreaterThanOrEqual(3);
    expect(d.totals.visitors).toBeGreaterThanOrEqual(1);
    expect(d.totals.chat_open).toBeGreaterThanOrEqual(1);
    expect(d.totals.lead).toBeGreaterThanOrEqual(1);
    expect(d.topPages.map((p: { path: string }) => p.path)).toContain('/leistungen');
    expect(d.series.length).toBe(12);
    const group = d.unanswered.find((g: { examples: string[] }) => g.examples.includes(unanswerable));
    expect(group?.count).toBeGreaterThanOrEqual(2);
    expect(d.cost).toMatchObject({ eur: expect.any(Number) });

    // One click: an FAQ draft with the question, in the owner's tenant.
    const faq = await as(owner).post('/items/faqs', {
      status: 'draft',
      workshop: null,
      translations: [{ languages_code: 'de', question: group.question, answer: '' }],
    });
    expect(faq.status, faq.text).toBe(200);
  });

  test('staff, another tenant’s owner and the marketer do not see the dashboard or the rollups', async () => {
    const staff = await login(userOf(beispiel, 'staff'), PASSWORD);
    expect((await as(staff).get('/carbot-analytics/insights')).status).toBe(403);
    expect((await as(staff).get('/items/analytics_daily')).status).toBe(403);
    const other = await login(userOf(schneider, 'owner'), PASSWORD);
    const theirs = await as(other).get('/carbot-analytics/insights');
    expect(theirs.status).toBe(200);
    expect(theirs.body.data.unanswered.some((g: { examples: string[] }) => g.examples.includes(unanswerable))).toBe(
      false,
    );
    const rows = await as(other).get(`/items/analytics_daily?filter[workshop][_eq]=${workshop}`);
    expect(rows.body.data ?? []).toEqual([]);
    const marketer = await login('marketing@example.com', PASSWORD);
    expect((await as(marketer).get('/carbot-analytics/insights')).status).toBe(403);
    expect((await as(marketer).get('/carbot-analytics/platform')).status).toBe(403);
    expect((await as(owner).get('/carbot-analytics/platform')).status).toBe(403);
  });

  test('the platform admin sees tenants by plan and phase, trial conversion and MRR', async () => {
    const res = await admin().get('/carbot-analytics/platform');
    expect(res.status, res.text).toBe(200);
    expect(res.body.data.tenants).toBeGreaterThanOrEqual(4);
    expect(res.body.data.byPlan.length).toBeGreaterThanOrEqual(1);
    expect(typeof res.body.data.mrr).toBe('number');
    expect(res.body.data.trials).toHaveProperty('rate');
  });

  test('erasing the conversation erases its analytics events', async () => {
    const found = await as(owner).post('/privacy/find', { conversation: chat.id });
    expect(found.status, found.text).toBe(200);
    expect(found.body.data.counts.analytics).toBeGreaterThanOrEqual(5);
    const erased = await as(owner).post('/privacy/erase', { conversation: chat.id, confirm: true });
    expect(erased.status, erased.text).toBe(200);
    expect(await events({ conversation: chat.id })).toEqual([]);
  });
});

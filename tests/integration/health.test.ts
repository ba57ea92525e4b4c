/**
 * Health endpoints of Directus and of the site server (IETF health-check format): liveness, readiness
 * with every check for an authorised caller, only the status for everyone else.
 */
import { expect, inject, test } from 'vitest';
import { get, startSites } from './sites-support.ts';

const base = inject('directusUrl');

async function health(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/carbot-health/${path}`, { headers });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    cache: res.headers.get('cache-control'),
    body: await res.json(),
  };
}

test('liveness answers pass in application/health+json, never cached', async () => {
  const live = await health('live');
  expect(live).toEqual({
    status: 200,
    type: 'application/health+json',
    cache: 'no-store',
    body: { status: 'pass' },
  });
});

test.each([
  ['nobody', {}],
  ['a wrong health token', { 'x-health-token': 'falsch' }],
])('readiness shows %s only the status', async (_who, headers) => {
  const ready = await health('ready', headers);
  expect(ready.status).toBe(200);
  expect(ready.type).toBe('application/health+json');
  expect(Object.keys(ready.body)).toEqual(['status']);
  expect(['pass', 'warn']).toContain(ready.body.status);
});

test('readiness shows an admin every check: database, outbox, search, schedules, LLM, Stripe', async () => {
  const admin = { authorization: `Bearer ${inject('adminToken')}` };
  // The LLM is probed in the background after the first request; wait until its answer is in.
  let ready = await health('ready', admin);
  while (ready.body.checks['llm:reachable'][0].observedUnit !== 'ms') {
    await new Promise((r) => setTimeout(r, 100));
    ready = await health('ready', admin);
  }
  // The outbox ticks every few seconds; its lease records the run.
  while (!ready.body.checks['schedule:outbox']) {
    await new Promise((r) => setTimeout(r, 200));
    ready = await health('ready', admin);
  }
  const { checks } = ready.body;
  expect(ready.body).toMatchObject({ version: '1', description: 'CarBot Directus' });
  expect(checks['database:responseTime'][0]).toMatchObject({
    status: 'pass',
    componentType: 'datastore',
    observedUnit: 'ms',
  });
  expect(checks['outbox:oldestUnsentAge'][0]).toMatchObject({ observedUnit: 's' });
  expect(checks['search:lag'][0]).toMatchObject({ status: 'pass', observedUnit: 's' });
  expect(checks['schedule:outbox'][0].status).toBe('pass');
  expect(Date.parse(checks['schedule:outbox'][0].time)).toBeGreaterThan(Date.now() - 60_000);
  expect(checks['llm:reachable'][0]).toMatchObject({ status: 'pass', componentType: 'component' });
  expect(checks['stripe:configured'][0]).toMatchObject({ status: 'pass', observedValue: true });
  expect(checks['redis:responseTime']).toBeUndefined();
});

test('the site server answers liveness and readiness on any host, details only with its token', async () => {
  const sites = await startSites({ SITES_HEALTH_TOKEN: 'sites-health-token' });
  try {
    for (const host of ['127.0.0.1', 'autohaus-beispiel.localhost', 'unbekannt.example']) {
      const live = await get(sites.port, host, '/_carbot/health/live');
      expect(live.status).toBe(200);
      expect(live.headers['content-type']).toBe('application/health+json');
      expect(JSON.parse(live.body)).toEqual({ status: 'pass' });
    }
    const ready = await get(sites.port, '127.0.0.1', '/_carbot/health/ready', {
      headers: { 'x-health-token': 'falsch' },
    });
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toEqual({ status: 'pass' });
    const detailed = await get(sites.port, '127.0.0.1', '/_carbot/health/ready', {
      headers: { 'x-health-token': 'sites-health-token' },
    });
    const body = JSON.parse(detailed.body);
    expect(body).toMatchObject({ status: 'pass', version: '1', description: 'CarBot Site-Server' });
    expect(body.checks['directus:responseTime'][0]).toMatchObject({ status: 'pass', observedUnit: 'ms' });
    expect(body.checks['pageCache:entries'][0].observedValue).toBeGreaterThanOrEqual(0);
  } finally {
    await sites.stop();
  }
});

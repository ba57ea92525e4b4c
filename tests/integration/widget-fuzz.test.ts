/**
 * Thousands of malformed requests against every public widget route: whatever arrives, the answer is a
 * clear 4xx (or a normal answer), never a 5xx and never a crash.
 */
import { request } from 'node:http';
import { beforeAll, expect, inject, test } from 'vitest';
import { tenants } from '../../seeds/demo/index.ts';
import { as, login } from '../support/http.ts';

const ORIGIN = 'https://fuzz.example';
const COUNT = Number(process.env.FUZZ_COUNT ?? 2000);
let key: string;
let session: string;
let conversation: string;

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

beforeAll(async () => {
  const owner = await login(tenants[0]?.users[0]?.email as string, 'demo-carbot-2026');
  const workshop = (
    await as(owner).get('/items/workshops?fields=id&limit=1&sort=date_created&filter[status][_eq]=published')
  ).body.data[0].id;
  key = (await as(owner).post('/items/client_keys', { workshop, name: 'Fuzz', allowed_origins: [ORIGIN] })).body.data
    .key;
  const res = await fetch(`${inject('directusUrl')}/widget/conversations`, {
    method: 'POST',
    headers: { 'x-carbot-key': key, origin: ORIGIN, 'content-type': 'application/json' },
    body: '{}',
  });
  const body = (await res.json()) as { data: { id: string; session: string } };
  conversation = body.data.id;
  session = body.data.session;
  await fetch(`${inject('edgeUrls').openai}/__control`, {
    method: 'POST',
    body: JSON.stringify({ mode: 'ok', reply: 'Gern.' }),
  });
});

/** Raw HTTP so that broken bytes, bad lengths and odd headers reach the server unaltered. */
function send(method: string, path: string, headers: Record<string, string>, body?: Buffer) {
  const url = new URL(inject('directusUrl'));
  return new Promise<number>((resolve) => {
    const req = request({ host: url.hostname, port: url.port, method, path, headers, timeout: 15_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(-1));
    req.on('timeout', () => req.destroy());
    if (body) req.write(body);
    req.end();
  });
}

test(`${COUNT} malformed requests to the widget API: no 5xx`, async () => {
  const random = prng(20261122);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)] as T;
  const junk = () =>
    pick([
      '',
      'x'.repeat(Math.floor(random() * 5000)),
      '\u0000\u0001\u0002',
      '💥'.repeat(50),
      '../../etc/passwd',
      "' OR 1=1 --",
      '<script>alert(1)</script>',
      'ä'.repeat(300),
      String(random()),
    ]);
  const bodies = (): Buffer | undefined =>
    pick([
      undefined,
      Buffer.from('{'),
      Buffer.from('null'),
      Buffer.from('[]'),
      Buffer.from('"text"'),
      Buffer.from(JSON.stringify({ text: junk() })),
      Buffer.from(JSON.stringify({ text: { nested: [1, 2, { deep: true }] } })),
      Buffer.from(JSON.stringify({ text: 12, name: [], phone: {}, email: 5, consent: 'yes' })),
      Buffer.from(
        JSON.stringify({
          name: junk(),
          phone: junk(),
          email: junk(),
          car: junk(),
          wish: junk(),
          consent: { given: true, version: junk() },
        }),
      ),
      Buffer.from([0xff, 0xfe, 0xfd, 0x00, 0x7b]),
      Buffer.from(JSON.stringify({ text: 'x'.repeat(30_000) })),
      Buffer.from(JSON.stringify({ language: junk(), __proto__: { admin: true }, constructor: { prototype: {} } })),
    ]);
  const paths = () =>
    pick([
      '/widget/config',
      `/widget/config?lang=${encodeURIComponent(junk()).slice(0, 200)}`,
      '/widget/conversations',
      `/widget/conversations/${conversation}/messages`,
      `/widget/conversations/${conversation}/messages?after=${encodeURIComponent(junk()).slice(0, 100)}`,
      `/widget/conversations/${encodeURIComponent(junk()).slice(0, 200)}/messages`,
      `/widget/conversations/${conversation}/lead`,
      `/widget/conversations/${conversation}/handoff`,
      '/widget/conversations/%E0%A4%A/messages',
      '/widget/unknown',
    ]);
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  const batch = 20;
  for (let i = 0; i < COUNT; i += batch) {
    const runs = Array.from({ length: batch }, async () => {
      const method = pick(['GET', 'POST', 'POST', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']);
      const path = paths();
      const headers: Record<string, string> = {};
      const keyChoice = random();
      if (keyChoice < 0.6) headers['x-carbot-key'] = key;
      else if (keyChoice < 0.8) headers['x-carbot-key'] = encodeURIComponent(junk()).slice(0, 300);
      const originChoice = random();
      if (originChoice < 0.6) headers.origin = ORIGIN;
      else if (originChoice < 0.8)
        headers.origin = pick(['null', 'https://evil.example', encodeURIComponent(junk()).slice(0, 100)]);
      const sessionChoice = random();
      if (sessionChoice < 0.5) headers['x-carbot-session'] = session;
      else if (sessionChoice < 0.8)
        headers['x-carbot-session'] = `${conversation}.${encodeURIComponent(junk()).slice(0, 200)}`;
      headers['content-type'] = pick([
        'application/json',
        'application/json; charset=utf-8',
        'text/plain',
        'multipart/form-data',
        'application/x-www-form-urlencoded',
      ]);
      headers['accept-language'] = pick(['de', 'en-US,en;q=0.9', 'tr;q=abc', encodeURIComponent(junk()).slice(0, 50)]);
      const body = method === 'GET' || method === 'OPTIONS' ? undefined : bodies();
      if (body) headers['content-length'] = String(body.length);
      const status = await send(method, path, headers, body);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status >= 500 || status < 0)
        failures.push(`${status} ${method} ${path.slice(0, 80)} key=${(headers['x-carbot-key'] ?? '').slice(0, 20)}`);
    });
    await Promise.all(runs);
  }
  console.log('Statuscodes:', Object.fromEntries([...statuses].sort(([a], [b]) => a - b)));
  expect(failures.slice(0, 20)).toEqual([]);
}, 300_000);

/**
 * Issue 10, points 7, 11 and 12, as an attacker tries them against the running Directus: forged proxy
 * headers against the per-visitor limits, oversized and chunked bodies on every CarBot route, site keys
 * from other origins, lead and mail floods from the widget, and staff reaching for session hashes and
 * other secrets over REST and GraphQL.
 */
import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import { siteKey } from '@carbot/core/client-keys';
import { isSecretField } from '@carbot/core/secret-fields';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { readSchemaFiles } from '../../scripts/lib/schema.ts';
import { tenants } from '../../seeds/demo/index.ts';
import { admin, as, login, qs, type WidgetInit, widgetRequest } from '../support/http.ts';
import { waitForMail } from '../support/mail.ts';
import { viaSiteServer } from '../support/visitors.ts';
import { startSites } from './sites-support.ts';

const [beispiel, schneider] = tenants;
const PASSWORD = 'demo-carbot-2026';
const ORIGIN = 'https://security.autohaus-beispiel.example';
const directus = () => inject('directusUrl');

const widget = (path: string, init: WidgetInit) =>
  widgetRequest(path, { ...init, origin: init.origin === null ? null : (init.origin ?? ORIGIN) });

async function newKey(ownerEmail: string, origins: string[]): Promise<string> {
  const owner = as(await login(ownerEmail, PASSWORD));
  const workshops = await owner.get(
    '/items/workshops?fields=id&limit=1&sort=date_created&filter[status][_eq]=published',
  );
  expect(workshops.status, workshops.text).toBe(200);
  const workshop = workshops.body.data[0].id;
  const res = await owner.post('/items/client_keys', { workshop, name: 'Sicherheitstest', allowed_origins: origins });
  expect(res.status, res.text).toBe(200);
  return res.body.data.key as string;
}

async function conversation(key: string, origin = ORIGIN, headers: Record<string, string> = {}) {
  const res = await widget('/conversations', { method: 'POST', key, origin, body: {}, headers });
  expect(res.status, res.text).toBe(201);
  return res.body.data as { id: string; session: string };
}

/**
 * A request written byte by byte on a TCP socket: chunked bodies without Content-Length, lying lengths,
 * anything a browser or fetch would normalise away. Resolves with the response as soon as the server
 * answers, even when it closes the connection while we are still sending.
 */
function raw(
  method: string,
  path: string,
  headers: Record<string, string>,
  body: { chunked?: Buffer[]; plain?: Buffer } = {},
  from?: string,
  target: { port: number; host: string } = { port: Number(new URL(directus()).port), host: new URL(directus()).host },
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    // Linux routes all of 127.0.0.0/8 to the loopback: `from` is a real, distinct client address.
    const socket = connect({ port: target.port, host: '127.0.0.1', ...(from ? { localAddress: from } : {}) });
    let received = Buffer.alloc(0);
    let settled = false;
    const done = () => {
      if (settled) return;
      settled = true;
      // latin1 keeps one character per byte, so chunk sizes can be counted on the string.
      const text = received.toString('latin1');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      const head = text.slice(0, text.indexOf('\r\n\r\n'));
      const raw = text.slice(text.indexOf('\r\n\r\n') + 4);
      const body = Buffer.from(/^transfer-encoding: chunked/im.test(head) ? dechunk(raw) : raw, 'latin1').toString(
        'utf8',
      );
      socket.destroy();
      resolve({ status, text: body });
    };
    /** The answer is complete by its own framing; the connection may stay open (keep-alive). */
    const complete = () => {
      const text = received.toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      if (end < 0) return false;
      const head = text.slice(0, end);
      const length = /^content-length: (\d+)/im.exec(head)?.[1];
      if (length !== undefined) return received.byteLength >= end + 4 + Number(length);
      return /^transfer-encoding: chunked/im.test(head) && text.endsWith('\r\n0\r\n\r\n');
    };
    socket.on('data', (data) => {
      received = Buffer.concat([received, data]);
      if (complete()) done();
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (received.byteLength) return done();
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET') return;
      reject(error);
    });
    socket.on('close', done);
    socket.on('connect', async () => {
      const lines = [`${method} ${path} HTTP/1.1`, `Host: ${target.host}`];
      for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
      if (body.chunked) lines.push('Transfer-Encoding: chunked');
      if (body.plain) lines.push(`Content-Length: ${body.plain.byteLength}`);
      socket.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (body.plain) socket.write(body.plain);
      for (const chunk of body.chunked ?? []) {
        if (socket.destroyed || settled) break;
        const ok = socket.write(
          Buffer.concat([Buffer.from(`${chunk.byteLength.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]),
        );
        if (!ok) await new Promise((r) => socket.once('drain', r));
      }
      if (body.chunked && !socket.destroyed && !settled) socket.write('0\r\n\r\n');
    });
  });
}

function dechunk(body: string): string {
  let out = '';
  let rest = body;
  for (;;) {
    const line = rest.indexOf('\r\n');
    const size = Number.parseInt(rest.slice(0, line), 16);
    if (!size) return out;
    out += rest.slice(line + 2, line + 2 + size);
    rest = rest.slice(line + 2 + size + 2);
  }
}

/** `size` bytes of valid JSON, cut into 16 KB chunks. */
function jsonChunks(size: number): Buffer[] {
  const json = Buffer.from(`{"text":"${'x'.repeat(size - 11)}"}`);
  const chunks: Buffer[] = [];
  for (let i = 0; i < json.byteLength; i += 16 * 1024) chunks.push(json.subarray(i, i + 16 * 1024));
  return chunks;
}

let key: string;
beforeAll(async () => {
  key = await newKey(beispiel?.users[0]?.email as string, [ORIGIN]);
});

describe('forwarded headers count for nothing without a configured proxy', () => {
  test('rotating X-Forwarded-For does not reset the per-visitor chat limit', async () => {
    const fresh = await newKey(beispiel?.users[0]?.email as string, [ORIGIN]);
    const statuses: number[] = [];
    for (let i = 1; i <= 25 && !statuses.includes(429); i++) {
      const forged = `203.0.113.${i}`;
      const res = await widget('/conversations', {
        method: 'POST',
        key: fresh,
        body: {},
        headers: { 'x-forwarded-for': forged, 'x-real-ip': forged, forwarded: `for=${forged}` },
      });
      statuses.push(res.status);
    }
    // 20 conversations per visitor in a burst (CARBOT_RATE_LIMIT_VISITOR), then 429 — forged addresses or not.
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.length).toBeLessThanOrEqual(21);
    // Another visitor (vouched for by the site server's signature) is not affected.
    const other = await widget('/conversations', {
      method: 'POST',
      key: fresh,
      body: {},
      headers: viaSiteServer('198.51.100.201'),
    });
    expect(other.status, other.text).toBe(201);
  });

  test('rotating X-Forwarded-For does not reset the registration throttle; a forged site-server signature neither', async () => {
    // From an address of its own, so that exhausting its quota couples no other test to this one.
    const from = '127.0.0.77';
    const statuses: number[] = [];
    for (let i = 1; i <= 12 && !statuses.includes(429); i++) {
      const res = await raw(
        'POST',
        '/onboarding/register',
        {
          'content-type': 'application/json',
          'x-forwarded-for': `203.0.113.${100 + i}`,
          'x-carbot-visitor': `203.0.113.${100 + i} ${Math.floor(Date.now() / 1000) + 60} AAAAAAAAAAAAAAAAAAAAAAAA`,
        },
        { plain: Buffer.from('{"email":"x"}') },
        from,
      );
      statuses.push(res.status);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.length).toBeLessThanOrEqual(11);
    // The connection address really is what counts: another one registers (gets its 400 for bad input).
    const other = await raw(
      'POST',
      '/onboarding/register',
      { 'content-type': 'application/json' },
      { plain: Buffer.from('{"email":"x"}') },
      '127.0.0.78',
    );
    expect(other.status).toBe(400);
  });

  test('Directus itself records the connection address, not a forged one (login activity)', async () => {
    const forged = '203.0.113.250';
    const res = await as(null).post(
      '/auth/login',
      { email: schneider?.users[1]?.email, password: PASSWORD },
      { 'x-forwarded-for': forged },
    );
    expect(res.status, res.text).toBe(200);
    const activity = await admin().get(
      `/activity${qs({ filter: { action: { _eq: 'login' } }, sort: '-timestamp', limit: '1', fields: 'ip' })}`,
    );
    expect(activity.body.data[0].ip).not.toBe(forged);
    expect(activity.body.data[0].ip).toMatch(/^(127\.0\.0\.1|::1)$/);
  });
});

describe('bodies are limited by the bytes read, on every CarBot route', () => {
  const routes: [label: string, method: string, path: string, headers: () => Record<string, string>][] = [
    ['widget: new conversation', 'POST', '/widget/conversations', () => ({ 'x-carbot-key': key, origin: ORIGIN })],
    [
      'widget: configuration (GET with a body)',
      'GET',
      '/widget/config',
      () => ({ 'x-carbot-key': key, origin: ORIGIN }),
    ],
    ['widget, other spelling', 'POST', '/WIDGET/Conversations', () => ({ 'x-carbot-key': key, origin: ORIGIN })],
    ['registration', 'POST', '/onboarding/register', () => ({})],
    ['resend', 'POST', '/onboarding/resend', () => ({})],
    ['billing webhook', 'POST', '/billing/webhook', () => ({ 'stripe-signature': 't=1,v1=00' })],
    ['checkout', 'POST', '/billing/checkout', () => ({})],
    ['preview content', 'GET', '/carbot-site/preview-content', () => ({})],
  ];

  test.each(routes)('%s: a 900 KB chunked JSON body → 413 in German', async (_label, method, path, headers) => {
    const res = await raw(
      method,
      path,
      { ...headers(), 'content-type': 'application/json' },
      { chunked: jsonChunks(900 * 1024) },
    );
    expect(res.status, res.text).toBe(413);
    expect(JSON.parse(res.text).errors[0]).toMatchObject({
      message: path.toLowerCase().startsWith('/widget')
        ? 'Die Nachricht ist zu lang.'
        : expect.stringContaining('Die Anfrage ist zu groß'),
      extensions: { code: 'PAYLOAD_TOO_LARGE' },
    });
  });

  test.each(routes)('%s: a 900 KB chunked text/plain body → 413 as well', async (_label, method, path, headers) => {
    const res = await raw(
      method,
      path,
      { ...headers(), 'content-type': 'text/plain' },
      { chunked: jsonChunks(900 * 1024) },
    );
    expect(res.status, res.text).toBe(413);
  });

  test('a declared Content-Length beyond the limit is refused before the body is read', async () => {
    const res = await raw(
      'POST',
      '/widget/conversations',
      { 'x-carbot-key': key, origin: ORIGIN, 'content-type': 'application/json' },
      { plain: Buffer.concat(jsonChunks(17 * 1024)) },
    );
    expect(res.status).toBe(413);
  });

  test('below the limit a chunked body is read and parsed as usual', async () => {
    const { id, session } = await conversation(key);
    const body = Buffer.from(JSON.stringify({ text: 'Was kostet die HU?', padding: 'x'.repeat(12 * 1024) }));
    const res = await raw(
      'POST',
      `/widget/conversations/${id}/messages`,
      { 'x-carbot-key': key, origin: ORIGIN, 'x-carbot-session': session, 'content-type': 'application/json' },
      { chunked: [body.subarray(0, 5000), body.subarray(5000)] },
    );
    expect(res.status, res.text).toBe(200);
    expect(res.text).toContain('event: done');
  });

  test('broken JSON is a 400 with a German message, never a 5xx', async () => {
    const res = await raw(
      'POST',
      '/onboarding/register',
      { 'content-type': 'application/json' },
      { chunked: [Buffer.from('{"a":')] },
    );
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).errors[0].message).toContain('kein gültiges JSON');
  });

  test('Directus’s own routes keep their limit (MAX_PAYLOAD_SIZE) on chunked bodies too', async () => {
    const res = await raw(
      'POST',
      '/items/faqs',
      { authorization: `Bearer ${inject('adminToken')}`, 'content-type': 'application/json' },
      { chunked: jsonChunks(1536 * 1024) },
    );
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });
});

describe('the site server reads bodies by bytes too', () => {
  let sites: Awaited<ReturnType<typeof startSites>>;
  beforeAll(async () => {
    sites = await startSites();
  });
  afterAll(() => sites?.stop());
  const at = (host: string) => ({ port: sites.port, host });

  test('cache purge (with the secret): a 900 KB chunked body → 413, a small one still works', async () => {
    const auth = { authorization: `Bearer ${sites.secret}`, 'content-type': 'application/json' };
    const big = await raw(
      'POST',
      '/_carbot/purge',
      auth,
      { chunked: jsonChunks(900 * 1024) },
      undefined,
      at('127.0.0.1'),
    );
    expect(big.status, big.text).toBe(413);
    expect(JSON.parse(big.text).errors[0].message).toContain('zu groß');
    const small = await raw(
      'POST',
      '/_carbot/purge',
      auth,
      { chunked: [Buffer.from('{"platform":true}')] },
      undefined,
      at('127.0.0.1'),
    );
    expect(small.status, small.text).toBe(200);
  });

  test('registration form: a 900 KB chunked form → 413 with the form and a German message', async () => {
    const form = Buffer.from(`workshop_name=${'x'.repeat(900 * 1024)}`);
    const chunks = Array.from({ length: Math.ceil(form.byteLength / 16384) }, (_, i) =>
      form.subarray(i * 16384, (i + 1) * 16384),
    );
    const res = await raw(
      'POST',
      '/registrieren',
      { 'content-type': 'application/x-www-form-urlencoded', origin: `http://localhost:${sites.port}` },
      { chunked: chunks },
      undefined,
      at(`localhost:${sites.port}`),
    );
    expect(res.status).toBe(413);
    expect(res.text).toContain('Die Anfrage ist zu groß');
  });
});

describe('site keys work only from the origin they were signed for, on every widget route', () => {
  const site = 'http://autohaus-beispiel.localhost:4321';
  let signed: string;
  let started: { id: string; session: string };
  beforeAll(async () => {
    signed = siteKey(String(inject('edgeUrls').sitesPurgeSecret), beispiel?.workshops[0]?.id as string, site);
    started = await conversation(signed, site);
  });
  const calls = (): [string, string, unknown][] => [
    ['GET', '/config', undefined],
    ['POST', '/conversations', {}],
    ['GET', `/conversations/${started.id}/messages`, undefined],
    ['POST', `/conversations/${started.id}/messages`, { text: 'Hallo' }],
    ['POST', `/conversations/${started.id}/lead`, { name: 'Eva', phone: '+49 89 1234567' }],
    ['POST', `/conversations/${started.id}/handoff`, {}],
  ];

  test.each([
    ['another site', 'https://evil.example'],
    ['another workshop’s site', 'http://kfz-schneider.localhost:4321'],
    ['the same host over https', 'https://autohaus-beispiel.localhost:4321'],
    ['another port', 'http://autohaus-beispiel.localhost:4322'],
    ['no origin', null],
    ['the literal null origin', 'null'],
  ])('from %s every route refuses the key', async (_label, origin) => {
    for (const [method, path, body] of calls()) {
      const res = await widget(path, { method, key: signed, origin, session: started.session, body });
      expect([401, 403], `${method} ${path}: ${res.text}`).toContain(res.status);
    }
  });

  test('a session started on the site is worthless with another key of the same workshop', async () => {
    const other = await newKey(beispiel?.users[0]?.email as string, ['https://copy.example']);
    const res = await widget(`/conversations/${started.id}/messages`, {
      key: other,
      origin: 'https://copy.example',
      session: started.session,
    });
    expect(res.status).toBe(401);
    expect(res.body.errors[0].extensions.code).toBe('INVALID_SESSION');
    const own = await widget(`/conversations/${started.id}/messages`, {
      key: signed,
      origin: site,
      session: started.session,
    });
    expect(own.status, own.text).toBe(200);
  });
});

describe('leads from the widget', () => {
  const consent = async (k: string) => ({
    given: true,
    version: (await widget('/config', { key: k })).body.data.consent.version as string,
  });
  const lead = { name: 'Erika Sicherheit', phone: '+49 89 555 0177', car: 'Opel Astra' };

  test('one lead per conversation: the same details again change nothing, new details correct the lead', async () => {
    const { id, session } = await conversation(key);
    const agreed = await consent(key);
    const submit = (body: Record<string, unknown>) =>
      widget(`/conversations/${id}/lead`, { method: 'POST', key, session, body: { ...body, consent: agreed } });
    const first = await submit(lead);
    expect(first.status, first.text).toBe(201);
    const again = await submit(lead);
    expect(again.status).toBe(200);
    expect(again.body.data).toMatchObject({ id: first.body.data.id, updated: false });
    const corrected = await submit({ ...lead, phone: '+49 89 555 0178' });
    expect(corrected.status).toBe(200);
    expect(corrected.body.data).toMatchObject({ id: first.body.data.id, updated: true });
    expect(corrected.body.data.message).toContain('aktualisiert');
    const stored = await admin().get(
      `/items/leads${qs({ filter: { conversation: { _eq: id } }, fields: 'id,phone' })}`,
    );
    expect(stored.body.data).toEqual([{ id: first.body.data.id, phone: '+49 89 555 0178' }]);
    const mail = await waitForMail(
      (m) => m.subject.startsWith('Lead aktualisiert: Erika Sicherheit') && m.text.includes('0178'),
    );
    expect(mail.text).toContain(`/admin/content/leads/${first.body.data.id}`);
  });

  test('ten submits fired at once still make one lead', async () => {
    const { id, session } = await conversation(key);
    const agreed = await consent(key);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        widget(`/conversations/${id}/lead`, {
          method: 'POST',
          key,
          session,
          body: { ...lead, wish: `Versuch ${i}`, consent: agreed },
        }),
      ),
    );
    expect(results.every((r) => r.status === 200 || r.status === 201)).toBe(true);
    const stored = await admin().get(`/items/leads${qs({ filter: { conversation: { _eq: id } }, fields: 'id' })}`);
    expect(stored.body.data).toHaveLength(1);
  });

  test('notification mails are capped per workshop and hour; the leads beyond are stored and say why', async () => {
    const owner = as(await login(schneider?.users[0]?.email as string, PASSWORD));
    const workshop = (
      await owner.get('/items/workshops?fields=id,email&limit=1&sort=date_created&filter[status][_eq]=published')
    ).body.data[0] as { id: string; email: string };
    const inbox = `cap.${Date.now().toString(36)}@example.com`;
    expect((await admin().patch(`/items/workshops/${workshop.id}`, { email: inbox })).status).toBe(200);
    try {
      const origin = 'https://www.kfz-schneider.example';
      const k = await newKey(schneider?.users[0]?.email as string, [origin]);
      const version = (await widget('/config', { key: k, origin })).body.data.consent.version;
      const leadIds: string[] = [];
      // The default cap (CARBOT_LEAD_MAIL_LIMIT=20/3600), and one more; every lead from another visitor.
      for (let i = 1; i <= 21; i++) {
        const visitor = viaSiteServer(`198.51.100.${i}`);
        const { id, session } = await conversation(k, origin, visitor);
        const res = await widget(`/conversations/${id}/lead`, {
          method: 'POST',
          key: k,
          origin,
          session,
          headers: visitor,
          body: { name: `Flut ${i}`, phone: '+49 40 123456', consent: { given: true, version } },
        });
        expect(res.status, res.text).toBe(201);
        leadIds.push(res.body.data.id);
      }
      const last = await waitForMail((m) => m.to.includes(inbox) && m.subject.includes('Flut 20'));
      expect(last.text).toContain('Weitere Anfragen in diesem Zeitraum werden im Admin gespeichert');
      const readLeads = async () =>
        (
          await admin().get(
            `/items/leads${qs({ filter: { id: { _in: leadIds } }, fields: 'name,notified_at,notes', sort: 'date_created' })}`,
          )
        ).body.data as { name: string; notified_at: string | null; notes: string | null }[];
      // notified_at is set by the outbox once a mail has gone out: wait for the first twenty.
      let leads = await readLeads();
      for (const deadline = Date.now() + 15_000; Date.now() < deadline; leads = await readLeads()) {
        if (leads.slice(0, 20).every((l) => l.notified_at)) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(leads).toHaveLength(21);
      expect(leads.slice(0, 20).every((l) => l.notified_at && !l.notes)).toBe(true);
      expect(leads[20]).toMatchObject({ name: 'Flut 21', notified_at: null });
      expect(leads[20]?.notes).toContain('Keine E-Mail-Benachrichtigung');
    } finally {
      await admin().patch(`/items/workshops/${workshop.id}`, { email: workshop.email });
    }
  });
});

describe('secrets and hashes are out of reach of every tenant role', () => {
  const secrets = readSchemaFiles()
    .fields.filter((f) => isSecretField(f.collection, f.field))
    .map((f) => [f.collection, f.field] as const);
  const roles = [
    ['owner', () => beispiel?.users[0]?.email as string],
    ['staff', () => beispiel?.users[1]?.email as string],
  ] as const;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string | number> = {};

  beforeAll(async () => {
    for (const [role, email] of roles) tokens[role] = await login(email(), PASSWORD);
    // A row of each collection in the attacker's own tenant to aim at (a conversation with a consent for sure).
    const { id, session } = await conversation(key);
    await widget(`/conversations/${id}/lead`, {
      method: 'POST',
      key,
      session,
      body: {
        name: 'Geheim Test',
        phone: '+49 89 7654321',
        consent: { given: true, version: (await widget('/config', { key })).body.data.consent.version },
      },
    });
    for (const [collection] of secrets) {
      const row = await admin().get(
        `/items/${collection}${qs({ filter: { tenant: { _eq: beispiel?.tenant.id } }, fields: 'id', limit: '1' })}`,
      );
      if (row.body?.data?.[0]) ids[collection] = row.body.data[0].id;
    }
  });

  test('the schema has the fields this is about', () => {
    expect(secrets).toEqual(
      expect.arrayContaining([
        ['conversations', 'visitor_token_hash'],
        ['conversations', 'visitor_hash'],
        ['consents', 'ip_hash'],
        ['inventory_feeds', 'push_secret'],
      ]),
    );
  });

  for (const [role] of roles) {
    test.each(secrets)(`${role}: %s.%s cannot be read, filtered on or written over REST`, async (collection, field) => {
      const user = as(tokens[role] as string);
      expect((await user.get(`/items/${collection}?fields=${field}&limit=1`)).status).toBe(403);
      expect(
        (await user.get(`/items/${collection}${qs({ filter: { [field]: { _nnull: true } }, limit: '1' })}`)).status,
      ).toBe(403);
      expect((await user.get(`/items/${collection}${qs({ sort: field, limit: '1' })}`)).status).toBe(403);
      const all = await user.get(`/items/${collection}?fields=*&limit=20`);
      if (all.status === 200) for (const row of all.body.data) expect(Object.keys(row)).not.toContain(field);
      expect((await user.post(`/items/${collection}`, { [field]: 'x' })).status).toBe(403);
      const id = ids[collection];
      if (id !== undefined) {
        expect((await user.patch(`/items/${collection}/${id}`, { [field]: 'x' })).status).toBe(403);
        expect((await user.patch(`/items/${collection}`, { keys: [id], data: { [field]: 'x' } })).status).toBe(403);
      }
    });

    test.each(secrets)(`${role}: %s.%s cannot be read or written over GraphQL`, async (collection, field) => {
      const user = as(tokens[role] as string);
      const read = await user.graphql(`query { ${collection}(limit: 1) { ${field} } }`);
      expect(read.body.errors?.length, read.text).toBeGreaterThan(0);
      expect(read.body.data?.[collection]?.[0]?.[field]).toBeUndefined();
      const id = ids[collection];
      if (id !== undefined) {
        const write = await user.graphql(
          `mutation { update_${collection}_item(id: ${JSON.stringify(String(id))}, data: { ${field}: "x" }) { id } }`,
        );
        expect(write.body.errors?.length, write.text).toBeGreaterThan(0);
      }
    });
  }

  test('staff cannot take over a visitor’s chat by planting their own session hash', async () => {
    const { id, session } = await conversation(key);
    const mine = 'uebernommen';
    const staff = as(tokens.staff as string);
    const hash = createHash('sha256').update(mine).digest('hex');
    expect((await staff.patch(`/items/conversations/${id}`, { visitor_token_hash: hash })).status).toBe(403);
    expect((await staff.patch('/items/conversations', { keys: [id], data: { visitor_token_hash: hash } })).status).toBe(
      403,
    );
    const graphql = await staff.graphql(
      `mutation { update_conversations_items(ids: ["${id}"], data: { visitor_token_hash: "${hash}" }) { id } }`,
    );
    expect(graphql.body.errors?.length).toBeGreaterThan(0);
    const stolen = await widget(`/conversations/${id}/messages`, { key, session: `${id}.${mine}` });
    expect(stolen.status).toBe(401);
    const visitor = await widget(`/conversations/${id}/messages`, { key, session });
    expect(visitor.status).toBe(200);
  });

  test('the owner still sees the widget key (it is public in the embed snippet) but cannot choose it', async () => {
    const owner = as(tokens.owner as string);
    const keys = await owner.get('/items/client_keys?fields=id,key&limit=1');
    expect(keys.body.data[0].key).toMatch(/^cbk_/);
    expect(
      (await owner.patch(`/items/client_keys/${keys.body.data[0].id}`, { key: `cbk_${'a'.repeat(32)}` })).status,
    ).toBe(403);
  });
});

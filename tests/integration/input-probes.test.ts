/**
 * Bad input against the newer public endpoints — page views from the site servers, the owner's insights,
 * the signed vehicle push and the admin upload, the booking API (also as the chat uses it) and the data
 * subject requests: oversized and chunked bodies, wrong content types, broken bytes and JSON, deep
 * nesting, wrong types, unknown fields, huge strings, odd numbers and dates, odd path parameters and
 * repeated query parameters. Every answer is a 4xx in Directus's error format with a message a person
 * understands (German, or the visitor's chosen language), never a 5xx, never a hang, and Directus keeps
 * answering afterwards.
 */
import { Agent, request } from 'node:http';
import { ROLE } from '@carbot/core/roles';
import { signPayload } from '@carbot/core/sync/signature';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { BOOKING_BY_REQUEST, weekdayHours } from '../support/booking.ts';
import { admin, as, login } from '../support/http.ts';
import { viaSiteServer } from '../support/visitors.ts';

const KB = 1024;
const MB = 1024 * KB;
const SUFFIX = Math.random().toString(36).slice(2, 8);
const PASSWORD = 'eingabe-probe-2026-sicher';
const ORIGIN = 'https://www.eingabe-probe.example';
const UUID_UNKNOWN = '0b0b0b0b-0000-4000-8000-000000000000';

type Answer = { status: number; text: string; body: any; ms: number };
type Call = {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer;
  /** Sent with Transfer-Encoding: chunked and no Content-Length. */
  chunked?: boolean;
};

/** Raw HTTP, so that broken bytes, chunked bodies and odd paths reach Directus unaltered. */
function send(call: Call): Promise<Answer> {
  const url = new URL(inject('directusUrl'));
  const started = Date.now();
  let seen: number | undefined;
  return new Promise((resolve) => {
    const headers: Record<string, string> = { ...(call.headers ?? {}) };
    if (call.body && !call.chunked && headers['content-length'] === undefined) {
      headers['content-length'] = String(call.body.byteLength);
    }
    // A connection of its own: a probe that lies about its length leaves its connection unusable. Kept
    // alive as a browser's or curl's is: a client that asks the server to close (`agent: false` sends
    // Connection: close) and keeps sending after an early 413 has its connection reset by Node, answer and all.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: call.method,
        path: call.path,
        headers,
        timeout: 60_000,
        agent,
      },
      (res) => {
        seen = res.statusCode ?? 0;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          agent.destroy();
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = null;
          try {
            body = JSON.parse(text);
          } catch {}
          resolve({ status: res.statusCode ?? 0, text, body, ms: Date.now() - started });
        });
      },
    );
    // A hang or a dropped connection is an answer no person understands.
    req.on('timeout', () => req.destroy(new Error('timeout')));
    // A client still sending when the server has answered and closed gets EPIPE, but has the answer.
    req.on('error', (error) => {
      agent.destroy();
      resolve({ status: seen ?? -1, text: error.message, body: null, ms: Date.now() - started });
    });
    if (call.body) {
      if (call.chunked) {
        // Several chunks, as a streaming client sends them.
        const size = Math.max(1, Math.ceil(call.body.byteLength / 4));
        for (let i = 0; i < call.body.byteLength; i += size) req.write(call.body.subarray(i, i + size));
      } else req.write(call.body);
    }
    req.end();
  });
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const raw = (text: string) => Buffer.from(text);
/** A JSON object of exactly `bytes` bytes. */
const jsonOfSize = (bytes: number) => {
  const shell = '{"filler":""}';
  return Buffer.from(`{"filler":"${'x'.repeat(bytes - shell.length)}"}`);
};
/** Nested arrays, as deep as the bytes allow. */
const nested = (depth: number, key = 'views') => raw(`{"${key}":${'['.repeat(depth)}${']'.repeat(depth)}}`);
const brokenUtf8 = (key: string) =>
  Buffer.concat([raw(`{"${key}":"Gr`), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), raw('ße"}')]);

// German, in the words our messages use; Directus's English defaults ("Invalid payload") do not pass.
const GERMAN =
  /\b(der|die|das|den|dem|des|ein|eine|einen|ist|sind|nicht|kein|keine|bitte|nur|für|mit|zu|oder|und|Sie|gibt|höchstens|gültig\w*|Anfrage|Angabe\w*|muss|einer|als)\b/i;
const ENGLISH = /\b(the|a|an|is|are|not|please|choose|valid|your)\b/i;

type Row = {
  endpoint: string;
  probe: string;
  call: () => Call | Promise<Call>;
  /** Acceptable statuses: the endpoint's own for a good request, else the 4xx that fits. */
  expect: number[];
  language?: 'de' | 'en';
};

const rows: Row[] = [];
const add = (endpoint: string, probe: string, expected: number | number[], call: Row['call'], language?: 'de' | 'en') =>
  rows.push({ endpoint, probe, call, expect: Array.isArray(expected) ? expected : [expected], language });
/** A probe of a body endpoint, unless the endpoint documents another answer for it. */
const addFor =
  (t: { endpoint: string; except?: Record<string, number[]> }) =>
  (probe: string, expected: number | number[], call: Row['call']) =>
    add(t.endpoint, probe, t.except?.[probe] ?? expected, call);

let owner: ReturnType<typeof as>;
let ownerToken: string;
let workshop: string;
let service: string;
// Several keys, taken in turn: the probes are more calls than one key may make per minute.
const bookingKeys: string[] = [];
let keyTurn = 0;
const bookingKey = () => bookingKeys[keyTurn++ % bookingKeys.length] as string;
let pushFeed: { id: string; secret: string };
let uploadFeed: string;
let appointment: { id: string; token: string };
let sitesSecret: string;

let visitors = 0;
const nextVisitor = () => {
  visitors += 1;
  return `198.51.${Math.floor(visitors / 250) % 250}.${(visitors % 250) + 1}`;
};

// ---- The endpoints, each with what a good request looks like ----

type BodyTarget = {
  endpoint: string;
  method: string;
  path: () => string;
  /** Authentication and other headers, which may depend on the exact bytes (the push's signature). */
  headers: (body: Buffer) => Record<string, string>;
  /** The documented body limit. */
  limit: number;
  valid: () => Record<string, unknown>;
  ok: number;
  /** A body's top-level field whose value the probes replace with garbage. */
  field: string;
  /** The answers to garbage in that field or in the body's type: 400, or what the endpoint documents. */
  bad?: number[];
  /** Probes whose answer the endpoint documents differently, by probe name. */
  except?: Record<string, number[]>;
};

const viewOf = (over: Record<string, unknown> = {}) => ({
  workshop,
  path: '/leistungen',
  day: '2026-11-29',
  visitor: 'b'.repeat(32),
  at: Date.parse('2026-11-29T10:00:00Z'),
  ...over,
});
const views: BodyTarget = {
  endpoint: 'POST /carbot-analytics/views',
  method: 'POST',
  path: () => '/carbot-analytics/views',
  headers: () => ({ 'content-type': 'application/json', 'x-carbot-sites-secret': sitesSecret }),
  limit: 2 * MB,
  valid: () => ({ views: [viewOf()] }),
  ok: 200,
  field: 'views',
};

const signed = (body: Buffer) => ({
  'content-type': 'application/json',
  'x-carbot-signature': signPayload(pushFeed.secret, Math.floor(Date.now() / 1000), body),
});
const vehicle = (over: Record<string, unknown> = {}) => ({
  external_id: `P-${SUFFIX}-1`,
  make: 'Volkswagen',
  model: 'Golf',
  price: 19990,
  mileage_km: 42000,
  first_registration: '2021-04',
  fuel: 'petrol',
  ...over,
});
const push: BodyTarget = {
  endpoint: 'POST /sync/feeds/:id/vehicles',
  method: 'POST',
  path: () => `/sync/feeds/${pushFeed.id}/vehicles`,
  headers: signed,
  limit: 50 * MB,
  valid: () => ({ mode: 'delta', vehicles: [vehicle()] }),
  ok: 200,
  field: 'vehicles',
  // docs/sync.md: a bare list is a snapshot, and entries that are no vehicle are rejected rows of a 200
  // report; a snapshot that would remove every vehicle is stopped by the guard (409).
  except: {
    'JSON that is no object (a list)': [200, 409],
    'wrong type: list': [200],
  },
};

const booking = (over: Record<string, unknown> = {}) => ({
  service,
  start: '2027-06-08T09:00:00+02:00',
  name: 'Erika Probe',
  phone: '0171 7654321',
  email: `erika.${SUFFIX}@example.org`,
  licence_plate: 'M-EP 123',
  consent: { given: true, version: '2026-11-booking' },
  source: 'assistant',
  ...over,
});
const bookingHeaders = () => ({
  'content-type': 'application/json',
  'x-carbot-key': bookingKey(),
  origin: ORIGIN,
  ...viaSiteServer(nextVisitor()),
});
const appointments: BodyTarget = {
  endpoint: 'POST /booking/appointments',
  method: 'POST',
  path: () => '/booking/appointments',
  headers: bookingHeaders,
  limit: 16 * KB,
  // A good booking is made once (see below); the probes send what must be refused before a slot is taken.
  valid: () => booking({ start: 'gestern' }),
  ok: 400,
  field: 'name',
};
const cancel: BodyTarget = {
  endpoint: 'POST /booking/appointments/:id/cancel',
  method: 'POST',
  path: () => `/booking/appointments/${appointment.id}/cancel`,
  headers: bookingHeaders,
  limit: 16 * KB,
  // A wrong token: the appointment stays, so every probe meets the same state.
  valid: () => ({ token: 'a'.repeat(43) }),
  ok: 403,
  field: 'token',
  // A manage link with a token of the wrong shape is no link: refused like a wrong token.
  bad: [400, 403],
};
const rebook: BodyTarget = {
  ...cancel,
  endpoint: 'POST /booking/appointments/:id/rebook',
  path: () => `/booking/appointments/${appointment.id}/rebook`,
  valid: () => ({ token: 'a'.repeat(43), start: '2027-06-09T09:00:00+02:00' }),
};

const ownerJson = () => ({ 'content-type': 'application/json', authorization: `Bearer ${ownerToken}` });
const find: BodyTarget = {
  endpoint: 'POST /privacy/find',
  method: 'POST',
  path: () => '/privacy/find',
  headers: ownerJson,
  limit: 16 * KB,
  valid: () => ({ email: `niemand.${SUFFIX}@example.org` }),
  ok: 200,
  field: 'email',
};
const exportTarget: BodyTarget = { ...find, endpoint: 'POST /privacy/export', path: () => '/privacy/export' };
const erase: BodyTarget = {
  ...find,
  endpoint: 'POST /privacy/erase',
  path: () => '/privacy/erase',
  valid: () => ({ email: `niemand.${SUFFIX}@example.org`, confirm: true }),
};
const retention: BodyTarget = {
  ...find,
  endpoint: 'PATCH /privacy/retention',
  method: 'PATCH',
  path: () => '/privacy/retention',
  valid: () => ({ conversationsDays: 90, leadsMonths: 12 }),
  field: 'conversationsDays',
};

const BODY_TARGETS = [views, push, appointments, cancel, rebook, find, exportTarget, erase, retention];

// ---- Probes every body endpoint gets ----

for (const t of BODY_TARGETS) {
  const at = (body: Buffer, extra: Partial<Call> = {}): Call => ({
    method: t.method,
    path: t.path(),
    headers: t.headers(body),
    body,
    ...extra,
  });
  const withField = (value: unknown) => json({ ...t.valid(), [t.field]: value });
  const bad = t.bad ?? [400];
  const probe = addFor(t);
  probe('a good request', t.ok, () => at(json(t.valid())));
  probe('a good request, chunked without Content-Length', t.ok, () => at(json(t.valid()), { chunked: true }));
  probe('2 MB of JSON', t.limit <= 2 * MB ? 413 : [t.ok], () => at(json({ ...t.valid(), filler: 'x'.repeat(2 * MB) })));
  probe('one byte above the documented limit', 413, () => at(jsonOfSize(t.limit + 1)));
  probe('one byte above the limit, chunked', 413, () => at(jsonOfSize(t.limit + 1), { chunked: true }));
  probe('a Content-Length above the limit, with a small body', 413, () => ({
    ...at(json(t.valid())),
    headers: { ...t.headers(json(t.valid())), 'content-length': String(t.limit + 10) },
  }));
  probe('wrong content type (text/plain)', [415, ...bad], () => {
    const body = json(t.valid());
    return at(body, { headers: { ...t.headers(body), 'content-type': 'text/plain' } });
  });
  probe('wrong content type (form data)', [415, ...bad], () => {
    const body = raw(`${t.field}=x&confirm=true`);
    return at(body, { headers: { ...t.headers(body), 'content-type': 'application/x-www-form-urlencoded' } });
  });
  probe('invalid UTF-8 bytes', 400, () => at(brokenUtf8(t.field)));
  probe('broken JSON', 400, () => at(raw(`{"${t.field}": [1, 2,`)));
  probe('JSON that is no object (null)', 400, () => at(raw('null')));
  probe('JSON that is no object (a string)', 400, () => at(raw('"Hallo"')));
  probe('JSON that is no object (a list)', bad, () => at(raw('[1,2,3]')));
  probe('deeply nested JSON', 400, () => at(nested(Math.min(Math.floor((t.limit - 100) / 2), 100_000), t.field)));
  probe('wrong type: number', bad, () => at(withField(12345)));
  probe('wrong type: object', bad, () => at(withField({ $gt: '' })));
  probe('wrong type: list', bad, () => at(withField(['a', 'b'])));
  probe('wrong type: true', bad, () => at(withField(true)));
  probe('unknown fields and prototype keys', [t.ok, ...bad], () =>
    at(
      raw(
        JSON.stringify({ ...t.valid(), unbekannt: 1 }).replace(
          /^\{/,
          '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}},',
        ),
      ),
    ),
  );
  probe('a huge string in a field', bad, () => at(withField('ä'.repeat(Math.min(t.limit, 2 * MB) / 4))));
  probe('control characters in a field', [t.ok, ...bad], () => at(withField('a\u0000b\u001b[31m')));
  probe('a number beyond double range (1e999)', bad, () =>
    at(raw(JSON.stringify({ ...t.valid(), [t.field]: 0 }).replace(`"${t.field}":0`, `"${t.field}":1e999`))),
  );
}

// ---- Probes of each endpoint's own fields ----

const viewsWith = (over: Record<string, unknown>) => {
  const body = json({ views: [viewOf(over)] });
  return { method: 'POST', path: '/carbot-analytics/views', headers: views.headers(body), body };
};
for (const [probe, over] of [
  ['negative time', { at: -1 }],
  ['fractional time', { at: 1.5 }],
  ['time far beyond year 9999', { at: 1e20 }],
  ['time as a string', { at: '2026-11-29T10:00:00Z' }],
  ['day that does not exist (2026-02-31)', { day: '2026-02-31' }],
  ['day with month 13', { day: '2026-13-01' }],
  ['day in another format', { day: '29.11.2026' }],
  ['workshop that is no UUID', { workshop: "' OR 1=1 --" }],
  ['visitor that is an IP address', { visitor: '203.0.113.9' }],
  ['path with a NUL byte', { path: '/a\u0000b' }],
  ['path of 501 characters', { path: `/${'x'.repeat(500)}` }],
  ['empty path', { path: '' }],
  ['language of 100 characters', { language: 'x'.repeat(100) }],
  ['referrer host as an object', { referrer_host: { host: 'x' } }],
] as const) {
  add(views.endpoint, probe, 400, () => viewsWith(over));
}
add(views.endpoint, '1001 views in one batch', 400, () => {
  const body = json({ views: Array.from({ length: 1001 }, () => viewOf()) });
  return { method: 'POST', path: '/carbot-analytics/views', headers: views.headers(body), body };
});
add(views.endpoint, 'a workshop that does not exist', 200, () => viewsWith({ workshop: UUID_UNKNOWN }));

const salt = (query: string) => ({
  method: 'GET',
  path: `/carbot-analytics/salt${query}`,
  headers: { 'x-carbot-sites-secret': sitesSecret },
});
add('GET /carbot-analytics/salt', 'malformed day', 400, () => salt('?day=gestern'));
add('GET /carbot-analytics/salt', 'day that does not exist', [400, 404], () => salt('?day=2026-02-31'));
add('GET /carbot-analytics/salt', 'repeated day', 400, () => salt('?day=2026-11-29&day=2026-11-28'));
add('GET /carbot-analytics/salt', 'day as an object', 400, () => salt('?day[gt]=2026-11-29'));

const insights = (query: string) => ({
  method: 'GET',
  path: `/carbot-analytics/insights${query}`,
  headers: { authorization: `Bearer ${ownerToken}` },
});
const INSIGHTS = 'GET /carbot-analytics/insights';
add(INSIGHTS, 'a good request', 200, () => insights('?granularity=week'));
add(INSIGHTS, 'malformed from', 400, () => insights('?from=letzte-Woche'));
add(INSIGHTS, 'from that does not exist (2026-02-31)', 400, () => insights('?from=2026-02-31&to=2026-03-05'));
add(INSIGHTS, 'month 13', 400, () => insights('?from=2026-13-01'));
add(INSIGHTS, 'to before from', 400, () => insights('?from=2026-11-29&to=2026-11-01'));
add(INSIGHTS, 'more than two years', 400, () => insights('?from=2020-01-01&to=2026-11-29'));
add(INSIGHTS, 'repeated from', 400, () => insights('?from=2026-11-01&from=2026-11-02'));
add(INSIGHTS, 'from as an object', 400, () => insights('?from[_gt]=2026-11-01'));
add(INSIGHTS, 'unknown granularity', 400, () => insights('?granularity=hour'));
add(INSIGHTS, 'repeated granularity', 400, () => insights('?granularity=day&granularity=week'));
add(INSIGHTS, 'workshop that is no UUID', 400, () => insights(`?workshop=${encodeURIComponent("1' OR '1'='1")}`));
add(INSIGHTS, 'workshop of nobody', 404, () => insights(`?workshop=${UUID_UNKNOWN}`));
add(INSIGHTS, 'repeated workshop', 400, () => insights(`?workshop=${workshop}&workshop=${workshop}`));
add(INSIGHTS, 'invalid percent-encoding', 400, () => insights('?from=%E0%A4%A'));

const pushWith = (value: unknown) => {
  const body = json(value);
  return { method: 'POST', path: push.path(), headers: push.headers(body), body };
};
// A delivery that cannot be read at all is refused; single bad rows are rejected in a 200 report (docs/sync.md).
for (const [probe, value, status] of [
  ['no vehicles list', { mode: 'delta' }, 400],
  ['vehicles as a string', { vehicles: 'alle' }, 400],
  ['unknown mode', { mode: 'alles', vehicles: [vehicle()] }, 400],
  ['a vehicle that is a number', { mode: 'delta', vehicles: [7] }, 200],
  ['negative price', { mode: 'delta', vehicles: [vehicle({ price: -5 })] }, 200],
  ['price as text', { mode: 'delta', vehicles: [vehicle({ price: 'teuer' })] }, 200],
  ['mileage beyond double range', { mode: 'delta', vehicles: [vehicle({ mileage_km: 1e308 })] }, 200],
  ['first registration in month 13', { mode: 'delta', vehicles: [vehicle({ first_registration: '2021-13' })] }, 200],
  [
    'first registration as a date that does not exist',
    { mode: 'delta', vehicles: [vehicle({ first_registration: '2021-02-31' })] },
    200,
  ],
  ['year as an object', { mode: 'delta', vehicles: [vehicle({ year: { $gt: 1 } })] }, 200],
  ['a 1 MB description', { mode: 'delta', vehicles: [vehicle({ description: 'ö'.repeat(MB / 2) })] }, 200],
  ['a make with a NUL byte', { mode: 'delta', vehicles: [vehicle({ make: 'V\u0000W' })] }, 200],
  ['images as a string', { mode: 'delta', vehicles: [vehicle({ images: 'https://x.example/a.jpg' })] }, 200],
  ['external id as an object', { mode: 'delta', vehicles: [vehicle({ external_id: { a: 1 } })] }, 200],
] as const) {
  add(push.endpoint, probe, status, () => pushWith(value));
}
for (const [probe, path] of [
  ['feed id with invalid percent-encoding', '/sync/feeds/%E0%A4%A/vehicles'],
  ['feed id with a NUL byte', `/sync/feeds/${UUID_UNKNOWN}%00/vehicles`],
  ['feed id with an encoded slash', '/sync/feeds/..%2F..%2Fserver%2Finfo/vehicles'],
  ['feed id of 2000 characters', `/sync/feeds/${'a'.repeat(2000)}/vehicles`],
] as const) {
  add(push.endpoint, probe, [400, 401, 404], () => ({ ...pushWith({ mode: 'delta', vehicles: [] }), path }));
}

const UPLOAD = 'POST /sync/feeds/:id/upload';
const upload = (body: Buffer, type = 'text/csv', query = '', chunked = false): Call => ({
  method: 'POST',
  path: `/sync/feeds/${uploadFeed}/upload${query}`,
  headers: { authorization: `Bearer ${ownerToken}`, 'content-type': type },
  body,
  chunked,
});
const CSV = `external_id;make;model;price\nU-${SUFFIX};Opel;Corsa;9990\n`;
add(UPLOAD, 'a good CSV', 200, () => upload(raw(CSV)));
add(UPLOAD, 'a good CSV, chunked', 200, () => upload(raw(CSV), 'text/csv', '', true));
add(UPLOAD, 'one byte above 50 MB', 413, () => upload(Buffer.alloc(50 * MB + 1, 0x41)));
add(UPLOAD, 'one byte above 50 MB, chunked', 413, () => upload(Buffer.alloc(50 * MB + 1, 0x41), 'text/csv', '', true));
add(UPLOAD, 'an empty file', 400, () => upload(Buffer.alloc(0)));
add(UPLOAD, 'random bytes as CSV', [200, 400], () =>
  upload(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))),
);
add(UPLOAD, 'invalid UTF-8 in a JSON file', 400, () => upload(brokenUtf8('vehicles'), 'application/json'));
add(UPLOAD, 'JSON with a wrong type', 400, () => upload(json({ vehicles: 5 }), 'application/json'));
add(UPLOAD, 'deeply nested JSON file', 400, () => upload(nested(100_000, 'vehicles'), 'application/json'));
add(UPLOAD, 'repeated confirm', [200, 409], () => upload(raw(CSV), 'text/csv', '?confirm=true&confirm=true'));
add(UPLOAD, 'feed id with odd characters', 404, () => ({
  ...upload(raw(CSV)),
  path: `/sync/feeds/${encodeURIComponent('<script>')}%00/upload`,
}));
add(UPLOAD, 'feed id with invalid percent-encoding', [400, 404], () => ({
  ...upload(raw(CSV)),
  path: '/sync/feeds/%E0%A4%A/upload',
}));

const PORTAL = 'GET /sync/feeds/:id/portal/:portal';
const portal = (path: string) => ({ method: 'GET', path });
add(PORTAL, 'repeated token', 404, () => portal(`/sync/feeds/${pushFeed.id}/portal/google?token=a&token=b`));
add(PORTAL, 'token as an object', 404, () => portal(`/sync/feeds/${pushFeed.id}/portal/google?token[x]=1`));
add(PORTAL, 'odd portal name', 404, () =>
  portal(`/sync/feeds/${pushFeed.id}/portal/${encodeURIComponent('../../etc')}`),
);
add(PORTAL, 'invalid percent-encoding', [400, 404], () => portal('/sync/feeds/%E0%A4%A/portal/google'));

const bookingGet = (path: string, language?: string): Call => ({
  method: 'GET',
  path: `/booking${path}`,
  headers: {
    'x-carbot-key': bookingKey(),
    origin: ORIGIN,
    ...viaSiteServer(nextVisitor()),
    ...(language ? { 'accept-language': language } : {}),
  },
});
const SLOTS = 'GET /booking/slots';
add('GET /booking/services', 'a good request', 200, () => bookingGet('/services'));
add('GET /booking/services', 'repeated lang', 200, () => bookingGet('/services?lang=en&lang=tr'));
add('GET /booking/services', 'lang as an object', 200, () => bookingGet('/services?lang[x]=en'));
add(SLOTS, 'a good request', 200, () => bookingGet(`/slots?service=${service}&from=2027-06-07&to=2027-06-11`));
add(SLOTS, 'repeated service', 400, () => bookingGet(`/slots?service=${service}&service=${service}`));
add(SLOTS, 'service as an object', 400, () => bookingGet(`/slots?service[_eq]=${service}`));
add(SLOTS, 'unknown service', 400, () => bookingGet(`/slots?service=${UUID_UNKNOWN}`));
add(SLOTS, 'day that does not exist (2027-02-31)', 400, () =>
  bookingGet(`/slots?service=${service}&from=2027-02-31&to=2027-03-02`),
);
add(SLOTS, 'month 13', 400, () => bookingGet(`/slots?service=${service}&from=2027-13-01&to=2027-13-02`));
add(SLOTS, 'to before from', 400, () => bookingGet(`/slots?service=${service}&from=2027-06-11&to=2027-06-07`));
add(SLOTS, 'a range of ten years', 400, () => bookingGet(`/slots?service=${service}&from=2027-01-01&to=2036-12-31`));
add(SLOTS, 'repeated from', 400, () =>
  bookingGet(`/slots?service=${service}&from=2027-06-07&from=2027-06-08&to=2027-06-11`),
);
add(SLOTS, 'invalid percent-encoding', 400, () => bookingGet(`/slots?service=%E0%A4%A`));
add(
  SLOTS,
  'malformed date, English visitor',
  400,
  () => bookingGet(`/slots?service=${service}&from=morgen&to=2027-06-11&lang=en`),
  'en',
);

const APPOINTMENT = 'GET /booking/appointments/:id';
add(APPOINTMENT, 'repeated token', 403, () => bookingGet(`/appointments/${appointment.id}?token=a&token=b`));
add(APPOINTMENT, 'token as an object', 403, () => bookingGet(`/appointments/${appointment.id}?token[x]=1`));
add(APPOINTMENT, 'id with odd characters', 403, () =>
  bookingGet(`/appointments/${encodeURIComponent("1'; DROP TABLE appointments; --")}?token=x`),
);
add(APPOINTMENT, 'id with a NUL byte', 403, () => bookingGet(`/appointments/${appointment.id}%00?token=x`));
add(APPOINTMENT, 'id with invalid percent-encoding', [400, 403], () => bookingGet('/appointments/%E0%A4%A?token=x'));
add(APPOINTMENT, 'id of 5000 characters', [400, 403, 414], () =>
  bookingGet(`/appointments/${'9'.repeat(5000)}?token=x`),
);

const book = (over: Record<string, unknown>, query = '') => {
  const body = json(booking(over));
  return { method: 'POST', path: `/booking/appointments${query}`, headers: bookingHeaders(), body };
};
const BOOK = appointments.endpoint;
for (const [probe, over] of [
  ['malformed start', { start: '2027-13-45T25:61:00' }],
  ['start as a number', { start: 1_812_000_000_000 }],
  ['start as NaN text', { start: 'NaN' }],
  ['start in the past', { start: '2001-01-01T09:00:00+01:00' }],
  ['service that is no UUID', { service: "' OR 1=1 --" }],
  ['service as a list', { service: [UUID_UNKNOWN] }],
  ['consent as a string', { consent: 'ja' }],
  ['consent for another version', { consent: { given: true, version: '1999' } }],
  ['phone as a number', { phone: 1717654321, email: null }],
  ['e-mail of 400 characters', { email: `${'e'.repeat(390)}@example.org` }],
  ['name of 15 KB', { name: 'N'.repeat(15 * KB) }],
  ['licence plate with markup', { licence_plate: '<img src=x onerror=alert(1)>' }],
] as const) {
  add(BOOK, probe, 400, () => book(over));
}
add(BOOK, 'wrong types, English visitor', 400, () => book({ name: 5, start: 'morgen' }, '?lang=en'), 'en');

const cancelWith = (path: string, value: unknown) => {
  const body = json(value);
  return { method: 'POST', path: `/booking/appointments/${path}/cancel`, headers: bookingHeaders(), body };
};
add(cancel.endpoint, 'id with odd characters', [400, 403], () =>
  cancelWith(encodeURIComponent('../../x'), { token: 'x' }),
);
add(cancel.endpoint, 'id with invalid percent-encoding', [400, 403], () => cancelWith('%E0%A4%A', { token: 'x' }));
add(cancel.endpoint, 'token of 15 KB', [400, 403], () => cancelWith(appointment.id, { token: 't'.repeat(15 * KB) }));
add(rebook.endpoint, 'malformed start', [400, 403], () => {
  const body = json({ token: appointment.token, start: '2027-02-31T09:00:00+01:00' });
  return { method: 'POST', path: `/booking/appointments/${appointment.id}/rebook`, headers: bookingHeaders(), body };
});
add(rebook.endpoint, 'service as an object', 400, () => {
  const body = json({ token: appointment.token, service: { id: service }, start: '2027-06-10T09:00:00+02:00' });
  return { method: 'POST', path: `/booking/appointments/${appointment.id}/rebook`, headers: bookingHeaders(), body };
});

const privacy = (path: string, value: unknown, method = 'POST') => {
  const body = json(value);
  return { method, path: `/privacy/${path}`, headers: ownerJson(), body };
};
for (const [probe, value] of [
  ['nothing to look for', {}],
  ['e-mail of 400 characters', { email: `${'e'.repeat(390)}@example.org` }],
  ['e-mail that is no address', { email: 'niemand' }],
  ['phone with too few digits', { phone: '12' }],
  ['phone as a number', { phone: 1717654321 }],
  ['conversation that is no UUID', { conversation: "' OR 1=1 --" }],
  ['conversation as a list', { conversation: [UUID_UNKNOWN] }],
  ['only an unknown field', { name: 'Erika' }],
] as const) {
  add(find.endpoint, probe, 400, () => privacy('find', value));
  add(erase.endpoint, probe, 400, () => privacy('erase', { ...value, confirm: true }));
}
add(erase.endpoint, 'confirm as a string', 400, () => privacy('erase', { email: 'a@example.org', confirm: 'true' }));
for (const [probe, value] of [
  ['negative days', { conversationsDays: -30, leadsMonths: 12 }],
  ['days as text', { conversationsDays: 'dreißig', leadsMonths: 12 }],
  ['fractional months', { conversationsDays: 90, leadsMonths: 1.5 }],
  ['days beyond double range', { conversationsDays: 1e308, leadsMonths: 12 }],
  ['days as a list', { conversationsDays: [90], leadsMonths: 12 }],
  ['months as an object', { conversationsDays: 90, leadsMonths: { a: 1 } }],
  ['days as true', { conversationsDays: true, leadsMonths: 12 }],
] as const) {
  add(retention.endpoint, probe, 400, () => privacy('retention', value, 'PATCH'));
}

// ---- Setup: a tenant of its own, so no probe touches what other tests look at ----

beforeAll(async () => {
  sitesSecret = String(inject('edgeUrls').sitesPurgeSecret);
  const tenant = await admin().post('/items/tenants', {
    name: `Eingabeprobe ${SUFFIX} GmbH`,
    plan: 'enterprise',
    subscription_status: 'active',
  });
  expect(tenant.status, tenant.text).toBe(200);
  const ws = await admin().post('/items/workshops', {
    tenant: tenant.body.data.id,
    name: 'Eingabeprobe',
    slug: `eingabeprobe-${SUFFIX}`,
    status: 'published',
    template: 'klassisch',
    email: `team.${SUFFIX}@eingabeprobe.example`,
    languages: ['de', 'en'],
    opening_hours: weekdayHours('08:00', '17:00'),
    ...BOOKING_BY_REQUEST,
  });
  expect(ws.status, ws.text).toBe(200);
  workshop = ws.body.data.id;
  const svc = await admin().post('/items/services', {
    workshop,
    status: 'published',
    price: 99,
    duration_minutes: 60,
    buffer_minutes: 0,
    bookable: true,
    translations: [
      { languages_code: 'de', name: 'Ölwechsel' },
      { languages_code: 'en', name: 'Oil change' },
    ],
  });
  expect(svc.status, svc.text).toBe(200);
  service = svc.body.data.id;
  for (let i = 0; i < 4; i += 1) {
    const key = await admin().post('/items/client_keys', { workshop, name: `Probe ${i}`, allowed_origins: [ORIGIN] });
    expect(key.status, key.text).toBe(200);
    bookingKeys.push(key.body.data.key);
  }
  const user = await admin().post('/users', {
    email: `inhaber.${SUFFIX}@example.com`,
    password: PASSWORD,
    role: ROLE.owner,
    tenant: tenant.body.data.id,
  });
  expect(user.status, user.text).toBe(200);
  ownerToken = await login(`inhaber.${SUFFIX}@example.com`, PASSWORD);
  owner = as(ownerToken);
  const feed = async (mode: string) => {
    const res = await owner.post('/items/inventory_feeds', { workshop, name: `Probe ${mode}`, mode });
    expect(res.status, res.text).toBe(200);
    return res.body.data.id as string;
  };
  const pushId = await feed('push');
  const secret = await owner.post(`/sync/feeds/${pushId}/secret`);
  expect(secret.status, secret.text).toBe(200);
  pushFeed = { id: pushId, secret: secret.body.data.secret };
  uploadFeed = await feed('upload');
  // One real appointment, whose manage link the cancel and rebook probes aim at with wrong tokens.
  const made = await send(book({ start: '2027-06-08T09:00:00+02:00', source: 'widget' }));
  expect(made.status, made.text).toBe(201);
  const link = new URL(made.body.data.cancel_url);
  appointment = { id: made.body.data.id, token: String(link.searchParams.get('token')) };
}, 60_000);

// ---- The table ----

const failures: string[] = [];

describe.each([...new Set(rows.map((r) => r.endpoint))])('%s', (endpoint) => {
  test.each(rows.filter((r) => r.endpoint === endpoint).map((r) => [r.probe, r] as const))(
    '%s',
    async (_probe, row) => {
      const answer = await send(await row.call());
      const line = `${row.endpoint} · ${row.probe}: ${answer.status} ${answer.text.slice(0, 200)}`;
      if (!row.expect.includes(answer.status)) failures.push(line);
      expect(answer.status, line).not.toBe(-1);
      expect(answer.status, line).toBeLessThan(500);
      expect(row.expect, line).toContain(answer.status);
      if (answer.body?.data?.status === 'refused') {
        // docs/sync.md: a run stopped by a guard answers 409 with its report, whose messages are German.
        expect(answer.status, line).toBe(409);
        expect(JSON.stringify(answer.body.data.errors), line).toMatch(GERMAN);
      } else if (answer.status >= 400 && answer.body !== null) {
        // Directus's error format, with a code and a message in the visitor's language.
        const error = answer.body?.errors?.[0];
        expect(error?.extensions?.code, line).toEqual(expect.any(String));
        expect(error?.message, line).toEqual(expect.any(String));
        for (const e of answer.body.errors) {
          if (row.language === 'en') expect(e.message, line).toMatch(ENGLISH);
          else expect(e.message, line).toMatch(GERMAN);
          // The message is for a person: no stack traces, no SQL, no zod internals.
          expect(e.message, line).not.toMatch(/\bat \w+ \(|SQLITE|syntax error|invalid_type|Expected \w+, received/i);
        }
      }
    },
    120_000,
  );
});

afterAll(() => {
  if (failures.length) console.log(`Abweichungen:\n${failures.join('\n')}`);
});

test('Directus still answers, and good requests still work, after all probes', async () => {
  const ping = await as(null).get('/server/ping');
  expect(ping.status).toBe(200);
  const live = await as(null).get('/carbot-health/live');
  expect(live.status, live.text).toBe(200);
  const good = await send({
    method: 'POST',
    path: views.path(),
    headers: views.headers(json(views.valid())),
    body: json(views.valid()),
  });
  expect(good.status, good.text).toBe(200);
  const services = await send(bookingGet('/services'));
  expect(services.status, services.text).toBe(200);
  const found = await owner.post('/privacy/find', { email: `niemand.${SUFFIX}@example.org` });
  expect(found.status, found.text).toBe(200);
});

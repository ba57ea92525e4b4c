/**
 * Appointment booking over HTTP, as the booking page, the widget and the assistant call it, and as staff
 * work it in the admin: free slots across the clock changes, the server re-deciding every requested start,
 * no double booking under a 50-way race, confirmations that cannot overbook, single-use cancel/rebook
 * links, mails with .ics and the reminder sent once; every refusal in the visitor's language.
 */
import { randomUUID } from 'node:crypto';
import { validateBooking } from '@carbot/core/booking/input';
import { BOOKING_ERRORS } from '@carbot/core/booking/texts';
import type { Language } from '@carbot/core/chat/language';
import { ROLE } from '@carbot/core/roles';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { BOOKING_BY_REQUEST, weekdayHours } from '../support/booking.ts';
import type { SinkMessage } from '../support/edges/smtp.ts';
import { admin, as, login } from '../support/http.ts';
import { sentMails, waitForMail } from '../support/mail.ts';
import { viaSiteServer } from '../support/visitors.ts';
import { until } from '../support/wait.ts';

const ORIGIN = 'https://www.terminwerkstatt.example';
const directus = () => inject('directusUrl');
const PASSWORD = 'termin-test-2026-sicher';
const SUFFIX = randomUUID().slice(0, 8);

let visitors = 0;
const nextVisitor = () => {
  visitors += 1;
  return `203.0.${Math.floor(visitors / 250) % 250}.${(visitors % 250) + 1}`;
};

type Call = { status: number; body: any; text: string };
async function call(
  path: string,
  init: { method?: string; body?: unknown; key?: string; origin?: string | null; ip?: string } = {},
): Promise<Call> {
  const headers: Record<string, string> = {};
  headers['x-carbot-key'] = init.key ?? key;
  if (init.origin !== null) headers.origin = init.origin ?? ORIGIN;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  // Every call comes from its own visitor (address), as on a real site; the per-visitor limit is not the subject here.
  Object.assign(headers, viaSiteServer(init.ip ?? nextVisitor()));
  const res = await fetch(`${directus()}/booking${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: res.status, body, text };
}

/** The .ics part of a mail, decoded from its transfer encoding. */
function icsOf(mail: SinkMessage): string {
  const part = mail.raw.split(/\r?\n--/).find((p) => /filename="?termin\.ics/i.test(p));
  if (!part) throw new Error('Keine .ics im Anhang');
  const [head = '', ...rest] = part.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*base64/i.test(head))
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head))
    return body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
  return body;
}

let key: string;
let workshopId: string;
let serviceId: string;
let staff: ReturnType<typeof as>;
const CUSTOMER = `erika.${SUFFIX}@example.org`;
const consent = async () => (await call('/consent')).body.data as { version: string; text: string };

const booking = (start: string, extra: Record<string, unknown> = {}) => ({
  service: serviceId,
  start,
  name: 'Erika Muster',
  phone: '0171 1234567',
  email: CUSTOMER,
  car: 'VW Golf 7',
  licence_plate: 'M-EM 123',
  consent: { given: true, version: '2026-11-booking' },
  ...extra,
});

/** A widget key of the test workshop, for this site's origin. */
async function newKey(name: string): Promise<string> {
  const k = await admin().post('/items/client_keys', { workshop: workshopId, name, allowed_origins: [ORIGIN] });
  expect(k.status, k.text).toBe(200);
  return k.body.data.key as string;
}

beforeAll(async () => {
  const tenant = await admin().post('/items/tenants', {
    name: `Terminwerkstatt ${SUFFIX} GmbH`,
    plan: 'enterprise',
    subscription_status: 'active',
  });
  expect(tenant.status, tenant.text).toBe(200);
  const workshop = await admin().post('/items/workshops', {
    tenant: tenant.body.data.id,
    name: 'Terminwerkstatt',
    slug: `terminwerkstatt-${SUFFIX}`,
    status: 'published',
    template: 'klassisch',
    email: `team.${SUFFIX}@terminwerkstatt.example`,
    phone: '+49 89 99998-900',
    street: 'Teststraße 1',
    postal_code: '80331',
    city: 'München',
    languages: ['de', 'en', 'tr', 'pl'],
    opening_hours: weekdayHours('08:00', '12:00'),
    ...BOOKING_BY_REQUEST,
  });
  expect(workshop.status, workshop.text).toBe(200);
  workshopId = workshop.body.data.id;
  const service = await admin().post('/items/services', {
    workshop: workshopId,
    status: 'published',
    price: 189,
    duration_minutes: 60,
    buffer_minutes: 0,
    bookable: true,
    translations: [
      { languages_code: 'de', name: 'Inspektion' },
      { languages_code: 'en', name: 'Service inspection' },
    ],
  });
  expect(service.status, service.text).toBe(200);
  serviceId = service.body.data.id;
  key = await newKey('Website');
  const user = await admin().post('/users', {
    email: `staff.${SUFFIX}@example.com`,
    password: PASSWORD,
    role: ROLE.staff,
    tenant: tenant.body.data.id,
  });
  expect(user.status, user.text).toBe(200);
  staff = as(await login(`staff.${SUFFIX}@example.com`, PASSWORD));
});

describe('services and free slots', () => {
  test('bookable services with name, duration and price, in the visitor’s language', async () => {
    const de = await call('/services');
    expect(de.status, de.text).toBe(200);
    expect(de.body.data).toEqual([
      { id: serviceId, name: 'Inspektion', duration_minutes: 60, price: 189, price_from: false },
    ]);
    const en = await call('/services?lang=en');
    expect(en.body.data[0].name).toBe('Service inspection');
  });

  test.each([
    // Tuesdays before and after the spring change, Friday before and Tuesday after the autumn change.
    ['2027-03-23', '2027-03-23T08:00:00+01:00'],
    ['2027-03-30', '2027-03-30T08:00:00+02:00'],
    ['2027-10-29', '2027-10-29T08:00:00+02:00'],
    ['2027-11-02', '2027-11-02T08:00:00+01:00'],
  ])('slots on %s start at 08:00 local time', async (date, first) => {
    const res = await call(`/slots?service=${serviceId}&from=${date}&to=${date}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.data.map((s: { start: string }) => s.start)).toEqual([
      first,
      first.replace('T08', 'T09'),
      first.replace('T08', 'T10'),
      first.replace('T08', 'T11'),
    ]);
    expect(res.body.data[0].end).toBe(first.replace('T08', 'T09'));
  });

  test.each([
    ['Karfreitag (Bayern)', '2027-03-26'],
    ['Ostermontag', '2027-03-29'],
    ['Allerheiligen (Bayern)', '2027-11-01'],
    ['a Saturday', '2027-03-27'],
  ])('no slots on %s', async (_label, date) => {
    const res = await call(`/slots?service=${serviceId}&from=${date}&to=${date}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.data).toEqual([]);
  });

  test.each([
    ['service=kaputt&from=2027-03-23&to=2027-03-23', 400, 'Diese Leistung kann nicht online gebucht werden.'],
    [`service=${randomUUID()}&from=2027-03-23&to=2027-03-23`, 400, 'Diese Leistung kann nicht online gebucht werden.'],
    ['service=SERVICE&from=2027-03-23&to=2027-09-23', 400, 'höchstens 62 Tagen'],
    ['service=SERVICE&from=23.03.2027&to=2027-03-24', 400, 'höchstens 62 Tagen'],
    ['service=SERVICE&from[]=x&to=2027-03-24', 400, 'höchstens 62 Tagen'],
  ])('GET /slots?%s → %i with a German message', async (query, status, message) => {
    const res = await call(`/slots?${query.replace('SERVICE', serviceId)}`);
    expect(res.status, res.text).toBe(status);
    expect(res.body.errors[0].message).toContain(message);
  });

  test.each([
    ['no key', { key: '' }, 401],
    ['a foreign origin', { origin: 'https://evil.example' }, 403],
    ['no origin', { origin: null }, 403],
  ])('%s is refused', async (_label, init, status) => {
    const res = await call('/services', init as never);
    expect(res.status).toBe(status);
  });
});

describe('booking', () => {
  test('a request is stored at the exact local time and both sides are mailed', async () => {
    const res = await call('/appointments', { method: 'POST', body: booking('2027-03-30T08:00:00+02:00') });
    expect(res.status, res.text).toBe(201);
    const data = res.body.data;
    expect(data).toMatchObject({
      status: 'requested',
      start: '2027-03-30T08:00:00+02:00',
      end: '2027-03-30T09:00:00+02:00',
    });
    expect(data.cancel_url).toContain(`termin=${data.id}`);
    const stored = await staff.get(
      `/items/appointments/${data.id}?fields=start,end,status,source,customer_name,tenant`,
    );
    expect(stored.status, stored.text).toBe(200);
    expect(new Date(stored.body.data.start).toISOString()).toBe('2027-03-30T06:00:00.000Z');
    expect(stored.body.data).toMatchObject({ status: 'requested', source: 'site', customer_name: 'Erika Muster' });
    // The token hash is a secret: not even staff read it.
    const secret = await staff.get(`/items/appointments/${data.id}?fields=cancel_token_hash`);
    expect(secret.status).toBe(403);
    const received = await waitForMail((m) => m.to.includes(CUSTOMER) && m.subject.includes('Terminanfrage'));
    expect(received.text).toContain('Dienstag, 30. März 2027 um 08:00');
    const notice = await waitForMail(
      (m) => m.to.includes(`team.${SUFFIX}@terminwerkstatt.example`) && m.subject.startsWith('Terminanfrage'),
    );
    expect(notice.text).toContain('0171 1234567');
  });

  test("a booking in English: the customer's mail in English, the workshop's notice in German with the German service name", async () => {
    const email = `english.${SUFFIX}@example.org`;
    const res = await call('/appointments?lang=en', {
      method: 'POST',
      body: booking('2027-04-13T10:00:00+02:00', { email, name: 'Jane Doe' }),
    });
    expect(res.status, res.text).toBe(201);
    const received = await waitForMail((m) => m.to.includes(email));
    expect(received.text).toContain('Service: Service inspection');
    const notice = await waitForMail(
      (m) => m.to.includes(`team.${SUFFIX}@terminwerkstatt.example`) && m.subject.startsWith('Terminanfrage: Jane Doe'),
    );
    expect(notice.text).toContain('Leistung: Inspektion');
    expect(notice.text).toContain('Sprache des Kunden: Englisch');
  });

  test('staff confirm in one step: the customer gets the confirmation with an .ics in Berlin time', async () => {
    const res = await call('/appointments', { method: 'POST', body: booking('2027-10-29T09:00:00+02:00') });
    expect(res.status, res.text).toBe(201);
    const confirmed = await staff.patch(`/items/appointments/${res.body.data.id}`, { status: 'confirmed' });
    expect(confirmed.status, confirmed.text).toBe(200);
    const mail = await waitForMail((m) => m.to.includes(CUSTOMER) && m.subject.startsWith('Termin bestätigt'));
    expect(mail.text).toContain('Freitag, 29. Oktober 2027 um 09:00');
    const ics = icsOf(mail);
    expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20271029T090000');
    expect(ics).toContain('DTEND;TZID=Europe/Berlin:20271029T100000');
    expect(ics).toContain('TZID:Europe/Berlin');
  });

  test('declining mails the customer and frees the time', async () => {
    const start = '2027-11-02T11:00:00+01:00';
    const res = await call('/appointments', { method: 'POST', body: booking(start) });
    expect(res.status, res.text).toBe(201);
    const declined = await staff.patch(`/items/appointments/${res.body.data.id}`, { status: 'declined' });
    expect(declined.status, declined.text).toBe(200);
    const mail = await waitForMail((m) => m.to.includes(CUSTOMER) && m.subject.includes('leider nicht möglich'));
    expect(mail.text).toContain('Dienstag, 2. November 2027 um 11:00');
  });

  test.each([
    ['off the step grid', '2027-03-23T08:30:00+01:00'],
    ['after closing', '2027-03-23T11:30:00+01:00'],
    ['before opening', '2027-03-23T07:00:00+01:00'],
    ['on a Sunday', '2027-03-28T09:00:00+02:00'],
    ['on a public holiday', '2027-11-01T09:00:00+01:00'],
    ['in the past', '2025-03-25T09:00:00+01:00'],
    ['beyond the horizon', '2028-03-28T09:00:00+02:00'],
    ['in the hour the spring change skips', '2027-03-28T02:30:00+01:00'],
  ])('a tampered start %s is refused', async (_label, start) => {
    const res = await call('/appointments', { method: 'POST', body: booking(start) });
    expect(res.status, res.text).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('SLOT_NOT_OFFERED');
    expect(res.body.errors[0].message).toContain('kein Termin möglich');
  });

  test('invalid input gets one German message per field', async () => {
    const res = await call('/appointments', {
      method: 'POST',
      body: { service: 'x', start: 'morgen', name: 'E', email: 'kaputt', consent: { given: false } },
    });
    expect(res.status).toBe(400);
    const fields = Object.fromEntries(
      res.body.errors.map((e: { message: string; extensions: { field: string } }) => [e.extensions.field, e.message]),
    );
    expect(fields).toMatchObject({
      service: 'Bitte wählen Sie eine Leistung.',
      start: 'Bitte wählen Sie einen Termin.',
      name: 'Bitte geben Sie Ihren Namen an (2–100 Zeichen).',
      email: 'Diese E-Mail-Adresse sieht nicht gültig aus.',
      consent: 'Bitte stimmen Sie der Verarbeitung Ihrer Angaben für den Termin zu.',
    });
  });

  test.each([
    ['not JSON', '{"service":'],
    ['an array', '[1,2]'],
  ])('a body that is %s gets a 4xx', async (_label, body) => {
    const res = await call('/appointments', { method: 'POST', body });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  test('the consent text names the workshop and the version the API expects', async () => {
    const c = await consent();
    expect(c.version).toBe('2026-11-booking');
    expect(c.text).toContain('Terminwerkstatt');
  });
});

/**
 * Every refusal of the booking API — those of the body-limit hook before the API runs (size, content type,
 * bytes, JSON, nesting, a broken path) as well as the API's own — in the language the visitor asked for:
 * `?lang=` first, else Accept-Language, else German.
 */
describe('refusals in the visitor’s language', () => {
  const KB = 1024;
  let ownKey: string;
  type Ask = { query: string; headers: Record<string, string> };
  type Refusal = {
    status: number;
    code: string;
    /** The entry of BOOKING_ERRORS the message must be; otherwise the per-field messages of validateBooking. */
    text?: keyof (typeof BOOKING_ERRORS)['de'];
    send: (ask: Ask) => { method?: string; path: string; headers?: Record<string, string>; body?: BodyInit };
  };
  const invalidBooking = { service: 'x', start: 'morgen', name: 'Erika Muster', phone: '0171 1234567' };
  const post =
    (body: BodyInit, type = 'application/json') =>
    (ask: Ask) => ({
      method: 'POST',
      path: `/appointments${ask.query}`,
      headers: { 'content-type': type },
      body,
    });
  const chunks = (bytes: Buffer) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.subarray(0, bytes.length / 2));
        controller.enqueue(bytes.subarray(bytes.length / 2));
        controller.close();
      },
    });
  const REFUSALS: [string, Refusal][] = [
    [
      'a body above 16 KB',
      {
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
        text: 'PAYLOAD_TOO_LARGE',
        send: post(`{"note":"${'x'.repeat(16 * KB)}"}`),
      },
    ],
    [
      'a chunked body above 16 KB',
      {
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
        text: 'PAYLOAD_TOO_LARGE',
        send: (ask) => post(chunks(Buffer.from(`{"note":"${'x'.repeat(16 * KB)}"}`)) as unknown as BodyInit)(ask),
      },
    ],
    [
      'form data instead of JSON',
      {
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        text: 'UNSUPPORTED_MEDIA_TYPE',
        send: post('name=Erika', 'application/x-www-form-urlencoded'),
      },
    ],
    [
      'bytes that are no UTF-8',
      {
        status: 400,
        code: 'INVALID_PAYLOAD',
        text: 'INVALID_UTF8',
        send: post(Buffer.concat([Buffer.from('{"name":"Gr'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')])),
      },
    ],
    ['broken JSON', { status: 400, code: 'INVALID_PAYLOAD', text: 'INVALID_JSON', send: post('{"service":') }],
    [
      'JSON nested 40 deep',
      {
        status: 400,
        code: 'INVALID_PAYLOAD',
        text: 'TOO_DEEP',
        send: post(`{"a":${'['.repeat(40)}${']'.repeat(40)}}`),
      },
    ],
    [
      'a path with broken percent-encoding',
      {
        status: 400,
        code: 'INVALID_PATH',
        text: 'INVALID_PATH',
        send: (ask) => ({ path: `/appointments/%E0%A4%A${ask.query || '?'}&token=x` }),
      },
    ],
    [
      'no key',
      {
        status: 401,
        code: 'INVALID_KEY',
        text: 'INVALID_KEY',
        send: (ask) => ({ path: `/services${ask.query}`, headers: { 'x-carbot-key': '' } }),
      },
    ],
    [
      'a key from another website',
      {
        status: 403,
        code: 'ORIGIN_NOT_ALLOWED',
        text: 'ORIGIN_NOT_ALLOWED',
        send: (ask) => ({ path: `/services${ask.query}`, headers: { origin: 'https://fremd.example' } }),
      },
    ],
    [
      'an unknown service',
      {
        status: 400,
        code: 'UNKNOWN_SERVICE',
        text: 'UNKNOWN_SERVICE',
        send: (ask) => ({ path: `/slots${ask.query || '?'}&service=${randomUUID()}` }),
      },
    ],
    [
      'a day that does not exist',
      {
        status: 400,
        code: 'INVALID_RANGE',
        text: 'INVALID_RANGE',
        send: (ask) => ({ path: `/slots${ask.query || '?'}&service=${serviceId}&from=2027-02-31&to=2027-03-02` }),
      },
    ],
    [
      'a manage link that is no link',
      {
        status: 403,
        code: 'INVALID_LINK',
        text: 'INVALID_LINK',
        send: (ask) => ({ path: `/appointments/${randomUUID()}${ask.query || '?'}&token=x` }),
      },
    ],
    ['invalid fields', { status: 400, code: 'INVALID_BOOKING', send: post(JSON.stringify(invalidBooking)) }],
  ];
  // How a visitor names a language: the booking page and the widget send `?lang=`, a browser Accept-Language.
  const ASKS: [string, Language, Ask][] = [
    ['nothing', 'de', { query: '', headers: {} }],
    ['Accept-Language: fr (not offered)', 'de', { query: '', headers: { 'accept-language': 'fr-FR,fr;q=0.9' } }],
    ['?lang=en', 'en', { query: '?lang=en', headers: {} }],
    ['Accept-Language: en-GB', 'en', { query: '', headers: { 'accept-language': 'en-GB,en;q=0.8' } }],
    ['?lang=tr', 'tr', { query: '?lang=tr', headers: {} }],
    ['Accept-Language: tr', 'tr', { query: '', headers: { 'accept-language': 'tr' } }],
    ['?lang=pl over Accept-Language: en', 'pl', { query: '?lang=pl', headers: { 'accept-language': 'en' } }],
    ['Accept-Language: pl-PL', 'pl', { query: '', headers: { 'accept-language': 'pl-PL' } }],
  ];

  beforeAll(async () => {
    // A key of its own: the refusals that pass admission count against the key's burst.
    ownKey = await newKey('Sprachen');
  });

  test.each(
    REFUSALS.flatMap(([refusal, r]) =>
      ASKS.map(([asked, language, ask]) => [refusal, asked, language, r, ask] as const),
    ),
  )('%s, asking with %s → %s', async (_refusal, _asked, language, r, ask) => {
    const request = r.send(ask);
    const res = await fetch(`${directus()}/booking${request.path}`, {
      method: request.method ?? 'GET',
      headers: {
        'x-carbot-key': ownKey,
        origin: ORIGIN,
        ...viaSiteServer(nextVisitor()),
        ...ask.headers,
        ...request.headers,
      },
      body: request.body,
      ...(request.body instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit);
    const text = await res.text();
    expect(res.status, text).toBe(r.status);
    const errors = JSON.parse(text).errors as { message: string; extensions: { code: string } }[];
    expect(errors.map((e) => e.extensions.code)).toEqual(errors.map(() => r.code));
    const expected = r.text
      ? [BOOKING_ERRORS[language][r.text]]
      : Object.values((validateBooking(invalidBooking, '2026-11-booking', language) as { errors: object }).errors);
    expect(errors.map((e) => e.message)).toEqual(expected);
  });

  test('a visitor booking too fast is slowed down in their language, with Retry-After', async () => {
    const burstKey = await newKey('Burst');
    const visitor = nextVisitor();
    const write = (query: string, headers: Record<string, string> = {}) =>
      fetch(`${directus()}/booking/appointments${query}`, {
        method: 'POST',
        headers: {
          'x-carbot-key': burstKey,
          origin: ORIGIN,
          'content-type': 'application/json',
          ...viaSiteServer(visitor),
          ...headers,
        },
        body: JSON.stringify(invalidBooking),
      });
    // Twenty writes a minute per visitor are allowed (refused bookings count too).
    for (let i = 0; i < 20; i += 1) expect((await write('')).status).toBe(400);
    for (const [query, headers, language] of [
      ['', {}, 'de'],
      ['?lang=en', {}, 'en'],
      ['', { 'accept-language': 'tr-TR' }, 'tr'],
      ['?lang=pl', {}, 'pl'],
    ] as const) {
      const res = await write(query, headers);
      const body = await res.json();
      expect(res.status, JSON.stringify(body)).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');
      expect(body.errors[0].message).toBe(BOOKING_ERRORS[language].RATE_LIMITED);
    }
  });
});

describe('no double booking', () => {
  test('50 parallel requests for the last free bay: exactly one wins, the others get alternatives', async () => {
    const start = '2027-03-31T10:00:00+02:00';
    const first = await call('/appointments', { method: 'POST', body: booking(start, { email: '' }) });
    expect(first.status, first.text).toBe(201);
    const race = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        call('/appointments', {
          method: 'POST',
          body: booking(start, { name: `Kunde ${i}`, email: '' }),
          ip: `198.51.100.${i + 1}`,
        }),
      ),
    );
    const statuses = race.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const lost = race.find((r) => r.status === 409) as Call;
    expect(lost.body.errors[0].extensions.code).toBe('SLOT_TAKEN');
    expect(lost.body.errors[0].message).toContain('Dieser Termin ist gerade vergeben');
    const alternatives = lost.body.errors[0].extensions.alternatives as { start: string }[];
    expect(alternatives.length).toBeGreaterThan(0);
    expect(alternatives.map((a) => a.start)).not.toContain(start);
    const held = await admin().get(
      `/items/appointments?filter[workshop][_eq]=${workshopId}&filter[start][_eq]=2027-03-31T08:00:00.000Z&filter[status][_in]=requested,confirmed&aggregate[count]=*`,
    );
    expect(Number(held.body.data[0].count)).toBe(2);
    const slots = await call(`/slots?service=${serviceId}&from=2027-03-31&to=2027-03-31`);
    expect(slots.body.data.map((s: { start: string }) => s.start)).not.toContain(start);
  });

  test('staff cannot confirm two overlapping requests beyond the bays, not even at the same moment', async () => {
    const start = '2027-04-01T10:00:00+02:00';
    const a = await call('/appointments', { method: 'POST', body: booking(start, { email: '' }) });
    const b = await call('/appointments', {
      method: 'POST',
      body: booking(start, { email: '' }),
      ip: '198.51.100.200',
    });
    expect([a.status, b.status]).toEqual([201, 201]);
    // One lift breaks down: a blocked time takes one of the two bays.
    const block = await staff.post('/items/booking_blocks', {
      workshop: workshopId,
      start: '2027-04-01T06:00:00.000Z',
      end: '2027-04-01T10:00:00.000Z',
      bays: 1,
      reason: 'Hebebühne 2 in Wartung',
    });
    expect(block.status, block.text).toBe(200);
    const both = await Promise.all([
      staff.patch(`/items/appointments/${a.body.data.id}`, { status: 'confirmed' }),
      staff.patch(`/items/appointments/${b.body.data.id}`, { status: 'confirmed' }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const refused = both.find((r) => r.status === 409) as { body: any };
    expect(refused.body.errors[0].message).toContain('Arbeitsplätze belegt');
  });

  test('a phone booking by staff counts against capacity too', async () => {
    const start = '2027-04-02T06:00:00.000Z';
    const first = await staff.post('/items/appointments', {
      workshop: workshopId,
      service: serviceId,
      start,
      customer_name: 'Telefonkunde 1',
      status: 'confirmed',
    });
    expect(first.status, first.text).toBe(200);
    const detail = await staff.get(`/items/appointments/${first.body.data.id}?fields=end,source`);
    expect(new Date(detail.body.data.end).toISOString()).toBe('2027-04-02T07:00:00.000Z');
    expect(detail.body.data.source).toBe('phone');
    const second = await staff.post('/items/appointments', {
      workshop: workshopId,
      service: serviceId,
      start,
      customer_name: 'Telefonkunde 2',
      status: 'confirmed',
    });
    expect(second.status, second.text).toBe(200);
    const third = await staff.post('/items/appointments', {
      workshop: workshopId,
      service: serviceId,
      start,
      customer_name: 'Telefonkunde 3',
      status: 'confirmed',
    });
    expect(third.status).toBe(409);
    const visitor = await call('/appointments', { method: 'POST', body: booking('2027-04-02T08:00:00+02:00') });
    expect(visitor.status).toBe(409);
  });
});

describe('cancel and rebook links', () => {
  const linkOf = (url: string) => {
    const u = new URL(url);
    return { id: u.searchParams.get('termin') as string, token: u.searchParams.get('token') as string };
  };

  test('a link cancels its own appointment once, and no other', async () => {
    const one = await call('/appointments', { method: 'POST', body: booking('2027-04-05T09:00:00+02:00') });
    const two = await call('/appointments', {
      method: 'POST',
      body: booking('2027-04-05T10:00:00+02:00'),
      ip: '198.51.100.201',
    });
    expect([one.status, two.status]).toEqual([201, 201]);
    const link = linkOf(one.body.data.cancel_url);
    const view = await call(`/appointments/${link.id}?token=${encodeURIComponent(link.token)}`);
    expect(view.status, view.text).toBe(200);
    expect(view.body.data).toMatchObject({ status: 'requested', start: '2027-04-05T09:00:00+02:00', changeable: true });
    const wrong = await call(`/appointments/${two.body.data.id}/cancel`, {
      method: 'POST',
      body: { token: link.token },
    });
    expect(wrong.status).toBe(403);
    const forged = await call(`/appointments/${link.id}/cancel`, { method: 'POST', body: { token: `${link.token}x` } });
    expect(forged.status).toBe(403);
    const cancelled = await call(`/appointments/${link.id}/cancel`, { method: 'POST', body: { token: link.token } });
    expect(cancelled.status, cancelled.text).toBe(200);
    const again = await call(`/appointments/${link.id}/cancel`, { method: 'POST', body: { token: link.token } });
    expect(again.status).toBe(403);
    expect(again.body.errors[0].message).toBe('Dieser Link ist ungültig oder wurde schon benutzt.');
    const stillThere = await staff.get(`/items/appointments/${two.body.data.id}?fields=status`);
    expect(stillThere.body.data.status).toBe('requested');
    const mail = await waitForMail((m) => m.to.includes(CUSTOMER) && m.subject.startsWith('Termin abgesagt'));
    expect(icsOf(mail)).toContain('METHOD:CANCEL');
  });

  test('the link in the "request received" mail still works after staff confirm: the confirmation carries the same', async () => {
    const email = `bestaetigt.${SUFFIX}@example.org`;
    const one = await call('/appointments', { method: 'POST', body: booking('2027-04-12T09:00:00+02:00', { email }) });
    expect(one.status, one.text).toBe(201);
    const url = one.body.data.cancel_url as string;
    const received = await waitForMail((m) => m.to.includes(email) && m.subject.includes('Terminanfrage'));
    expect(received.text).toContain(url);
    const confirmed = await staff.patch(`/items/appointments/${one.body.data.id}`, { status: 'confirmed' });
    expect(confirmed.status, confirmed.text).toBe(200);
    const confirmation = await waitForMail((m) => m.to.includes(email) && m.subject.startsWith('Termin bestätigt'));
    expect(confirmation.text).toContain(url);
    const link = linkOf(url);
    const view = await call(`/appointments/${link.id}?token=${encodeURIComponent(link.token)}`);
    expect(view.status, view.text).toBe(200);
    expect(view.body.data).toMatchObject({ status: 'confirmed', changeable: true });
    // Still single-use: cancelled with the first mail's link, every copy of it is spent.
    const cancelled = await call(`/appointments/${link.id}/cancel`, { method: 'POST', body: { token: link.token } });
    expect(cancelled.status, cancelled.text).toBe(200);
    const again = await call(`/appointments/${link.id}/cancel`, { method: 'POST', body: { token: link.token } });
    expect(again.status).toBe(403);
  });

  test('rebooking moves the appointment and uses the link up', async () => {
    const one = await call('/appointments', { method: 'POST', body: booking('2027-04-06T09:00:00+02:00') });
    expect(one.status, one.text).toBe(201);
    const link = linkOf(one.body.data.cancel_url);
    const moved = await call(`/appointments/${link.id}/rebook`, {
      method: 'POST',
      body: { token: link.token, start: '2027-04-07T11:00:00+02:00' },
    });
    expect(moved.status, moved.text).toBe(201);
    expect(moved.body.data.start).toBe('2027-04-07T11:00:00+02:00');
    const old = await staff.get(`/items/appointments/${link.id}?fields=status`);
    expect(old.body.data.status).toBe('cancelled');
    const fresh = await staff.get(`/items/appointments/${moved.body.data.id}?fields=rebooked_from,customer_name`);
    expect(fresh.body.data).toMatchObject({ rebooked_from: link.id, customer_name: 'Erika Muster' });
    const reuse = await call(`/appointments/${link.id}/rebook`, {
      method: 'POST',
      body: { token: link.token, start: '2027-04-08T11:00:00+02:00' },
    });
    expect(reuse.status).toBe(403);
  });

  test('after the cut-off the link no longer changes anything', async () => {
    const one = await call('/appointments', { method: 'POST', body: booking('2027-04-09T09:00:00+02:00') });
    expect(one.status, one.text).toBe(201);
    const link = linkOf(one.body.data.cancel_url);
    // Staff move it to within the workshop's 24-hour cut-off.
    const soon = new Date(Date.now() + 3 * 3_600_000).toISOString();
    const moved = await admin().patch(`/items/appointments/${link.id}`, { start: soon });
    expect(moved.status, moved.text).toBe(200);
    const late = await call(`/appointments/${link.id}/cancel`, { method: 'POST', body: { token: link.token } });
    expect(late.status).toBe(409);
    expect(late.body.errors[0].extensions.code).toBe('TOO_LATE');
  });
});

describe('reminders', () => {
  test('a confirmed appointment within 24 hours is reminded exactly once', async () => {
    const make = async (name: string, hours: number) => {
      const res = await staff.post('/items/appointments', {
        workshop: workshopId,
        service: serviceId,
        start: new Date(Date.now() + hours * 3_600_000).toISOString(),
        customer_name: name,
        customer_email: `${name.toLowerCase()}.${SUFFIX}@example.org`,
        language: 'en',
        status: 'confirmed',
      });
      expect(res.status, res.text).toBe(200);
      return res.body.data.id as string;
    };
    await make('Erste', 5);
    const first = await waitForMail(
      (m) => m.to.includes(`erste.${SUFFIX}@example.org`) && m.subject.startsWith('Reminder'),
    );
    expect(first.text).toContain('reminder of your appointment tomorrow');
    // A second appointment reminded later proves the reminder loop ran again after the first one.
    await make('Zweite', 6);
    await waitForMail((m) => m.to.includes(`zweite.${SUFFIX}@example.org`) && m.subject.startsWith('Reminder'));
    await until(async () => {
      const rows = await admin().get(`/items/appointments?filter[customer_name][_eq]=Zweite&fields=reminder_sent_at`);
      return rows.body.data.find((r: { reminder_sent_at: string | null }) => r.reminder_sent_at);
    });
    const reminders = (await sentMails()).filter((m) => m.to.includes(`erste.${SUFFIX}@example.org`));
    expect(reminders).toHaveLength(1);
  });
});

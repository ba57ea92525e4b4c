/**
 * Self-service registration over HTTP against the real Directus: tenant, workshop and owner are created
 * together or not at all; the owner confirms the address by mail (through the SMTP sink) before the
 * first login; duplicates, bad input and bots get clear German answers and leave nothing behind.
 */
import { UNVERIFIED_RETENTION_DAYS } from '@carbot/core/onboarding/cleanup';
import { STARTER_HOURS, starterServices } from '@carbot/core/onboarding/starter';
import { TERMS_VERSION } from '@carbot/core/onboarding/terms';
import { ROLE } from '@carbot/core/roles';
import { describe, expect, inject, test } from 'vitest';
import { admin, as, login, qs } from '../support/http.ts';
import { waitForMail } from '../support/mail.ts';
import { viaSiteServer } from '../support/visitors.ts';

let ipCounter = 0;
/** Every test registers from its own address (forwarded by the site server), so the per-IP limit never couples tests. */
const freshIp = () => `198.51.100.${(++ipCounter % 250) + 1}`;
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const valid = (email: string) => ({
  workshop_name: `Kfz-Technik Müller ${unique()}`,
  owner_name: 'Anna Müller',
  email,
  password: 'Zündkerze-Vergaser-42',
  city: 'Leipzig',
  template: 'klassisch',
  terms: true,
});

const register = (body: unknown, ip = freshIp()) => as(null).post('/onboarding/register', body, viaSiteServer(ip));

async function verificationLink(email: string): Promise<string> {
  const mail = await waitForMail((m) => m.to.includes(email) && m.subject.includes('bestätigen'));
  const link = /https?:\/\/\S+\/onboarding\/verify\?token=[\w.%-]+/.exec(mail.text)?.[0];
  if (!link) throw new Error(`Kein Bestätigungslink in: ${mail.text}`);
  return link;
}

async function accountOf(email: string) {
  const users = await admin().get(
    `/users${qs({ filter: { email: { _eq: email } }, fields: 'id,status,role,tenant,last_page,first_name,last_name' })}`,
  );
  if (users.status !== 200) throw new Error(`Benutzer lesen: ${users.status} ${users.text}`);
  const user = users.body.data[0];
  if (!user) return null;
  const tenant = (await admin().get(`/items/tenants/${user.tenant}`)).body.data;
  const workshops = (await admin().get(`/items/workshops${qs({ filter: { tenant: { _eq: user.tenant } } })}`)).body
    .data;
  return { user, tenant, workshops };
}

const count = async (collection: string, filter: Record<string, unknown>) =>
  Number((await admin().get(`/items/${collection}${qs({ aggregate: { count: '*' }, filter })}`)).body.data[0].count);

describe('registration', () => {
  test('creates tenant, draft workshop and unverified owner; the mail link verifies; then login works', async () => {
    const email = `anna.${unique()}@example.com`;
    const body = valid(email);
    const res = await register({ ...body, email: `  ${email.toUpperCase()} ` });
    expect(res.status, res.text).toBe(201);
    expect(res.body.data).toMatchObject({ email, verification_mail: 'sent' });
    expect(res.body.data.message).toContain('Fast geschafft');

    const account = await accountOf(email);
    expect(account?.user).toMatchObject({
      status: 'unverified',
      role: ROLE.owner,
      first_name: 'Anna',
      last_name: 'Müller',
      last_page: '/carbot-start',
    });
    expect(account?.tenant).toMatchObject({
      name: body.workshop_name,
      plan: 'premium',
      subscription_status: 'trialing',
    });
    expect(account?.workshops).toHaveLength(1);
    expect(account?.workshops[0]).toMatchObject({
      name: body.workshop_name,
      status: 'draft',
      template: 'klassisch',
      city: 'Leipzig',
      tenant: account?.tenant.id,
    });
    expect(account?.workshops[0].slug).toMatch(/^kfz-technik-mueller-/);

    // No login before the address is confirmed.
    const early = await as(null).post('/auth/login', { email, password: body.password });
    expect(early.status).toBe(401);

    const link = await verificationLink(email);
    expect(link.startsWith(inject('directusUrl'))).toBe(true);
    const landing = await fetch(link);
    const html = await landing.text();
    expect(landing.status).toBe(200);
    expect(html).toContain('E-Mail-Adresse bestätigen');
    expect(html).toContain('method="post"');
    // Opening the link (as a mail scanner does) confirms nothing yet.
    expect((await accountOf(email))?.user.status).toBe('unverified');

    const confirm = await fetch(link, { method: 'POST' });
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain('14-tägige Testphase hat begonnen');
    const after = await accountOf(email);
    expect(after?.user.status).toBe('active');
    const trialDays = (Date.parse(after?.tenant.trial_ends_at) - Date.now()) / 86_400_000;
    expect(trialDays).toBeGreaterThan(13.9);
    expect(trialDays).toBeLessThanOrEqual(14);

    const token = await login(email, body.password);
    const me = await as(token).get('/users/me?fields=tenant,role');
    expect(me.body.data).toEqual({ tenant: after?.tenant.id, role: ROLE.owner });

    const again = await fetch(link, { method: 'POST' });
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('bestätigt');
  });

  test('a new workshop starts with starter services and hours; the checklist follows the data', async () => {
    const email = `check.${unique()}@example.com`;
    const body = valid(email);
    expect((await register(body)).status).toBe(201);
    await fetch(await verificationLink(email), { method: 'POST' });
    const owner = as(await login(email, body.password));
    const workshop = (await owner.get('/items/workshops?fields=id,slug,opening_hours')).body.data[0];
    // Typical hours and the template's typical services, ready to adjust.
    expect(workshop.opening_hours).toEqual(STARTER_HOURS);
    const services = await owner.get(
      `/items/services${qs({ fields: 'price,status,workshop,translations.name', sort: 'sort' })}`,
    );
    expect(services.body.data.map((s: { translations: { name: string }[] }) => s.translations[0]?.name)).toEqual(
      starterServices('klassisch').map((s) => s.name),
    );
    expect(services.body.data.every((s: { status: string; workshop: string }) => s.status === 'published')).toBe(true);
    expect(services.body.data.every((s: { workshop: string }) => s.workshop === workshop.id)).toBe(true);

    const first = await owner.get('/onboarding/checklist');
    expect(first.status, first.text).toBe(200);
    expect(first.body.data.steps.map((s: { key: string }) => s.key)).toEqual([
      'services',
      'hours',
      'faq',
      'legal',
      'publish',
      'widget',
    ]);
    const doneKeys = (res: typeof first) =>
      res.body.data.steps.filter((s: { done: boolean }) => s.done).map((s: { key: string }) => s.key);
    expect(doneKeys(first)).toEqual(['services', 'hours']);
    // The address the website will have, not yet live.
    expect(first.body.data.site).toEqual({
      url: `http://${workshop.slug}.localhost:${inject('edgeUrls').sitesPort}`,
      published: false,
    });

    const hours = await owner.patch(`/items/workshops/${workshop.id}`, { opening_hours: { mo: [], su: [] } });
    expect(hours.status, hours.text).toBe(200);
    expect(doneKeys(await owner.get('/onboarding/checklist'))).toEqual(['services']);

    const anonymous = await as(null).get('/onboarding/checklist');
    expect(anonymous.status).toBe(401);
  });

  test('a Basic trial gets no template and no publish step', async () => {
    const email = `basic.${unique()}@example.com`;
    const { template: _t, ...body } = valid(email);
    const res = await register({ ...body, plan: 'basic' });
    expect(res.status, res.text).toBe(201);
    const account = await accountOf(email);
    expect(account?.tenant.plan).toBe('basic');
    expect(account?.workshops[0].template).toBeNull();
  });
});

describe('terms', () => {
  test('the tenant records which version of AGB and Datenschutzhinweise was accepted, and when', async () => {
    const email = `terms.${unique()}@example.com`;
    const before = Date.now();
    expect((await register({ ...valid(email), terms_version: TERMS_VERSION })).status).toBe(201);
    const tenant = (await accountOf(email))?.tenant;
    expect(tenant.terms_version).toBe(TERMS_VERSION);
    const at = Date.parse(tenant.terms_accepted_at);
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(Date.now() + 1000);
  });

  test('a form that showed an outdated version is refused and creates nothing', async () => {
    const email = `stale.${unique()}@example.com`;
    const res = await register({ ...valid(email), terms_version: '2020-01' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.fields.terms).toContain('aktualisiert');
    expect(await accountOf(email)).toBeNull();
  });
});

describe('duplicates', () => {
  test('a registered address gets the same answer as a new one; its holder gets the link again or a note, nothing is created', async () => {
    const email = `dup.${unique()}@example.com`;
    const body = valid(email);
    const first = await register(body);
    expect(first.status).toBe(201);
    const tenantsBefore = await count('tenants', {});

    const pending = await register({ ...valid(email.toUpperCase()), workshop_name: 'Andere Werkstatt' });
    expect(pending.status).toBe(201);
    expect(pending.body).toEqual(first.body);

    await fetch(await verificationLink(email), { method: 'POST' });
    const taken = await register({ ...valid(email), workshop_name: 'Noch eine Werkstatt' });
    expect(taken.body).toEqual(first.body);
    const note = await waitForMail((m) => m.to.includes(email) && m.subject.includes('Registrierungsversuch'));
    expect(note.text).toContain('Zur Anmeldung');
    expect(await count('tenants', {})).toBe(tenantsBefore);
    expect((await accountOf(email))?.tenant.name).toBe(body.workshop_name);
  });

  test('a demo owner address cannot be taken over', async () => {
    const res = await register(valid('owner.beispiel@example.com'));
    expect(res.status).toBe(201);
    const account = await accountOf('owner.beispiel@example.com');
    expect(account?.user.status).toBe('active');
    expect(account?.tenant.name).toBe('Autohaus Beispiel GmbH');
  });

  test('two workshops with the same name get different website addresses', async () => {
    const name = `Autohaus Gleich ${unique()}`;
    const [emailA, emailB] = [`a.${unique()}@example.com`, `b.${unique()}@example.com`];
    const a = await register({ ...valid(emailA), workshop_name: name });
    const b = await register({ ...valid(emailB), workshop_name: name });
    expect([a.status, b.status]).toEqual([201, 201]);
    const [slugA, slugB] = [(await accountOf(emailA))?.workshops[0].slug, (await accountOf(emailB))?.workshops[0].slug];
    expect(slugA).not.toBe(slugB);
    expect(slugB).toContain('leipzig');
  });
});

describe('bad input', () => {
  test.each([
    [{ email: 'kein-at-zeichen' }, 'email', 'E-Mail-Adresse'],
    [{ password: 'kurz' }, 'password', 'mindestens 10 Zeichen'],
    [{ password: 'Passwort123' }, 'password', 'verbreitet'],
    [{ password: 'Müller-Leipzig-2026' }, 'password', 'Namen'],
    [{ workshop_name: '' }, 'workshop_name', 'Namen Ihrer Werkstatt'],
    [{ workshop_name: 'W'.repeat(300) }, 'workshop_name', 'zu lang'],
    [{ owner_name: ['Anna'] }, 'owner_name', 'Vor- und Nachnamen'],
    [{ city: null }, 'city', 'Ort'],
    [{ template: 'gibt-es-nicht' }, 'template', 'angebotenen Vorlagen'],
    [{ template: '' }, 'template', 'Vorlage'],
    [{ plan: 'gold' }, 'plan', 'Tarife'],
    [{ plan: 'basic' }, 'template', 'keine Website'],
    [{ terms: false }, 'terms', 'AGB'],
  ])('%j → 400 on %s', async (change, field, text) => {
    const email = `bad.${unique()}@example.com`;
    const res = await register({ ...valid(email), ...change });
    expect(res.status, res.text).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('INVALID_PAYLOAD');
    expect(res.body.errors[0].extensions.fields[field]).toContain(text);
    expect(res.body.errors[0].message).toBeTruthy();
    expect(await accountOf(email)).toBeNull();
  });

  test.each([
    ['not JSON', '{"workshop_name": ', 400],
    ['an array', '[1,2,3]', 400],
    ['a string', '"hallo"', 400],
    ['empty', '', 400],
  ])('a body that is %s gets a 4xx, never a 5xx', async (_label, raw, status) => {
    const res = await as(null).post('/onboarding/register', raw, viaSiteServer(freshIp()));
    expect(res.status).toBe(status);
    expect(res.body.errors[0].message).toBeTruthy();
  });

  test('a stricter password policy of the installation rolls everything back', async () => {
    await admin().patch('/settings', { auth_password_policy: '/^.{40,}$/' });
    try {
      const email = `policy.${unique()}@example.com`;
      const body = valid(email);
      const res = await register(body);
      expect(res.status, res.text).toBe(400);
      expect(res.body.errors[0].extensions.fields.password).toContain('Passwort-Richtlinie');
      expect(await accountOf(email)).toBeNull();
      expect(await count('tenants', { name: { _eq: body.workshop_name } })).toBe(0);
      expect(await count('workshops', { name: { _eq: body.workshop_name } })).toBe(0);
    } finally {
      await admin().patch('/settings', { auth_password_policy: null });
    }
  });
});

describe('bots', () => {
  test('a filled honeypot is refused with a clear message and creates nothing', async () => {
    const email = `bot.${unique()}@example.com`;
    const res = await register({ ...valid(email), website: 'https://spam.example' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({
      message: expect.stringContaining('automatisiert'),
      extensions: { code: 'BOT_SUSPECTED' },
    });
    expect(await accountOf(email)).toBeNull();
  });

  test('one address may try ten times per quarter hour, then gets 429 with Retry-After', async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await register({ email: 'x' }, ip)).status);
    expect(statuses).toEqual(Array(10).fill(400));
    const blocked = await as(null).post(
      '/onboarding/register',
      valid(`late.${unique()}@example.com`),
      viaSiteServer(ip),
    );
    expect(blocked.status).toBe(429);
    expect(blocked.body.errors[0].message).toContain('Zu viele Registrierungsversuche');
    const other = await register(valid(`other.${unique()}@example.com`));
    expect(other.status).toBe(201);
  });
});

describe('verification links', () => {
  test.each([
    ['garbage', 'kaputt'],
    ['tampered', 'eyJzdWIiOiJ4IiwiZW1haWwiOiJ4QHkuZGUiLCJleHAiOjk5OTk5OTk5OTl9.AAAA'],
  ])('a %s token is refused with a German page', async (_label, token) => {
    const url = `${inject('directusUrl')}/onboarding/verify?token=${token}`;
    for (const method of ['GET', 'POST']) {
      const res = await fetch(url, { method });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('Bestätigungslink ist ungültig');
    }
  });

  test('resending answers the same for known and unknown addresses', async () => {
    const email = `resend.${unique()}@example.com`;
    expect((await register(valid(email))).status).toBe(201);
    const known = await as(null).post('/onboarding/resend', { email }, viaSiteServer(freshIp()));
    const unknown = await as(null).post(
      '/onboarding/resend',
      { email: `nobody.${unique()}@example.com` },
      viaSiteServer(freshIp()),
    );
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(known.body).toEqual(unknown.body);
    const bad = await as(null).post('/onboarding/resend', { email: 42 }, viaSiteServer(freshIp()));
    expect(bad.status).toBe(400);
  });
});

describe('unconfirmed registrations', () => {
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
  const backdate = async (tenantId: string) => {
    const res = await admin().patch(`/items/tenants/${tenantId}`, {
      date_created: daysAgo(UNVERIFIED_RETENTION_DAYS + 1),
    });
    expect(res.status, res.text).toBe(200);
  };

  test('are removed completely after a week; confirmed and recent ones are kept', async () => {
    const oldOpen = `alt.${unique()}@example.com`;
    const oldConfirmed = `bestaetigt.${unique()}@example.com`;
    const recentOpen = `neu.${unique()}@example.com`;
    for (const email of [oldOpen, oldConfirmed, recentOpen]) expect((await register(valid(email))).status).toBe(201);
    const staleLink = await verificationLink(oldOpen);
    await fetch(await verificationLink(oldConfirmed), { method: 'POST' });
    const gone = await accountOf(oldOpen);
    const kept = await accountOf(oldConfirmed);
    const recent = await accountOf(recentOpen);
    expect(kept?.user.status).toBe('active');
    // The confirmed one first: once the open one is gone, the job has seen both as old.
    await backdate(kept?.tenant.id);
    await backdate(gone?.tenant.id);

    // The job runs every two seconds in tests (CARBOT_SIGNUP_CLEANUP_SCHEDULE).
    const deadline = Date.now() + 20_000;
    while ((await accountOf(oldOpen)) !== null && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(await accountOf(oldOpen)).toBeNull();
    expect((await admin().get(`/items/tenants/${gone?.tenant.id}`)).status).toBe(403);
    expect(await count('workshops', { id: { _eq: gone?.workshops[0].id } })).toBe(0);

    expect((await accountOf(oldConfirmed))?.workshops).toHaveLength(1);
    expect((await accountOf(recentOpen))?.user.status).toBe('unverified');
    expect((await accountOf(recentOpen))?.tenant.id).toBe(recent?.tenant.id);

    // The old link now says to register again, and that works: address and website name are free.
    const answer = await fetch(staleLink, { method: 'POST' });
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain('Registrieren Sie sich einfach noch einmal');
    const again = await register({ ...valid(oldOpen), workshop_name: gone?.tenant.name });
    expect(again.status, again.text).toBe(201);
    expect((await accountOf(oldOpen))?.workshops[0].slug).toBe(gone?.workshops[0].slug);
  });
});

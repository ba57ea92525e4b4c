/**
 * Accounts under attack, over raw HTTP against the real Directus: nobody can lock an owner out with wrong
 * passwords, registration and invitations answer the same for every address, and presets/bookmarks of
 * workshop users stay their own. Different clients are told apart by their source address (127.0.0.x),
 * exactly as Directus sees them without a trusted proxy in front.
 */
import { request } from 'node:http';
import { ROLE } from '@carbot/core/roles';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { firstLink } from '../../scripts/lib/mail-sink.ts';
import { tenants } from '../../seeds/demo/index.ts';
import { admin, qs } from '../support/http.ts';
import { sentMails, waitForMail } from '../support/mail.ts';

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: any; text: string };

/** A client on its own loopback address; `token` acts as a logged-in user. */
function from(localAddress: string, token?: string) {
  const base = new URL(inject('directusUrl'));
  const call = (method: string, path: string, body?: unknown) =>
    new Promise<Answer>((resolve, reject) => {
      const data = body === undefined ? undefined : JSON.stringify(body);
      const req = request(
        {
          host: base.hostname,
          port: base.port,
          method,
          path,
          localAddress,
          headers: {
            ...(data ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } : {}),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
          });
          res.on('end', () => {
            let parsed: unknown = null;
            try {
              parsed = text ? JSON.parse(text) : null;
            } catch {
              parsed = null;
            }
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed, text });
          });
        },
      );
      req.on('error', reject);
      req.end(data);
    });
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body?: unknown) => call('POST', path, body),
    patch: (path: string, body?: unknown) => call('PATCH', path, body),
    delete: (path: string) => call('DELETE', path),
    graphql: (query: string, system = true) => call('POST', system ? '/graphql/system' : '/graphql', { query }),
  };
}

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const PASSWORD = 'demo-carbot-2026';
const [seedA, seedB] = tenants as [(typeof tenants)[number], (typeof tenants)[number]];
const userOf = (seed: typeof seedA, role: 'owner' | 'staff') => {
  const user = seed.users.find((u) => u.role === role);
  if (!user) throw new Error(`Kein ${role} in ${seed.tenant.name}`);
  return user;
};

async function loginFrom(address: string, email: string, password = PASSWORD): Promise<string> {
  const res = await from(address).post('/auth/login', { email, password });
  if (res.status !== 200) throw new Error(`Login ${email}: ${res.status} ${res.text}`);
  return res.body.data.access_token as string;
}

async function userByEmail(email: string) {
  const res = await admin().get(
    `/users${qs({ filter: { email: { _eq: email } }, fields: 'id,status,role,tenant,email' })}`,
  );
  return (res.body.data as Record<string, unknown>[])[0] ?? null;
}

/** A fresh owner of tenant B, so the attack never touches users other tests log in with. */
async function freshOwner() {
  const email = `opfer.${unique()}@example.com`;
  const password = 'Zündkerze-Vergaser-42';
  const res = await admin().post('/users', {
    email,
    password,
    role: ROLE.owner,
    tenant: seedB.tenant.id,
    status: 'active',
  });
  expect(res.status, res.text).toBe(200);
  return { id: res.body.data.id as string, email, password };
}

describe('login throttling instead of suspension', () => {
  test('Directus suspends nobody after wrong passwords (auth_login_attempts is off)', async () => {
    const settings = await admin().get('/settings?fields=auth_login_attempts');
    expect(settings.body.data.auth_login_attempts).toBeNull();
  });

  test('30 wrong passwords from one address throttle that address, not the owner; the account stays active', async () => {
    const owner = await freshOwner();
    const attacker = from('127.0.0.2');
    const answers: Answer[] = [];
    for (let i = 0; i < 30; i++) {
      answers.push(await attacker.post('/auth/login', { email: owner.email, password: `falsch-${i}` }));
    }
    expect(answers.slice(0, 10).map((a) => a.status)).toEqual(Array(10).fill(401));
    const throttled = answers.slice(10);
    expect(throttled.map((a) => a.status)).toEqual(Array(20).fill(429));
    const last = throttled.at(-1) as Answer;
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    expect(last.body.errors[0].message).toContain('Zu viele fehlgeschlagene Anmeldeversuche');

    // The attacker's address stays throttled even with the right password: guessing does not go on.
    expect((await attacker.post('/auth/login', { email: owner.email, password: owner.password })).status).toBe(429);
    // GraphQL is the same door.
    const viaGraphql = await attacker.graphql(
      `mutation { auth_login(email: "${owner.email}", password: "${owner.password}") { access_token } }`,
    );
    expect(viaGraphql.text).not.toContain('access_token":"');
    expect(viaGraphql.body.errors[0].extensions.code).toBe('REQUESTS_EXCEEDED');

    // The owner, from their own address, logs in normally, and the account was never suspended.
    const ownerToken = await loginFrom('127.0.0.3', owner.email, owner.password);
    expect(ownerToken).toBeTruthy();
    expect((await userByEmail(owner.email))?.status).toBe('active');
  });

  test('a throttled answer looks the same for an address without account (no enumeration)', async () => {
    const attacker = from('127.0.0.4');
    const statuses = async (email: string) => {
      const out: number[] = [];
      for (let i = 0; i < 12; i++) out.push((await attacker.post('/auth/login', { email, password: `x-${i}` })).status);
      return out;
    };
    const owner = await freshOwner();
    const known = await statuses(owner.email);
    const unknown = await statuses(`niemand.${unique()}@example.com`);
    expect(known).toEqual(unknown);
    expect(known.at(-1)).toBe(429);
  });

  test('a password reset by mail lifts the throttle at once', async () => {
    const owner = await freshOwner();
    const attacker = from('127.0.0.5');
    for (let i = 0; i < 11; i++) await attacker.post('/auth/login', { email: owner.email, password: `falsch-${i}` });
    expect((await attacker.post('/auth/login', { email: owner.email, password: owner.password })).status).toBe(429);

    // The owner happens to be behind the same address: reset by mail, then log in right away.
    expect((await attacker.post('/auth/password/request', { email: owner.email })).status).toBe(204);
    const mail = await waitForMail((m) => m.to.includes(owner.email));
    const link = firstLink(mail.text) ?? '';
    const token = new URL(link).searchParams.get('token');
    expect(token, mail.text).toBeTruthy();
    const newPassword = 'Neues-Passwort-für-2026';
    expect((await attacker.post('/auth/password/reset', { token, password: newPassword })).status).toBe(204);
    expect((await attacker.post('/auth/login', { email: owner.email, password: newPassword })).status).toBe(200);
  });
});

describe('registration answers the same for every address', () => {
  const valid = (email: string) => ({
    workshop_name: `Kfz-Technik Probe ${unique()}`,
    owner_name: 'Anna Probe',
    email,
    password: 'Zündkerze-Vergaser-42',
    city: 'Leipzig',
    template: 'klassisch',
    terms: true,
  });
  let n = 20;
  /** Each registration from its own address, so the per-address registration limit is not what answers. */
  const register = (body: unknown) => from(`127.0.1.${n++}`).post('/onboarding/register', body);
  /** What an attacker compares: status and body, with the address they sent taken out. */
  const shape = (a: Answer, email: string) => ({
    status: a.status,
    body: JSON.parse(a.text.split(email).join('<email>')),
  });
  const tenantCount = async () => Number((await admin().get('/items/tenants?aggregate[count]=*')).body.data[0].count);

  test('new, unconfirmed and existing addresses get one answer; the holder learns the truth by mail', async () => {
    const fresh = `neu.${unique()}@example.com`;
    const first = await register(valid(fresh));
    expect(first.status, first.text).toBe(201);
    const tenants = await tenantCount();

    const unconfirmed = await register(valid(fresh));
    const existing = 'owner.schneider@example.com';
    const taken = await register(valid(existing));
    const another = `neu.${unique()}@example.com`;
    const newOne = await register(valid(another));

    expect(shape(unconfirmed, fresh)).toEqual(shape(first, fresh));
    expect(shape(taken, existing)).toEqual(shape(first, fresh));
    expect(shape(newOne, another)).toEqual(shape(first, fresh));
    expect(taken.text).not.toMatch(/EMAIL_TAKEN|EMAIL_UNVERIFIED|bereits/);
    expect(await tenantCount()).toBe(tenants + 1);

    // The existing owner is told someone tried; the unconfirmed one gets the link again.
    const note = await waitForMail((m) => m.to.includes(existing) && m.subject.includes('Registrierungsversuch'));
    expect(note.text).toContain('Passwort zurücksetzen');
    await waitForMail((m) => m.to.includes(fresh) && m.subject.includes('bestätigen'));
    const links = (await sentMails()).filter((m) => m.to.includes(fresh) && m.subject.includes('bestätigen'));
    expect(links.length).toBe(2);
    expect((await userByEmail(existing))?.tenant).toBe(seedB.tenant.id);
  });
});

describe('presets and bookmarks are the user’s own', () => {
  let ownerA: ReturnType<typeof from>;
  let staffA: ReturnType<typeof from>;
  let ownerB: ReturnType<typeof from>;
  const mine = (name: string) => ({ collection: 'leads', bookmark: name, layout: 'tabular' });
  const presetsNamed = async (name: string) =>
    (await admin().get(`/presets${qs({ filter: { bookmark: { _eq: name } }, fields: 'id,user,role', limit: -1 })}`))
      .body.data as { id: number; user: string | null; role: string | null }[];

  /** Presets with this name that a user's admin app would load (all it may read, matched here). */
  const visibleTo = async (api: ReturnType<typeof from>, name: string) => {
    const res = await api.get('/presets?limit=-1&fields=id,bookmark');
    expect(res.status, res.text).toBe(200);
    return (res.body.data as { bookmark: string | null }[]).filter((p) => p.bookmark === name);
  };

  beforeAll(async () => {
    ownerA = from('127.0.0.1', await loginFrom('127.0.0.1', userOf(seedA, 'owner').email));
    staffA = from('127.0.0.1', await loginFrom('127.0.0.1', userOf(seedA, 'staff').email));
    ownerB = from('127.0.0.1', await loginFrom('127.0.0.1', userOf(seedB, 'owner').email));
  });

  test('a preset without user, for a role or for someone else is refused on REST, batch and GraphQL', async () => {
    const name = `angriff-${unique()}`;
    const attempts = [
      await ownerA.post('/presets', { ...mine(name), user: null }),
      await ownerA.post('/presets', { ...mine(name), role: ROLE.owner }),
      await ownerA.post('/presets', { ...mine(name), role: ROLE.staff, user: userOf(seedA, 'owner').id }),
      await ownerA.post('/presets', { ...mine(name), user: userOf(seedA, 'staff').id }),
      await ownerA.post('/presets', [mine(name), { ...mine(name), role: ROLE.owner }]),
      await staffA.post('/presets', { ...mine(name), role: ROLE.staff }),
      await ownerA.graphql(
        `mutation { create_presets_item(data: { collection: "leads", bookmark: "${name}", role: "${ROLE.owner}" }) { id } }`,
      ),
      await ownerA.graphql(
        `mutation { create_presets_items(data: [{ collection: "leads", bookmark: "${name}", user: null }]) { id } }`,
      ),
    ];
    for (const res of attempts) {
      const refused = res.status === 403 || (res.status === 200 && Array.isArray(res.body?.errors));
      expect(refused, res.text).toBe(true);
    }
    expect(await presetsNamed(name)).toEqual([]);
    // What owner B sees in the admin: nothing of A's.
    expect(await visibleTo(ownerB, name)).toEqual([]);
  });

  test('an own bookmark is stored for oneself only, and cannot be widened later', async () => {
    const name = `eigen-${unique()}`;
    const created = await ownerA.post('/presets', mine(name));
    expect(created.status, created.text).toBe(200);
    const id = created.body.data.id as number;
    expect(await presetsNamed(name)).toEqual([{ id, user: userOf(seedA, 'owner').id, role: null }]);

    const attempts = [
      await ownerA.patch(`/presets/${id}`, { user: null }),
      await ownerA.patch(`/presets/${id}`, { role: ROLE.owner }),
      await ownerA.patch('/presets', { keys: [id], data: { role: ROLE.staff } }),
      await ownerA.patch('/presets', { query: { filter: { id: { _eq: id } } }, data: { user: null } }),
      await ownerA.graphql(`mutation { update_presets_item(id: ${id}, data: { user: null }) { id } }`),
      await ownerA.graphql(`mutation { update_presets_items(ids: [${id}], data: { role: "${ROLE.owner}" }) { id } }`),
    ];
    for (const res of attempts) {
      const refused = res.status === 403 || (res.status === 200 && Array.isArray(res.body?.errors));
      expect(refused, res.text).toBe(true);
    }
    expect(await presetsNamed(name)).toEqual([{ id, user: userOf(seedA, 'owner').id, role: null }]);
    expect((await ownerA.patch(`/presets/${id}`, { bookmark: `${name}-neu` })).status).toBe(200);
  });

  test('nobody reads, changes or deletes another user’s presets', async () => {
    const name = `privat-${unique()}`;
    const created = await staffA.post('/presets', mine(name));
    expect(created.status, created.text).toBe(200);
    const id = created.body.data.id as number;
    for (const other of [ownerA, ownerB]) {
      expect([403, 404]).toContain((await other.get(`/presets/${id}`)).status);
      expect(await visibleTo(other, name)).toEqual([]);
      expect((await other.patch(`/presets/${id}`, { bookmark: 'übernommen' })).status).toBe(403);
      expect((await other.delete(`/presets/${id}`)).status).toBe(403);
    }
    expect(await presetsNamed(name)).toEqual([{ id, user: userOf(seedA, 'staff').id, role: null }]);
  });
});

describe('invitations stay inside the inviter’s tenant and tell nothing', () => {
  let ownerA: ReturnType<typeof from>;
  let ownerB: ReturnType<typeof from>;
  let staffA: ReturnType<typeof from>;

  beforeAll(async () => {
    ownerA = from('127.0.0.1', await loginFrom('127.0.0.1', userOf(seedA, 'owner').email));
    ownerB = from('127.0.0.1', await loginFrom('127.0.0.1', userOf(seedB, 'owner').email));
    staffA = from('127.0.0.1', await loginFrom('127.0.0.1', userOf(seedA, 'staff').email));
  });

  test('inviting another tenant’s pending or active address answers like any new address and changes nothing', async () => {
    const pendingOfB = `eingeladen.${unique()}@example.com`;
    expect((await ownerB.post('/users/invite', { email: pendingOfB, role: ROLE.owner })).status).toBe(204);
    const before = await userByEmail(pendingOfB);
    expect(before).toMatchObject({ tenant: seedB.tenant.id, role: ROLE.owner, status: 'invited' });

    const answers = [
      await ownerA.post('/users/invite', { email: pendingOfB, role: ROLE.staff }),
      await ownerA.post('/users/invite', { email: pendingOfB, role: ROLE.owner }),
      await ownerA.post('/users/invite', { email: userOf(seedB, 'owner').email, role: ROLE.staff }),
      await ownerA.post('/users/invite', { email: 'marketing@example.com', role: ROLE.staff }),
      await ownerA.post('/users/invite', { email: `frisch.${unique()}@example.com`, role: ROLE.staff }),
      await ownerA.graphql(`mutation { users_invite(email: "${pendingOfB}", role: "${ROLE.staff}") }`),
    ];
    const rest = answers.slice(0, 5).map((a) => [a.status, a.text]);
    expect(rest).toEqual(Array(5).fill([204, '']));
    expect(answers[5]?.body).toEqual({ data: { users_invite: true } });

    // B's invitation is untouched: same tenant, same role, and no mail from A's attempts.
    expect(await userByEmail(pendingOfB)).toEqual(before);
    expect((await userByEmail(userOf(seedB, 'owner').email))?.tenant).toBe(seedB.tenant.id);
    const marker = `marker.${unique()}@example.com`;
    expect((await ownerA.post('/users/invite', { email: marker, role: ROLE.staff })).status).toBe(204);
    await waitForMail((m) => m.to.includes(marker));
    expect((await sentMails()).filter((m) => m.to.includes(pendingOfB)).length).toBe(1);
  });

  test('a new address joins the inviter’s tenant with the tenant role, and the link sets the password', async () => {
    const email = `team.${unique()}@example.com`;
    expect((await ownerA.post('/users/invite', { email, role: ROLE.staff })).status).toBe(204);
    expect(await userByEmail(email)).toMatchObject({ tenant: seedA.tenant.id, role: ROLE.staff, status: 'invited' });
    const mail = await waitForMail((m) => m.to.includes(email));
    expect(mail.subject).toContain(String(seedA.tenant.name));
    const token = new URL(firstLink(mail.text) ?? '').searchParams.get('token');
    const password = 'Bremsscheibe-Ölwechsel-7';
    expect((await from('127.0.0.6').post('/users/invite/accept', { token, password })).status).toBe(204);
    await loginFrom('127.0.0.6', email, password);
    expect(await userByEmail(email)).toMatchObject({ tenant: seedA.tenant.id, status: 'active' });
  });

  test('other roles, staff inviters and direct user creation are refused the same for every address', async () => {
    const admins = await admin().get('/roles?filter[name][_eq]=Administrator&fields=id');
    const adminRole = admins.body.data[0]?.id as string;
    for (const role of [adminRole, ROLE.marketer, ROLE.sites]) {
      const res = await ownerA.post('/users/invite', { email: `x.${unique()}@example.com`, role });
      expect(res.status, res.text).toBe(403);
    }
    expect((await staffA.post('/users/invite', { email: `y.${unique()}@example.com`, role: ROLE.staff })).status).toBe(
      403,
    );
    // Direct creation would answer "not unique" for addresses that exist anywhere: it is not a way in.
    const direct = (email: string) =>
      ownerA.post('/users', { email, password: 'ein-gutes-passwort-1', role: ROLE.staff });
    const taken = await direct(userOf(seedB, 'owner').email);
    const free = await direct(`z.${unique()}@example.com`);
    expect([taken.status, taken.text]).toEqual([free.status, free.text]);
    expect(taken.status).toBe(403);
  });
});

/**
 * CarBot on more than one machine: two Directus instances and two site servers on one PostgreSQL and one
 * Redis (tests/support/cluster-setup.ts). Each test talks to the instances directly and alternately, as a
 * balancer would, and checks what a single instance would guarantee: limits, purges, mails sent exactly
 * once, nothing lost when an instance dies, caches that notice the other instance's writes.
 */
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { freePort } from '../../scripts/lib/cluster.ts';
import { stop } from '../../scripts/lib/processes.ts';
import { startSitesServer, waitForSites } from '../../scripts/lib/sites.ts';
import { tenants } from '../../seeds/demo/index.ts';
import { get } from '../integration/sites-support.ts';
import type { SinkMessage } from '../support/edges/smtp.ts';

const cluster = inject('cluster');
const [D1, D2] = cluster.directus;
const ORIGIN = 'https://cluster.example';
const [beispiel, schneider] = tenants;
const started: ChildProcess[] = [];
afterAll(async () => {
  await Promise.all(started.map((child) => stop(child)));
});

type Reply = { status: number; body: any; text: string };

async function call(
  base: string,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string>; token?: string } = {},
): Promise<Reply> {
  const res = await fetch(base + path, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: res.status, body, text };
}
const admin = (base: string, path: string, method = 'GET', body?: unknown) =>
  call(base, path, { method, body, token: inject('adminToken') });

/** A widget call from one visitor (its address, as the balancer forwards it). */
const widget = (
  base: string,
  path: string,
  key: string,
  visitor: string,
  init: { method?: string; body?: unknown; session?: string } = {},
) =>
  call(base, `/widget${path}`, {
    method: init.method,
    body: init.body,
    headers: {
      'x-carbot-key': key,
      origin: ORIGIN,
      'x-forwarded-for': visitor,
      ...(init.session ? { 'x-carbot-session': init.session } : {}),
    },
  });

async function newKey(workshop: string) {
  const res = await admin(D1, '/items/client_keys', 'POST', {
    workshop,
    name: `Cluster ${Math.random().toString(36).slice(2, 8)}`,
    allowed_origins: [ORIGIN],
  });
  expect(res.status, res.text).toBe(200);
  return res.body.data.key as string;
}

async function publishedWorkshop(tenant: string) {
  const res = await admin(
    D1,
    `/items/workshops?fields=id,email&filter[tenant][_eq]=${tenant}&filter[status][_eq]=published&sort=date_created&limit=1`,
  );
  return res.body.data[0] as { id: string; email: string };
}

async function until<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error('Bedingung nicht rechtzeitig erfüllt');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const llm = (control: Record<string, unknown>) =>
  fetch(`${inject('edgeUrls').openai}/__control`, { method: 'POST', body: JSON.stringify(control) });
const mails = async () => (await (await fetch(`${inject('edgeUrls').smtpControl}/messages`)).json()) as SinkMessage[];

function events(text: string): { event: string; data: any }[] {
  return text
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => ({
      event: /^event: (.*)$/m.exec(block)?.[1] ?? 'message',
      data: JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null'),
    }));
}
const answerOf = (text: string) =>
  events(text)
    .filter((e) => e.event === 'delta')
    .map((e) => e.data?.text ?? '')
    .join('');

async function withDb<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({
    host: process.env.PGHOST ?? '127.0.0.1',
    port: Number(process.env.PGPORT ?? 5432),
    user: process.env.PGUSER ?? 'postgres',
    database: cluster.database,
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe('limits are global', () => {
  test('a visitor alternating between the instances gets as many conversations as from one', async () => {
    const workshop = await publishedWorkshop(String(beispiel?.tenant.id));
    const key = await newKey(workshop.id);
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) {
      statuses.push(
        (await widget(i % 2 ? D2 : D1, '/conversations', key, '203.0.113.7', { method: 'POST', body: {} })).status,
      );
    }
    // CARBOT_RATE_LIMIT_VISITOR=10 in the cluster: ten, then refused — on both instances.
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.slice(10)).toEqual([429, 429, 429, 429]);
  });

  test('a client key alternating between the instances gets as many answers as from one', async () => {
    const workshop = await publishedWorkshop(String(beispiel?.tenant.id));
    const key = await newKey(workshop.id);
    const statuses: number[] = [];
    for (let i = 0; i < 64; i++)
      statuses.push((await widget(i % 2 ? D2 : D1, '/config', key, `198.51.100.${i}`)).status);
    // CARBOT_RATE_LIMIT_KEY=60 a minute, whichever visitor and instance.
    expect(statuses.filter((s) => s === 200)).toHaveLength(60);
    expect(statuses.slice(60)).toEqual([429, 429, 429, 429]);
  });

  test('the registration throttle counts one address across both instances', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await call(i % 2 ? D2 : D1, '/onboarding/register', {
        body: { email: 'kein-gueltiger-versuch' },
        headers: { 'x-forwarded-for': '192.0.2.44' },
      });
      statuses.push(res.status);
    }
    // CARBOT_SIGNUP_RATE_LIMIT=6/900: six attempts (refused as invalid), then 429.
    expect(statuses.slice(0, 6).every((s) => s !== 429)).toBe(true);
    expect(statuses.slice(6)).toEqual([429, 429]);
  });
});

describe('purges reach every site server', () => {
  const service = schneider?.services[0];
  const host = 'kfz-schneider.localhost';
  const port = (url: string) => Number(new URL(url).port);
  const page = (url: string) => get(port(url), host, '/leistungen');
  const priced = async (url: string, text: string) => (await page(url)).body.replaceAll('\u00a0', ' ').includes(text);

  afterAll(async () => {
    await admin(D1, `/items/services/${service?.id}`, 'PATCH', { price: Number(service?.price) });
  });

  test('an edit on one instance shows on both site servers, one started after it and one restarted', async () => {
    for (const url of cluster.sites) {
      await page(url);
      expect((await page(url)).headers['x-carbot-cache']).toBe('hit');
    }
    // Edited through the second instance: the site servers read through the first and the second.
    const edited = Date.now();
    expect((await admin(D2, `/items/services/${service?.id}`, 'PATCH', { price: 2345.5 })).status).toBe(200);
    const seen = await Promise.all(
      cluster.sites.map((url) => until(async () => (await priced(url, '2.345,50 €')) && Date.now() - edited, 10_000)),
    );
    console.log(`Änderung sichtbar auf beiden Site-Servern nach ${seen.join(' / ')} ms`);

    // A site server started after the edit.
    const latePort = await freePort();
    const late = startSitesServer({ ...cluster.sitesEnv, PORT: String(latePort), DIRECTUS_URL: D1 }, { quiet: true });
    started.push(late);
    await waitForSites({ HOST: '127.0.0.1', PORT: String(latePort) });
    const lateUrl = `http://127.0.0.1:${latePort}`;
    expect(await priced(lateUrl, '2.345,50 €')).toBe(true);

    // The second site server restarted (same port), and an edit after it is back.
    process.kill(cluster.pids.sites[1], 'SIGTERM');
    await until(async () => {
      try {
        await page(cluster.sites[1]);
        return false;
      } catch {
        return true;
      }
    });
    const again = startSitesServer(
      { ...cluster.sitesEnv, PORT: String(port(cluster.sites[1])), DIRECTUS_URL: D2 },
      { quiet: true },
    );
    started.push(again);
    await waitForSites({ HOST: '127.0.0.1', PORT: String(port(cluster.sites[1])) });
    for (const url of [...cluster.sites, lateUrl]) {
      await page(url);
      expect((await page(url)).headers['x-carbot-cache']).toBe('hit');
    }
    expect((await admin(D1, `/items/services/${service?.id}`, 'PATCH', { price: 3456.5 })).status).toBe(200);
    for (const url of [...cluster.sites, lateUrl]) await until(() => priced(url, '3.456,50 €'), 10_000);
  });
});

describe('schedules run once per cluster', () => {
  test('200 leads left alternately on both instances produce exactly 200 mails, none twice', {
    timeout: 240_000,
  }, async () => {
    await llm({ mode: 'ok', reply: 'Gern, wir melden uns.' });
    const workshop = await publishedWorkshop(String(schneider?.tenant.id));
    // Per key 60 requests a minute: ten keys of the workshop carry twenty leads each.
    const keys = await Promise.all(Array.from({ length: 10 }, () => newKey(workshop.id)));
    const config = await widget(D1, '/config', keys[0] as string, '198.18.0.1');
    const consent = { given: true, version: config.body.data.consent.version };
    const before = (await mails()).length;
    const marker = `Cluster-${Date.now()}`;
    const leave = async (i: number) => {
      const base = i % 2 ? D2 : D1;
      const key = keys[i % 10] as string;
      const visitor = `198.18.${Math.floor(i / 200)}.${i % 200}`;
      const conversation = await widget(base, '/conversations', key, visitor, { method: 'POST', body: {} });
      expect(conversation.status, conversation.text).toBe(201);
      const { id, session } = conversation.body.data;
      const lead = await widget(base, `/conversations/${id}/lead`, key, visitor, {
        session,
        body: { name: `${marker} ${i}`, phone: `+49 30 ${1000000 + i}`, consent },
      });
      expect(lead.status, lead.text).toBeLessThan(300);
    };
    for (let i = 0; i < 200; i += 10) await Promise.all(Array.from({ length: 10 }, (_, j) => leave(i + j)));
    const ours = (all: SinkMessage[]) => all.slice(before).filter((m) => m.text.includes(marker));
    await until(async () => ours(await mails()).length >= 200, 120_000);
    // Another round of the outbox on both instances: nothing is sent a second time.
    await new Promise((r) => setTimeout(r, 1500));
    const sent = ours(await mails());
    if (sent.length !== 200) {
      const outbox = await withDb((db) =>
        db.query(
          `SELECT id, subject, attempts, last_error, sent_at, next_attempt_at FROM carbot_outbox WHERE subject IN (SELECT subject FROM carbot_outbox WHERE text LIKE $1 AND attempts > 1) ORDER BY subject, id`,
          [`%${marker}%`],
        ),
      );
      const counts = new Map<string, number>();
      for (const m of sent) counts.set(m.subject, (counts.get(m.subject) ?? 0) + 1);
      console.log('Doppelt:', [...counts].filter(([, n]) => n > 1).slice(0, 5), outbox.rows.slice(0, 6));
    }
    expect(sent).toHaveLength(200);
    const names = sent.map((m) => /Cluster-\d+ (\d+)/.exec(m.text)?.[1]);
    expect(new Set(names).size).toBe(200);
  });
});

describe('per-process caches notice the other instance', () => {
  test('the price guard knows a price saved through the other instance', async () => {
    const workshop = await publishedWorkshop(String(beispiel?.tenant.id));
    const key = await newKey(workshop.id);
    const service = (await admin(D1, `/items/services?filter[workshop][_eq]=${workshop.id}&fields=id,price&limit=1`))
      .body.data[0];
    await llm({ mode: 'ok', reply: 'Das kostet 987 €.' });
    const ask = async (base: string, visitor: string) => {
      const c = await widget(base, '/conversations', key, visitor, { method: 'POST', body: {} });
      const res = await widget(base, `/conversations/${c.body.data.id}/messages`, key, visitor, {
        session: c.body.data.session,
        body: { text: 'Was kostet das?' },
      });
      return answerOf(res.text);
    };
    try {
      // The second instance caches the workshop's prices; 987 € is none of them.
      expect(await ask(D2, '203.0.113.50')).not.toContain('987 €');
      expect((await admin(D1, `/items/services/${service.id}`, 'PATCH', { price: 987 })).status).toBe(200);
      let n = 51;
      await until(async () => (await ask(D2, `203.0.113.${n++}`)).includes('987 €'), 10_000);
    } finally {
      await admin(D1, `/items/services/${service.id}`, 'PATCH', { price: service.price });
    }
  });

  test('the AI budget counts what the other instance spent', async () => {
    const workshop = await publishedWorkshop(String(beispiel?.tenant.id));
    const key = await newKey(workshop.id);
    // 100 000 tokens of gpt-4o-mini: about 5 cents an answer, visible in a budget kept in cents.
    await llm({ mode: 'ok', reply: 'Wir haben montags bis freitags geöffnet.', completionTokens: 100_000 });
    const ask = async (base: string, visitor: string) => {
      const c = await widget(base, '/conversations', key, visitor, { method: 'POST', body: {} });
      const res = await widget(base, `/conversations/${c.body.data.id}/messages`, key, visitor, {
        session: c.body.data.session,
        body: { text: 'Wann haben Sie geöffnet?' },
      });
      return { answer: answerOf(res.text), conversation: c.body.data.id as string };
    };
    const tenant = (await admin(D1, `/items/tenants/${beispiel?.tenant.id}?fields=plan`)).body.data.plan as string;
    const plan = (await admin(D1, `/items/plans/${tenant}?fields=ai_budget_eur`)).body.data.ai_budget_eur;
    try {
      // Both instances know this month's spend (each reads it once and keeps it for an hour here).
      const first = await ask(D2, '203.0.113.80');
      expect(first.answer).not.toContain('ohne KI');
      await ask(D1, '203.0.113.81');
      const spent = await withDb(async (db) => {
        const row = await db.query(
          `SELECT coalesce(sum(cost_eur), 0) AS total, max(cost_eur) AS one FROM messages WHERE tenant = $1 AND date_created >= date_trunc('month', now() AT TIME ZONE 'Europe/Berlin')`,
          [beispiel?.tenant.id],
        );
        return { total: Number(row.rows[0].total), one: Number(row.rows[0].one) };
      });
      expect(spent.one).toBeGreaterThan(0);
      // Room for one more answer: the first instance spends it …
      await admin(D1, `/items/plans/${tenant}`, 'PATCH', { ai_budget_eur: spent.total + spent.one / 2 });
      expect((await ask(D1, '203.0.113.82')).answer).not.toContain('ohne KI');
      // … and the second instance, whose own read is an hour from expiring, knows it at once.
      await until(
        async () => (await ask(D2, `203.0.113.${83 + Math.floor(Math.random() * 100)}`)).answer.includes('ohne KI'),
        5000,
      );
    } finally {
      await admin(D1, `/items/plans/${tenant}`, 'PATCH', { ai_budget_eur: plan });
    }
  });
});

describe('losing an instance loses nothing', () => {
  test('kill -9 of one Directus while visitors chat and leave leads: every accepted write is stored', {
    timeout: 120_000,
  }, async () => {
    await llm({ mode: 'ok', reply: 'Gern helfen wir Ihnen weiter.', chunkDelayMs: 20 });
    const workshop = await publishedWorkshop(String(schneider?.tenant.id));
    const keys = await Promise.all(Array.from({ length: 4 }, () => newKey(workshop.id)));
    const config = await widget(D1, '/config', keys[0] as string, '198.19.0.1');
    const consent = { given: true, version: config.body.data.consent.version };
    const marker = `Absturz-${Date.now()}`;
    const accepted = { messages: [] as { conversation: string; text: string }[], leads: [] as string[] };
    const sessions: { id: string; session: string; key: string; visitor: string }[] = [];
    let killed = false;
    const visitorRun = async (v: number) => {
      const key = keys[v % 4] as string;
      // A new visitor each round: three writes each, well within the per-visitor limit.
      for (let round = 0; round < 8; round++) {
        const visitor = `198.19.${v}.${round}`;
        const base = (v + round) % 2 ? D2 : D1;
        try {
          const c = await widget(base, '/conversations', key, visitor, { method: 'POST', body: {} });
          if (c.status !== 201) continue;
          const { id, session } = c.body.data;
          sessions.push({ id, session, key, visitor });
          const text = `${marker} Frage ${v}/${round}`;
          const res = await widget(base, `/conversations/${id}/messages`, key, visitor, { session, body: { text } });
          if (res.status === 200 && events(res.text).some((e) => e.event === 'done')) {
            accepted.messages.push({ conversation: id, text });
          }
          const lead = await widget(base, `/conversations/${id}/lead`, key, visitor, {
            session,
            body: { name: `${marker} ${v}/${round}`, phone: `+49 40 ${2000000 + v * 10 + round}`, consent },
          });
          if (lead.status < 300) accepted.leads.push(id);
        } catch {
          // The connection to the killed instance broke: nothing was promised to this visitor.
        }
      }
    };
    const visitors = Promise.all(Array.from({ length: 8 }, (_, v) => visitorRun(v)));
    await until(async () => accepted.leads.length >= 6, 60_000);
    process.kill(cluster.pids.directus[1], 'SIGKILL');
    killed = true;
    await visitors;
    expect(killed).toBe(true);
    expect(accepted.leads.length).toBeGreaterThan(6);

    const stored = await withDb(async (db) => ({
      leads: (await db.query(`SELECT conversation FROM leads WHERE name LIKE $1`, [`${marker}%`])).rows.map((r) =>
        String(r.conversation),
      ),
      messages: (
        await db.query(`SELECT conversation, author, content FROM messages WHERE conversation = ANY($1::uuid[])`, [
          accepted.messages.map((m) => m.conversation),
        ])
      ).rows,
    }));
    for (const id of accepted.leads) expect(stored.leads).toContain(id);
    for (const m of accepted.messages) {
      const of = stored.messages.filter((r) => String(r.conversation) === m.conversation);
      expect(of.some((r) => r.content === m.text)).toBe(true);
      expect(of.length).toBeGreaterThanOrEqual(2);
    }

    // The widget's next request goes to the survivor, with the session it had.
    const last = sessions.at(-1);
    if (!last) throw new Error('keine Unterhaltung');
    const next = await widget(D1, `/conversations/${last.id}/messages`, last.key, last.visitor, {
      session: last.session,
      body: { text: 'Sind Sie noch da?' },
    });
    expect(next.status).toBe(200);
    expect(events(next.text).some((e) => e.event === 'done')).toBe(true);
  });
});

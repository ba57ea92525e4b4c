/**
 * Retention per tenant: plan defaults, the owner's choice within legal bounds, and the nightly purge
 * (started here on demand through the same lease) removing only what is past each tenant's own period.
 */
import { expect, test } from 'vitest';
import { tenants } from '../../seeds/demo/index.ts';
import { admin, as, login } from '../support/http.ts';

const [beispiel, schneider] = tenants;
const PASSWORD = 'demo-carbot-2026';
const userOf = (seed: typeof beispiel, role: 'owner' | 'staff') =>
  seed?.users.find((u) => u.role === role)?.email as string;
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

async function workshopOf(token: string): Promise<string> {
  return (await as(token).get('/items/workshops?fields=id&limit=1&sort=date_created')).body.data[0].id;
}

/** A conversation whose last message was `days` ago. */
async function conversation(workshop: string, days: number): Promise<string> {
  const created = await admin().post('/items/conversations', { workshop, origin: `https://alt-${days}.example` });
  expect(created.status, created.text).toBe(200);
  const id = created.body.data.id as string;
  const aged = await admin().patch(`/items/conversations/${id}`, { last_message_at: daysAgo(days) });
  expect(aged.status, aged.text).toBe(200);
  await admin().post('/items/messages', { conversation: id, role: 'visitor', content: `Frage vor ${days} Tagen` });
  return id;
}

async function lead(workshop: string, days: number): Promise<string> {
  const created = await admin().post('/items/leads', { workshop, name: `Anfrage vor ${days} Tagen` });
  expect(created.status, created.text).toBe(200);
  const aged = await admin().patch(`/items/leads/${created.body.data.id}`, { date_created: daysAgo(days) });
  expect(aged.status, aged.text).toBe(200);
  return created.body.data.id;
}

/** A raw page view counted `days` ago (a Berlin calendar day, as the site server records it). */
async function pageView(workshop: string, tenant: string, days: number): Promise<string> {
  const day = new Date(Date.now() - days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
  const created = await admin().post('/items/analytics_events', {
    workshop,
    tenant,
    type: 'page_view',
    day,
    path: '/',
  });
  expect(created.status, created.text).toBe(200);
  return created.body.data.id;
}

test('owners see and change their retention within bounds; staff cannot', async () => {
  const owner = await login(userOf(beispiel, 'owner'), PASSWORD);
  const shown = await as(owner).get('/privacy/retention');
  expect(shown.status, shown.text).toBe(200);
  expect(shown.body.data.defaults).toMatchObject({ conversationsDays: 90, leadsMonths: 12 });
  const tooShort = await as(owner).patch('/privacy/retention', { conversationsDays: 3, leadsMonths: 120 });
  expect(tooShort.status).toBe(400);
  expect(tooShort.text).toContain('zwischen 7 und 365');
  expect(tooShort.text).toContain('zwischen 1 und 36');
  const staff = await login(userOf(beispiel, 'staff'), PASSWORD);
  expect((await as(staff).patch('/privacy/retention', { conversationsDays: 30 })).status).toBe(403);
  // Not through the data API either: the field is the Datenschutz page's to set.
  const tenant = (await as(owner).get('/items/tenants?fields=id')).body.data[0].id;
  expect((await as(owner).patch(`/items/tenants/${tenant}`, { retention_conversations_days: 1 })).status).toBe(403);
});

test('the purge removes what is past each tenant’s own retention, logs counts and leaves proofs', async () => {
  const ownerA = await login(userOf(beispiel, 'owner'), PASSWORD);
  const ownerB = await login(userOf(schneider, 'owner'), PASSWORD);
  const saved = await as(ownerA).patch('/privacy/retention', { conversationsDays: 30, leadsMonths: 6 });
  expect(saved.status, saved.text).toBe(200);
  expect(saved.body.data.retention).toMatchObject({ conversationsDays: 30, leadsMonths: 6 });
  const [wA, wB] = [await workshopOf(ownerA), await workshopOf(ownerB)];
  const oldA = await conversation(wA, 45);
  const freshA = await conversation(wA, 10);
  const oldLeadA = await lead(wA, 200);
  const keptLeadA = await lead(wA, 100);
  const keptB = await conversation(wB, 45); // B keeps the plan's 90 days
  const oldB = await conversation(wB, 120);
  const tenantA = (await as(ownerA).get('/items/tenants?fields=id')).body.data[0].id;
  const oldViewA = await pageView(wA, tenantA, 45);
  const freshViewA = await pageView(wA, tenantA, 10);

  expect((await as(ownerA).post('/privacy/retention/run')).status).toBe(403);
  const run = await admin().post('/privacy/retention/run');
  expect(run.status, run.text).toBe(200);
  expect(run.body.data.tenants[tenantA].conversations).toBeGreaterThanOrEqual(1);
  expect(run.body.data.tenants[tenantA].leads).toBeGreaterThanOrEqual(1);
  expect(run.body.data.tenants[tenantA].analytics).toBeGreaterThanOrEqual(1);

  const exists = async (collection: string, id: string) =>
    (await admin().get(`/items/${collection}/${id}`)).status === 200;
  expect(await exists('conversations', oldA)).toBe(false);
  expect(await exists('conversations', freshA)).toBe(true);
  expect(await exists('leads', oldLeadA)).toBe(false);
  expect(await exists('leads', keptLeadA)).toBe(true);
  expect(await exists('conversations', keptB)).toBe(true);
  expect(await exists('conversations', oldB)).toBe(false);
  expect(await exists('analytics_events', oldViewA)).toBe(false);
  expect(await exists('analytics_events', freshViewA)).toBe(true);
  const messages = await admin().get(`/items/messages?filter[conversation][_eq]=${oldA}`);
  expect(messages.body.data).toEqual([]);

  const info = await as(ownerA).get('/privacy/retention');
  expect(info.body.data.lastRun.counts.conversations).toBeGreaterThanOrEqual(1);
  const proof = await as(ownerA).get(
    '/items/privacy_requests?filter[source][_eq]=retention&sort=-date_created&limit=1',
  );
  expect(proof.body.data[0]).toMatchObject({ kind: 'erasure', source: 'retention' });

  // Two runs at once: one holds the lease, the other is told so (or runs after it); never both at the same time.
  const both = await Promise.all([admin().post('/privacy/retention/run'), admin().post('/privacy/retention/run')]);
  for (const res of both) expect([200, 409]).toContain(res.status);
  await as(ownerA).patch('/privacy/retention', { conversationsDays: null, leadsMonths: null });
});

/**
 * Owner-only billing endpoints against the Stripe stand-in: status with usage, Stripe Checkout (one
 * customer per tenant, automatic tax, tax ids, billing address, trial honoured) and the Customer Portal.
 */
import { describe, expect, inject, test } from 'vitest';
import {
  addUser,
  deliver,
  failNextStripeCalls,
  makeTenant,
  stripeCalls,
  stripeEvent,
  subscription,
  unique,
} from '../support/billing.ts';
import { admin, as, login } from '../support/http.ts';
import { sentMails, waitForMail } from '../support/mail.ts';

const NOW = Math.floor(Date.now() / 1000);
const DAY = 86_400;

const callsFor = async (tenant: string, path: string) =>
  (await stripeCalls()).filter(
    (c) =>
      c.path === path &&
      ((c.params.metadata as Record<string, string> | undefined)?.carbot_tenant === tenant ||
        c.params.client_reference_id === tenant),
  );

describe('who may use billing', () => {
  test.each([
    ['nobody logged in', null, 401],
    ['workshop staff', 'staff', 403],
    ['the platform admin (no tenant)', 'admin', 403],
  ])('%s is refused', async (_label, who, status) => {
    const t = await makeTenant();
    const token =
      who === 'staff'
        ? (await addUser(t.id, 'staff')).token
        : who === 'admin'
          ? await login('admin@example.com', 'carbot-admin')
          : null;
    for (const [method, path] of [
      ['GET', '/billing/status'],
      ['POST', '/billing/checkout'],
      ['POST', '/billing/portal'],
    ] as const) {
      const client = as(token);
      const res = method === 'GET' ? await client.get(path) : await client.post(path, { plan: 'premium' });
      expect(res.status, `${method} ${path}`).toBe(status);
      expect(res.body.errors[0].message).toMatch(/melden Sie sich an|Werkstattinhaber/);
    }
  });

  test("an owner's checkout and portal always concern the owner's own tenant", async () => {
    const a = await makeTenant({ stripe_customer_id: null });
    const b = await makeTenant();
    // Whatever a client sends, the tenant comes from the login.
    const res = await as(a.token).post('/billing/checkout', { plan: 'premium', tenant: b.id, customer: b.customer });
    expect(res.status, res.text).toBe(200);
    const [session] = await callsFor(a.id, '/v1/checkout/sessions');
    expect(session?.params.client_reference_id).toBe(a.id);
    expect(session?.params.customer).not.toBe(b.customer);
    const portal = await as(b.token).post('/billing/portal', { customer: 'cus_someone_else' });
    expect(portal.status).toBe(200);
    const calls = (await stripeCalls()).filter((c) => c.path === '/v1/billing_portal/sessions');
    expect(calls.at(-1)?.params.customer).toBe(b.customer);
  });
});

describe('status', () => {
  test('shows plan, state, trial end and usage against the limits', async () => {
    const t = await makeTenant({ plan: 'basic' });
    const workshop = await admin().post('/items/workshops', {
      tenant: t.id,
      name: `Werkstatt ${unique()}`,
      slug: `w-${unique()}`,
      status: 'draft',
    });
    expect(workshop.status, workshop.text).toBe(200);
    const owner = as(t.token);
    for (let i = 0; i < 2; i++) {
      const key = await owner.post('/items/client_keys', { workshop: workshop.body.data.id, name: `Key ${i}` });
      expect(key.status, key.text).toBe(200);
    }
    const lead = await owner.post('/items/leads', {
      workshop: workshop.body.data.id,
      name: 'Chat-Lead',
      source: 'chat',
    });
    expect(lead.status, lead.text).toBe(200);
    // Two answers of the assistant this month, with their LLM costs.
    const conversation = await admin().post('/items/conversations', {
      workshop: workshop.body.data.id,
      status: 'open',
    });
    expect(conversation.status, conversation.text).toBe(200);
    for (const cost of [0.3, 0.12]) {
      const answer = await admin().post('/items/messages', {
        conversation: conversation.body.data.id,
        role: 'assistant',
        content: 'Antwort',
        cost_eur: cost,
      });
      expect(answer.status, answer.text).toBe(200);
    }
    const res = await owner.get('/billing/status');
    expect(res.status, res.text).toBe(200);
    expect(res.body.data).toMatchObject({
      configured: true,
      tenant: { plan: 'basic', status: 'trialing', has_subscription: false },
      state: { phase: 'trial', live: true },
      usage: [
        { key: 'client_keys', used: 2, limit: 3 },
        { key: 'leads_per_month', used: 1, limit: 100 },
        { key: 'locations', used: 1, limit: 1 },
        { key: 'ai_cost', used: 0.42, limit: 5, unit: 'eur' },
      ],
    });
    expect(
      res.body.data.plans.map((p: { key: string; price_label: string }) => [
        p.key,
        p.price_label.replace(/\u00a0/g, ' '),
      ]),
    ).toEqual([
      ['basic', '49,00 € / Monat zzgl. MwSt.'],
      ['premium', '99,00 € / Monat zzgl. MwSt.'],
      ['enterprise', '199,00 € / Monat zzgl. MwSt.'],
    ]);
  });

  test.each([
    [3, 'grace', true],
    [8, 'suspended', false],
  ])('a payment open for %i days: phase %s, live %s', async (days, phase, live) => {
    const t = await makeTenant({ subscription_status: 'active' });
    const sub = subscription(t, {
      id: `sub_${unique()}`,
      status: 'past_due',
      periodStart: NOW - days * DAY,
      periodEnd: NOW + (30 - days) * DAY,
    });
    expect((await deliver(stripeEvent('customer.subscription.updated', sub, NOW))).status).toBe(200);
    const res = await as(t.token).get('/billing/status');
    expect(res.body.data.state).toMatchObject({ phase, live });
    expect(res.body.data.state.banner.text).toMatch(live ? /fehlgeschlagen/ : /pausiert/);
  });
});

describe('checkout', () => {
  test('creates the Stripe customer once and a subscription session with tax, tax ids, address and the trial', async () => {
    const trialEnd = NOW + 10 * DAY;
    const t = await makeTenant({ stripe_customer_id: null, trial_ends_at: new Date(trialEnd * 1000).toISOString() });
    const owner = as(t.token);
    const first = await owner.post('/billing/checkout', { plan: 'premium' });
    expect(first.status, first.text).toBe(200);
    expect(first.body.data.url).toMatch(/^https:\/\/checkout\.stripe\.test\//);
    const second = await owner.post('/billing/checkout', { plan: 'enterprise' });
    expect(second.status).toBe(200);

    const customers = await callsFor(t.id, '/v1/customers');
    expect(customers).toHaveLength(1);
    expect(customers[0]?.idempotencyKey).toBe(`carbot-customer-${t.id}`);
    expect(customers[0]?.params).toMatchObject({ preferred_locales: ['de'], metadata: { carbot_tenant: t.id } });
    const stored = (await admin().get(`/items/tenants/${t.id}?fields=stripe_customer_id`)).body.data.stripe_customer_id;
    expect(stored).toMatch(/^cus_/);

    const sessions = await callsFor(t.id, '/v1/checkout/sessions');
    expect(sessions).toHaveLength(2);
    for (const s of sessions) expect(s.params.customer).toBe(stored);
    expect(sessions[0]?.params).toMatchObject({
      mode: 'subscription',
      client_reference_id: t.id,
      locale: 'de',
      automatic_tax: { enabled: 'true' },
      tax_id_collection: { enabled: 'true' },
      billing_address_collection: 'required',
      customer_update: { address: 'auto', name: 'auto' },
      subscription_data: { trial_end: String(trialEnd), metadata: { carbot_tenant: t.id, carbot_plan: 'premium' } },
      line_items: [
        {
          quantity: '1',
          price_data: {
            currency: 'eur',
            unit_amount: '9900',
            tax_behavior: 'exclusive',
            recurring: { interval: 'month' },
          },
        },
      ],
    });
    expect(String(sessions[0]?.params.success_url)).toContain('/admin/carbot-billing?checkout=success');
  });

  test('a plan with a Stripe price id is sold with that price', async () => {
    await admin().patch('/items/plans/enterprise', { stripe_price_id: 'price_enterprise_test' });
    try {
      const t = await makeTenant();
      const res = await as(t.token).post('/billing/checkout', { plan: 'enterprise' });
      expect(res.status, res.text).toBe(200);
      const [session] = await callsFor(t.id, '/v1/checkout/sessions');
      expect(session?.params.line_items).toEqual([{ price: 'price_enterprise_test', quantity: '1' }]);
    } finally {
      await admin().patch('/items/plans/enterprise', { stripe_price_id: null });
    }
  });

  test('a trial with less than 48 hours left cannot be carried into Checkout; the session has none', async () => {
    const t = await makeTenant({ trial_ends_at: new Date((NOW + DAY) * 1000).toISOString() });
    expect((await as(t.token).post('/billing/checkout', { plan: 'basic' })).status).toBe(200);
    const [session] = await callsFor(t.id, '/v1/checkout/sessions');
    expect(session?.params.subscription_data).toBeDefined();
    expect((session?.params.subscription_data as Record<string, unknown> | undefined)?.trial_end).toBeUndefined();
  });

  test.each([
    [{}, 400, 'Tarif'],
    [{ plan: 'gold' }, 400, 'gibt es nicht'],
    [{ plan: ['premium'] }, 400, 'Tarif'],
    [{ plan: 'x'.repeat(500) }, 400, 'Tarif'],
  ])('%j is answered %i', async (body, status, text) => {
    const t = await makeTenant();
    const res = await as(t.token).post('/billing/checkout', body);
    expect(res.status).toBe(status);
    expect(res.body.errors[0].message).toContain(text);
  });

  test('a tenant with a running subscription is sent to the portal instead', async () => {
    const t = await makeTenant({ subscription_status: 'active', stripe_subscription_id: `sub_${unique()}` });
    const res = await as(t.token).post('/billing/checkout', { plan: 'premium' });
    expect(res.status).toBe(409);
    expect(res.body.errors[0]).toMatchObject({
      message: expect.stringContaining('Kundenportal'),
      extensions: { code: 'SUBSCRIPTION_EXISTS' },
    });
  });

  test('Stripe being down is a clear 502, not a crash', async () => {
    const t = await makeTenant();
    await failNextStripeCalls(3);
    const res = await as(t.token).post('/billing/checkout', { plan: 'premium' });
    expect(res.status).toBe(502);
    expect(res.body.errors[0].message).toContain('Stripe');
  });
});

describe('portal', () => {
  test('opens the Customer Portal for the own Stripe customer, returning to the billing page', async () => {
    const t = await makeTenant();
    const res = await as(t.token).post('/billing/portal');
    expect(res.status, res.text).toBe(200);
    expect(res.body.data.url).toMatch(/^https:\/\/billing\.stripe\.test\//);
    const call = (await stripeCalls()).filter((c) => c.path === '/v1/billing_portal/sessions').at(-1);
    expect(call?.params).toMatchObject({ customer: t.customer, locale: 'de' });
    expect(String(call?.params.return_url)).toContain('/admin/carbot-billing');
  });

  test('without a Stripe customer there is nothing to manage yet', async () => {
    const t = await makeTenant({ stripe_customer_id: null });
    const res = await as(t.token).post('/billing/portal');
    expect(res.status).toBe(409);
    expect(res.body.errors[0].extensions.code).toBe('NO_CUSTOMER');
  });
});

describe('past_due: grace, then pause', () => {
  const ORIGIN = 'https://www.pausen-werkstatt.example';

  async function tenantWithWidget(plan = 'premium') {
    const t = await makeTenant({ plan, subscription_status: 'active' });
    const workshop = await admin().post('/items/workshops', {
      tenant: t.id,
      name: `Pausen-Werkstatt ${unique()}`,
      slug: `pause-${unique()}`,
      status: 'draft',
    });
    const key = await as(t.token).post('/items/client_keys', {
      workshop: workshop.body.data.id,
      name: 'Website',
      allowed_origins: [ORIGIN],
    });
    expect(key.status, key.text).toBe(200);
    return { t, key: key.body.data.key as string };
  }

  const widgetConfig = (key: string) =>
    fetch(`${inject('directusUrl')}/widget/config?lang=de`, { headers: { 'x-carbot-key': key, origin: ORIGIN } });

  async function pastDueFor(t: Awaited<ReturnType<typeof makeTenant>>, days: number) {
    const sub = subscription(t, {
      id: `sub_${unique()}`,
      status: 'past_due',
      periodStart: NOW - days * DAY,
      periodEnd: NOW + (30 - days) * DAY,
    });
    expect((await deliver(stripeEvent('customer.subscription.updated', sub, NOW))).status).toBe(200);
  }

  test('the widget keeps working during the 7-day grace period', async () => {
    const { t, key } = await tenantWithWidget();
    await pastDueFor(t, 6);
    const res = await widgetConfig(key);
    expect(res.status).toBe(200);
  });

  test('after the grace period the widget pauses with a polite message; paying brings it back; nothing is deleted', async () => {
    const { t, key } = await tenantWithWidget();
    await pastDueFor(t, 8);
    const paused = await widgetConfig(key);
    expect(paused.status).toBe(503);
    const body = await paused.json();
    expect(body.errors[0]).toEqual({
      message: 'Der Chat ist gerade nicht verfügbar. Bitte kontaktieren Sie die Werkstatt telefonisch oder per E-Mail.',
      extensions: { code: 'WIDGET_PAUSED' },
    });
    const keys = await admin().get(`/items/client_keys?filter[tenant][_eq]=${t.id}`);
    expect(keys.body.data).toHaveLength(1);

    const paid = subscription(t, {
      id: `sub_${unique()}`,
      status: 'active',
      periodStart: NOW,
      periodEnd: NOW + 30 * DAY,
    });
    expect((await deliver(stripeEvent('customer.subscription.updated', paid, NOW + 60))).status).toBe(200);
    expect((await widgetConfig(key)).status).toBe(200);
  });

  test('an expired trial without a subscription pauses the widget too', async () => {
    const { t, key } = await tenantWithWidget();
    await admin().patch(`/items/tenants/${t.id}`, {
      subscription_status: 'trialing',
      trial_ends_at: new Date(Date.now() - DAY * 1000).toISOString(),
    });
    expect((await widgetConfig(key)).status).toBe(503);
    const status = await as(t.token).get('/billing/status');
    expect(status.body.data.state).toMatchObject({ phase: 'trial_expired', live: false });
  });
});

describe('trial reminder', () => {
  test('a trial without subscription gets one reminder in its last three days; later trials get none yet', async () => {
    const soon = await makeTenant({ trial_ends_at: new Date((NOW + 2 * DAY) * 1000).toISOString() });
    const later = await makeTenant({ trial_ends_at: new Date((NOW + 9 * DAY) * 1000).toISOString() });
    const mail = await waitForMail((m) => m.to.includes(soon.email) && m.subject.includes('Testphase endet'), 20_000);
    expect(mail.text).toContain('Wählen Sie bis dahin einen Tarif');
    expect(mail.text).toContain('/admin/carbot-billing');
    // The job runs every two seconds in tests; give it a few more rounds to prove it mails only once.
    await new Promise((r) => setTimeout(r, 5000));
    const all = await sentMails();
    expect(all.filter((m) => m.to.includes(soon.email) && m.subject.includes('Testphase endet'))).toHaveLength(1);
    expect(all.filter((m) => m.to.includes(later.email))).toHaveLength(0);
    const stamped = await admin().get(`/items/tenants/${soon.id}?fields=trial_reminder_at`);
    expect(stamped.body.data.trial_reminder_at).toBeTruthy();
  });

  test('nobody is reminded for an address that was never confirmed', async () => {
    const t = await makeTenant({ trial_ends_at: new Date((NOW + 9 * DAY) * 1000).toISOString() });
    await admin().patch(`/users/${t.userId}`, { status: 'unverified' });
    await admin().patch(`/items/tenants/${t.id}`, { trial_ends_at: new Date((NOW + 2 * DAY) * 1000).toISOString() });
    await new Promise((r) => setTimeout(r, 5000));
    const billingEmail = (await admin().get(`/items/tenants/${t.id}?fields=billing_email`)).body.data.billing_email;
    const mails = (await sentMails()).filter((m) => m.to.includes(t.email) || m.to.includes(billingEmail));
    expect(mails).toHaveLength(0);
  });
});

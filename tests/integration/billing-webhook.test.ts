/**
 * The Stripe webhook at POST /billing/webhook, fed with events signed by the `stripe` library's own test
 * helper: signature checks on the raw body, every handled event, replays (each event id once), and
 * delivery in any order ending in the same subscription state as delivery in order.
 */
import { describe, expect, test } from 'vitest';
import {
  BILLING_FIELDS,
  billingState,
  deliver,
  invoice,
  makeTenant,
  recordedEvent,
  stripeEvent,
  subscription,
  type TestTenant,
  unique,
} from '../support/billing.ts';
import { admin, as, qs } from '../support/http.ts';
import { sentMails, waitForMail } from '../support/mail.ts';

const NOW = Math.floor(Date.now() / 1000);
const DAY = 86_400;
const iso = (unix: number) => new Date(unix * 1000).toISOString();

describe('signature', () => {
  test.each([
    ['unsigned', { signature: null }, 'Die Stripe-Signatur fehlt.'],
    ['signed with another secret', { secret: 'whsec_forged_by_someone_else' }, 'ungültig'],
    ['with a made-up signature', { signature: `t=${NOW},v1=${'ab'.repeat(32)}` }, 'ungültig'],
  ])('an event %s is refused with 400 and changes nothing', async (_label, options, message) => {
    const t = await makeTenant();
    const before = await billingState(t.id);
    const event = stripeEvent(
      'customer.subscription.updated',
      subscription(t, { id: `sub_${unique()}`, status: 'canceled', periodStart: NOW, periodEnd: NOW + 30 * DAY }),
      NOW,
    );
    const res = await deliver(event, options);
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({
      message: expect.stringContaining(message),
      extensions: { code: 'INVALID_SIGNATURE' },
    });
    expect(await billingState(t.id)).toEqual(before);
    expect(await recordedEvent(event.id)).toBeNull();
  });

  test('a body changed after signing is refused', async () => {
    const t = await makeTenant();
    const event = stripeEvent(
      'customer.subscription.updated',
      subscription(t, { id: `sub_${unique()}`, status: 'active', periodStart: NOW, periodEnd: NOW + 30 * DAY }),
      NOW,
    );
    const tampered = JSON.stringify({ ...event, data: { object: { ...event.data.object, status: 'canceled' } } });
    const res = await deliver(event, { body: tampered });
    expect(res.status).toBe(400);
    expect((await billingState(t.id)).subscription_status).toBe('trialing');
  });

  test.each([
    ['plain text', 'text/plain', 'hallo'],
    ['broken JSON', 'application/json', '{"id":'],
  ])('%s gets a 4xx, never a 5xx', async (_label, contentType, body) => {
    const res = await deliver({}, { contentType, body });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });
});

/** One tenant through its whole life, one event type at a time. */
describe('every handled event', () => {
  let t: TestTenant;
  const subId = `sub_${unique()}`;
  const trialEnd = NOW + 5 * DAY;

  test('checkout.session.completed links the subscription and takes over country and VAT id', async () => {
    t = await makeTenant({ vat_id: null, billing_country: 'DE' });
    const session = {
      id: `cs_test_${unique()}`,
      object: 'checkout.session',
      mode: 'subscription',
      status: 'complete',
      customer: t.customer,
      subscription: subId,
      client_reference_id: t.id,
      metadata: { carbot_tenant: t.id, carbot_plan: 'premium' },
      customer_details: {
        email: 'rechnung@example.com',
        address: { country: 'AT', city: 'Wien', line1: 'Ring 1', postal_code: '1010' },
        tax_ids: [{ type: 'eu_vat', value: 'ATU12345678' }],
      },
    };
    const res = await deliver(stripeEvent('checkout.session.completed', session, NOW - 10));
    expect(res.status, res.text).toBe(200);
    expect(res.body.data).toEqual({ received: true, outcome: 'applied' });
    expect(await billingState(t.id)).toMatchObject({
      stripe_subscription_id: subId,
      billing_country: 'AT',
      vat_id: 'ATU12345678',
      subscription_status: 'trialing',
    });
  });

  test('customer.subscription.created sets status, plan, trial end and period', async () => {
    const sub = subscription(t, {
      id: subId,
      status: 'trialing',
      plan: 'premium',
      trialEnd,
      periodStart: NOW - 9 * DAY,
      periodEnd: trialEnd,
    });
    const event = stripeEvent('customer.subscription.created', sub, NOW - 5);
    expect((await deliver(event)).status).toBe(200);
    expect(await billingState(t.id)).toMatchObject({
      subscription_status: 'trialing',
      plan: 'premium',
      trial_ends_at: iso(trialEnd),
      current_period_end: iso(trialEnd),
      past_due_since: null,
    });
    expect(await recordedEvent(event.id)).toMatchObject({
      type: 'customer.subscription.created',
      outcome: 'applied',
      tenant: t.id,
      stripe_created: NOW - 5,
    });
  });

  test('customer.subscription.trial_will_end mails owner and billing address', async () => {
    const sub = subscription(t, {
      id: subId,
      status: 'trialing',
      trialEnd,
      periodStart: NOW - 9 * DAY,
      periodEnd: trialEnd,
    });
    const res = await deliver(stripeEvent('customer.subscription.trial_will_end', sub, NOW - 4));
    expect(res.body.data.outcome).toBe('notified');
    const mail = await waitForMail((m) => m.to.includes(t.email) && m.subject.includes('Testphase endet'));
    expect(mail.text).toContain('beginnt Ihr Abo automatisch');
    const billingEmail = (await admin().get(`/items/tenants/${t.id}?fields=billing_email`)).body.data.billing_email;
    await waitForMail((m) => m.to.includes(billingEmail) && m.subject.includes('Testphase endet'));
  });

  test('customer.subscription.updated to active with another plan switches the plan', async () => {
    const sub = subscription(t, {
      id: subId,
      status: 'active',
      plan: 'enterprise',
      trialEnd,
      periodStart: trialEnd,
      periodEnd: trialEnd + 30 * DAY,
    });
    expect((await deliver(stripeEvent('customer.subscription.updated', sub, NOW - 3))).status).toBe(200);
    expect(await billingState(t.id)).toMatchObject({
      subscription_status: 'active',
      plan: 'enterprise',
      current_period_end: iso(trialEnd + 30 * DAY),
    });
  });

  test('invoice.payment_failed mails the owner and leaves a notice in the admin', async () => {
    const res = await deliver(stripeEvent('invoice.payment_failed', invoice(t, subId, 23_681, NOW - 2), NOW - 2));
    expect(res.body.data.outcome).toBe('notified');
    const mail = await waitForMail((m) => m.to.includes(t.email) && m.subject.includes('Zahlung fehlgeschlagen'));
    expect(mail.text.replace(/\u00a0/g, ' ')).toContain('236,81 €');
    expect(mail.text).toContain('/admin/carbot-billing');
    const notices = await as(t.token).get(
      `/notifications${qs({ filter: { subject: { _eq: 'Zahlung fehlgeschlagen' } } })}`,
    );
    expect(notices.status, notices.text).toBe(200);
    expect(notices.body.data.length).toBe(1);
  });

  test('customer.subscription.updated to past_due dates the problem from the unpaid period', async () => {
    const sub = subscription(t, {
      id: subId,
      status: 'past_due',
      plan: 'enterprise',
      periodStart: NOW - 2 * DAY,
      periodEnd: NOW + 28 * DAY,
    });
    await deliver(stripeEvent('customer.subscription.updated', sub, NOW - 1));
    expect(await billingState(t.id)).toMatchObject({
      subscription_status: 'past_due',
      past_due_since: iso(NOW - 2 * DAY),
    });
  });

  test('invoice.paid is recorded and leaves the subscription state to the subscription events', async () => {
    const before = await billingState(t.id);
    const event = stripeEvent('invoice.paid', { ...invoice(t, subId, 23_681, NOW), status: 'paid' }, NOW);
    const res = await deliver(event);
    expect(res.body.data.outcome).toBe('recorded');
    expect(await billingState(t.id)).toEqual(before);
  });

  test('customer.subscription.deleted ends the subscription; nothing is deleted', async () => {
    const sub = subscription(t, {
      id: subId,
      status: 'canceled',
      plan: 'enterprise',
      periodStart: NOW - 2 * DAY,
      periodEnd: NOW + 28 * DAY,
    });
    await deliver(stripeEvent('customer.subscription.deleted', sub, NOW + 1));
    expect(await billingState(t.id)).toMatchObject({
      subscription_status: 'canceled',
      plan: 'enterprise',
      past_due_since: null,
    });
    expect((await as(t.token).get('/users/me')).status).toBe(200);
  });

  test('events we do not handle are answered 2xx and not recorded', async () => {
    const event = stripeEvent('customer.created', { id: t.customer, object: 'customer' }, NOW);
    const res = await deliver(event);
    expect(res.status).toBe(200);
    expect(res.body.data.outcome).toBe('ignored');
    expect(await recordedEvent(event.id)).toBeNull();
  });

  test('an event for a customer we do not know is recorded and answered 2xx', async () => {
    const stranger = { id: 'x', customer: `cus_unknown_${unique()}` };
    const event = stripeEvent(
      'customer.subscription.updated',
      {
        ...subscription(stranger, { id: `sub_${unique()}`, status: 'active', periodStart: NOW, periodEnd: NOW + DAY }),
        metadata: {},
      },
      NOW,
    );
    const res = await deliver(event);
    expect(res.status).toBe(200);
    expect(await recordedEvent(event.id)).toMatchObject({ outcome: 'unknown_tenant', tenant: null });
  });
});

describe('idempotency and order', () => {
  test('the same event three times is processed once (one mail, one record)', async () => {
    const t = await makeTenant({ subscription_status: 'active' });
    const subId = `sub_${unique()}`;
    const event = stripeEvent('invoice.payment_failed', invoice(t, subId, 11_781, NOW), NOW);
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push((await deliver(event)).body.data.outcome);
    expect(outcomes).toEqual(['notified', 'duplicate', 'duplicate']);
    await waitForMail((m) => m.to.includes(t.email) && m.subject.includes('Zahlung fehlgeschlagen'));
    await new Promise((r) => setTimeout(r, 500));
    const mails = (await sentMails()).filter(
      (m) => m.to.includes(t.email) && m.subject.includes('Zahlung fehlgeschlagen'),
    );
    expect(mails).toHaveLength(1);
  });

  test('an older event never overwrites newer state', async () => {
    const t = await makeTenant();
    const subId = `sub_${unique()}`;
    const newer = stripeEvent(
      'customer.subscription.updated',
      subscription(t, { id: subId, status: 'active', periodStart: NOW, periodEnd: NOW + 30 * DAY }),
      NOW + 100,
    );
    const older = stripeEvent(
      'customer.subscription.updated',
      subscription(t, { id: subId, status: 'past_due', periodStart: NOW - 30 * DAY, periodEnd: NOW }),
      NOW + 50,
    );
    expect((await deliver(newer)).body.data.outcome).toBe('applied');
    expect((await deliver(older)).body.data.outcome).toBe('stale');
    expect(await billingState(t.id)).toMatchObject({ subscription_status: 'active', past_due_since: null });
  });

  /** A year in the life of a subscription, as Stripe would report it. */
  function lifecycle(t: TestTenant) {
    const subId = `sub_${unique()}`;
    const trialEnd = NOW + 14 * DAY;
    const s = (status: string, extra: Partial<Parameters<typeof subscription>[1]> = {}) =>
      subscription(t, { id: subId, status, trialEnd, periodStart: trialEnd, periodEnd: trialEnd + 30 * DAY, ...extra });
    const checkout = {
      id: `cs_${unique()}`,
      object: 'checkout.session',
      customer: t.customer,
      subscription: subId,
      client_reference_id: t.id,
      customer_details: { address: { country: 'DE' }, tax_ids: [] },
    };
    return [
      stripeEvent('checkout.session.completed', checkout, NOW),
      stripeEvent('customer.subscription.created', s('trialing', { periodStart: NOW, periodEnd: trialEnd }), NOW),
      stripeEvent(
        'customer.subscription.trial_will_end',
        s('trialing', { periodStart: NOW, periodEnd: trialEnd }),
        NOW + 11 * DAY,
      ),
      stripeEvent('customer.subscription.updated', s('past_due'), trialEnd + 60),
      stripeEvent('invoice.payment_failed', invoice(t, subId, 11_781, trialEnd), trialEnd + 60),
      stripeEvent('customer.subscription.updated', s('active', { plan: 'enterprise' }), trialEnd + 3 * DAY),
      stripeEvent('invoice.paid', { ...invoice(t, subId, 11_781, trialEnd), status: 'paid' }, trialEnd + 3 * DAY),
      stripeEvent(
        'customer.subscription.updated',
        s('active', { plan: 'enterprise', cancelAtPeriodEnd: true }),
        trialEnd + 20 * DAY,
      ),
      stripeEvent('customer.subscription.deleted', s('canceled', { plan: 'enterprise' }), trialEnd + 30 * DAY),
    ];
  }

  const stateOf = async (t: TestTenant) => {
    const state = await billingState(t.id);
    return Object.fromEntries(
      [...BILLING_FIELDS].map((f) => [f, f === 'stripe_subscription_id' ? Boolean(state[f]) : state[f]]),
    );
  };

  function shuffle<T>(list: T[], seed: number): T[] {
    const out = [...list];
    let x = seed;
    for (let i = out.length - 1; i > 0; i--) {
      x = (x * 1_103_515_245 + 12_345) % 2 ** 31;
      const j = x % (i + 1);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }

  test('every event three times, shuffled, ends in the same state as in order', async () => {
    const reference = await makeTenant();
    const events = lifecycle(reference);
    for (const event of events) expect((await deliver(event)).status).toBe(200);
    const expected = await stateOf(reference);
    expect(expected).toMatchObject({
      subscription_status: 'canceled',
      plan: 'enterprise',
      stripe_subscription_id: true,
    });

    for (const seed of [1, 7, 42]) {
      const t = await makeTenant();
      const mine = lifecycle(t);
      const thrice = shuffle([...mine, ...mine, ...mine], seed);
      const statuses = new Set<number>();
      for (const event of thrice) statuses.add((await deliver(event)).status);
      expect([...statuses]).toEqual([200]);
      // Tenants differ only in ids; their billing states must be identical.
      expect(await stateOf(t)).toEqual(expected);
    }
  });
});

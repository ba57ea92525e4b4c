/** The Stripe stand-in speaks the protocol of the real `stripe` SDK: the SDK itself is the client here. */
import Stripe from 'stripe';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Edge } from './index.ts';
import { decodeStripeForm, STRIPE_TEST_WEBHOOK_SECRET, type StripeCall, startStripe } from './stripe.ts';

let edge: Edge;
let stripe: Stripe;
beforeAll(async () => {
  edge = await startStripe();
  stripe = new Stripe(edge.env.STRIPE_SECRET_KEY as string, {
    host: edge.env.STRIPE_API_HOST,
    port: Number(edge.env.STRIPE_API_PORT),
    protocol: 'http',
    maxNetworkRetries: 0,
  });
});
afterAll(() => edge.close());

const calls = async () => (await (await fetch(`${edge.urls.stripeApi}/_control/calls`)).json()) as StripeCall[];

test.each([
  ['a=1&b[c]=2&b[d][0]=x&b[d][1]=y', { a: '1', b: { c: '2', d: ['x', 'y'] } }],
  ['line_items[0][price]=p&line_items[0][quantity]=1', { line_items: [{ price: 'p', quantity: '1' }] }],
  ['', {}],
])('decodes %s', (body, expected) => {
  expect(decodeStripeForm(body)).toEqual(expected);
});

test('customers honour idempotency keys, sessions come back with URLs', async () => {
  const a = await stripe.customers.create({ name: 'A' }, { idempotencyKey: 'k1' });
  const b = await stripe.customers.create({ name: 'A' }, { idempotencyKey: 'k1' });
  expect(a.id).toMatch(/^cus_/);
  expect(b.id).toBe(a.id);
  const session = await stripe.checkout.sessions.create({
    mode: 'subscription',
    customer: a.id,
    line_items: [{ price: 'price_1', quantity: 1 }],
    automatic_tax: { enabled: true },
  });
  expect(session.url).toMatch(/^https:\/\/checkout\.stripe\.test\//);
  const portal = await stripe.billingPortal.sessions.create({ customer: a.id, return_url: 'http://x/' });
  expect(portal.url).toMatch(/^https:\/\/billing\.stripe\.test\//);
  const recorded = await calls();
  expect(recorded.find((c) => c.path === '/v1/checkout/sessions')?.params).toMatchObject({
    automatic_tax: { enabled: 'true' },
    line_items: [{ price: 'price_1', quantity: '1' }],
  });
});

test('errors arrive as Stripe errors in the SDK', async () => {
  await fetch(`${edge.urls.stripeApi}/_control/fail?count=1`, { method: 'POST' });
  await expect(stripe.customers.create({ name: 'B' })).rejects.toBeInstanceOf(Stripe.errors.StripeAPIError);
  await expect(stripe.billingPortal.sessions.create({ customer: 'nope' })).rejects.toBeInstanceOf(
    Stripe.errors.StripeInvalidRequestError,
  );
});

test('a wrong key is refused like Stripe does', async () => {
  const wrong = new Stripe('sk_test_wrong', {
    host: '127.0.0.1',
    port: Number(edge.env.STRIPE_API_PORT),
    protocol: 'http',
  });
  await expect(wrong.customers.create({})).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
});

test('webhook signatures made with the SDK helper verify with the same secret only', () => {
  const payload = JSON.stringify({ id: 'evt_1', object: 'event', type: 'invoice.paid', data: { object: {} } });
  const header = stripe.webhooks.generateTestHeaderString({ payload, secret: STRIPE_TEST_WEBHOOK_SECRET });
  expect(stripe.webhooks.constructEvent(payload, header, STRIPE_TEST_WEBHOOK_SECRET).id).toBe('evt_1');
  expect(() => stripe.webhooks.constructEvent(payload, header, 'whsec_other')).toThrow();
});

import { expect, test } from 'vitest';
import { checkoutTrialEnd, stripeSettings } from './config.ts';

test.each([
  [{}, { configured: false, missing: ['STRIPE_SECRET_KEY'] }],
  [{ STRIPE_SECRET_KEY: '  ' }, { configured: false, missing: ['STRIPE_SECRET_KEY'] }],
  [{ STRIPE_SECRET_KEY: 'sk_live_x' }, { configured: true, secretKey: 'sk_live_x', webhookSecret: null }],
  [
    {
      STRIPE_SECRET_KEY: 'sk_test_x',
      STRIPE_WEBHOOK_SECRET: 'whsec_y',
      STRIPE_API_HOST: '127.0.0.1',
      STRIPE_API_PORT: '4010',
      STRIPE_API_PROTOCOL: 'http',
    },
    {
      configured: true,
      secretKey: 'sk_test_x',
      webhookSecret: 'whsec_y',
      host: '127.0.0.1',
      port: 4010,
      protocol: 'http',
    },
  ],
  [
    { STRIPE_SECRET_KEY: 'sk_test_x', STRIPE_API_PORT: 'abc', STRIPE_API_PROTOCOL: 'ftp' },
    { configured: true, secretKey: 'sk_test_x', webhookSecret: null },
  ],
])('stripeSettings(%j)', (env, expected) => {
  expect(stripeSettings(env)).toEqual(expected);
});

const NOW = new Date('2026-11-22T12:00:00Z');
const at = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000).toISOString();

test.each([
  [null, null],
  ['kaputt', null],
  [at(24), null],
  [at(48), null],
  [at(49), Math.floor(Date.parse(at(49)) / 1000)],
  [at(24 * 13), Math.floor(Date.parse(at(24 * 13)) / 1000)],
  [at(-5), null],
])('a trial ending %s is carried into Checkout as %s', (end, expected) => {
  expect(checkoutTrialEnd(end, NOW)).toBe(expected);
});

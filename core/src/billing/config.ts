import { type Moment, toDate } from './state.ts';
/**
 * Stripe settings from the environment. Without a secret key billing is "not configured": the admin
 * says so and trials keep working. STRIPE_API_HOST/PORT/PROTOCOL point the SDK at another server
 * (the test suite's local stand-in); in production they stay unset.
 */
export type StripeSettings =
  | { configured: false; missing: string[] }
  | {
      configured: true;
      secretKey: string;
      webhookSecret: string | null;
      host?: string;
      port?: number;
      protocol?: 'http' | 'https';
    };

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

export function stripeSettings(env: Record<string, unknown>): StripeSettings {
  const secretKey = text(env.STRIPE_SECRET_KEY);
  if (!secretKey) return { configured: false, missing: ['STRIPE_SECRET_KEY'] };
  const settings: StripeSettings = { configured: true, secretKey, webhookSecret: text(env.STRIPE_WEBHOOK_SECRET) };
  const host = text(env.STRIPE_API_HOST);
  const port = Number(env.STRIPE_API_PORT);
  const protocol = text(env.STRIPE_API_PROTOCOL);
  if (host) settings.host = host;
  if (Number.isInteger(port) && port > 0 && port < 65536) settings.port = port;
  if (protocol === 'http' || protocol === 'https') settings.protocol = protocol;
  return settings;
}

/**
 * Stripe requires a Checkout trial to end at least 48 hours after the session is created. A trial with
 * less left cannot be carried over; the subscription then starts right away.
 */
export const MIN_CHECKOUT_TRIAL_SECONDS = 48 * 60 * 60 + 10 * 60;

export function checkoutTrialEnd(trialEndsAt: Moment | undefined, now: Date = new Date()): number | null {
  const date = toDate(trialEndsAt);
  if (!date) return null;
  const end = Math.floor(date.getTime() / 1000);
  return end - Math.floor(now.getTime() / 1000) >= MIN_CHECKOUT_TRIAL_SECONDS ? end : null;
}

/** Net monthly price in cents, for prices created inline when a plan has no Stripe price id. */
export const centsOf = (priceNet: number | string) => Math.round(Number(priceNet) * 100);

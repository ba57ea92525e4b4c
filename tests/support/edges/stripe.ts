/**
 * A local HTTP server standing in for the Stripe API. Directus's `stripe` SDK is pointed at it through
 * the SDK's own host/port/protocol options and talks to it exactly as to api.stripe.com: form-encoded
 * requests, bearer key, idempotency keys, and Stripe-shaped JSON objects and errors back. Tests read
 * what was requested, and can make the next calls fail, under /_control (they run in other processes).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Edge } from './index.ts';

export const STRIPE_TEST_SECRET_KEY = 'sk_test_carbot_local_standin';
/** Webhooks in tests are signed with this secret using the `stripe` library's own test-header helper. */
export const STRIPE_TEST_WEBHOOK_SECRET = 'whsec_carbot_local_standin_secret';

export type StripeCall = {
  method: string;
  path: string;
  params: Record<string, unknown>;
  idempotencyKey: string | null;
  stripeVersion: string | null;
};

/** Decodes Stripe's form encoding (`a[b][0][c]=v`) into nested objects and arrays. */
export function decodeStripeForm(body: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const path = rawKey.replace(/\]/g, '').split('[');
    let node: Record<string, unknown> | unknown[] = root;
    path.forEach((segment, i) => {
      const last = i === path.length - 1;
      const nextIsIndex = !last && /^\d+$/.test(path[i + 1] ?? '');
      const container = node as Record<string, unknown>;
      if (last) {
        container[segment] = value;
        return;
      }
      if (container[segment] === undefined) container[segment] = nextIsIndex ? [] : {};
      node = container[segment] as Record<string, unknown>;
    });
  }
  return root;
}

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });

export async function startStripe(): Promise<Edge> {
  const calls: StripeCall[] = [];
  const idempotent = new Map<string, { status: number; body: unknown }>();
  let failNext = 0;

  const stripeError = (status: number, type: string, message: string) => ({
    status,
    body: { error: { type, message } },
  });

  function answer(method: string, path: string, params: Record<string, unknown>): { status: number; body: unknown } {
    const now = Math.floor(Date.now() / 1000);
    if (method === 'POST' && path === '/v1/customers') {
      return {
        status: 200,
        body: {
          id: id('cus'),
          object: 'customer',
          created: now,
          email: params.email ?? null,
          name: params.name ?? null,
          metadata: params.metadata ?? {},
          preferred_locales: params.preferred_locales ?? [],
          livemode: false,
        },
      };
    }
    if (method === 'POST' && path === '/v1/checkout/sessions') {
      const sessionId = id('cs_test');
      return {
        status: 200,
        body: {
          id: sessionId,
          object: 'checkout.session',
          created: now,
          mode: params.mode,
          customer: params.customer ?? null,
          client_reference_id: params.client_reference_id ?? null,
          metadata: params.metadata ?? {},
          status: 'open',
          url: `https://checkout.stripe.test/c/pay/${sessionId}`,
          livemode: false,
        },
      };
    }
    if (method === 'POST' && path === '/v1/billing_portal/sessions') {
      if (typeof params.customer !== 'string' || !params.customer.startsWith('cus_'))
        return stripeError(400, 'invalid_request_error', `No such customer: '${String(params.customer)}'`);
      const sessionId = id('bps');
      return {
        status: 200,
        body: {
          id: sessionId,
          object: 'billing_portal.session',
          created: now,
          customer: params.customer,
          return_url: params.return_url ?? null,
          locale: params.locale ?? null,
          url: `https://billing.stripe.test/p/session/${sessionId}`,
          livemode: false,
        },
      };
    }
    return stripeError(404, 'invalid_request_error', `Unrecognized request URL (${method}: ${path}).`);
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (status: number, body: unknown) => {
      res.statusCode = status;
      res.setHeader('content-type', 'application/json');
      res.setHeader('request-id', id('req'));
      res.end(JSON.stringify(body));
    };
    if (url.pathname.startsWith('/_control/')) {
      if (req.method === 'GET' && url.pathname === '/_control/calls') return send(200, calls);
      if (req.method === 'DELETE' && url.pathname === '/_control/calls') {
        calls.length = 0;
        return send(200, {});
      }
      if (req.method === 'POST' && url.pathname === '/_control/fail') {
        failNext = Number(url.searchParams.get('count') ?? 1);
        return send(200, {});
      }
      return send(404, {});
    }
    if (req.headers.authorization !== `Bearer ${STRIPE_TEST_SECRET_KEY}`) {
      const e = stripeError(401, 'invalid_request_error', 'Invalid API Key provided.');
      return send(e.status, e.body);
    }
    const raw = await readBody(req);
    const params = req.method === 'GET' ? decodeStripeForm(url.search.slice(1)) : decodeStripeForm(raw);
    const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : null;
    calls.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      params,
      idempotencyKey: key,
      stripeVersion: typeof req.headers['stripe-version'] === 'string' ? req.headers['stripe-version'] : null,
    });
    if (failNext > 0) {
      failNext -= 1;
      const e = stripeError(500, 'api_error', 'Something went wrong on our end.');
      return send(e.status, e.body);
    }
    if (key && idempotent.has(`${req.method} ${url.pathname} ${key}`)) {
      const cached = idempotent.get(`${req.method} ${url.pathname} ${key}`) as { status: number; body: unknown };
      res.setHeader('idempotent-replayed', 'true');
      return send(cached.status, cached.body);
    }
    const result = answer(req.method ?? 'GET', url.pathname, params);
    if (key && result.status < 500) idempotent.set(`${req.method} ${url.pathname} ${key}`, result);
    return send(result.status, result.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    name: 'stripe',
    env: {
      STRIPE_SECRET_KEY: STRIPE_TEST_SECRET_KEY,
      STRIPE_WEBHOOK_SECRET: STRIPE_TEST_WEBHOOK_SECRET,
      STRIPE_API_HOST: '127.0.0.1',
      STRIPE_API_PORT: String(port),
      STRIPE_API_PROTOCOL: 'http',
      // Billing's own scheduled job (trial reminders) runs every two seconds in tests instead of hourly.
      CARBOT_TRIAL_REMINDER_SCHEDULE: '*/2 * * * * *',
    },
    urls: { stripeApi: url },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

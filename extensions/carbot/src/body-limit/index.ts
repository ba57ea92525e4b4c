import { defineHook } from '@directus/extensions-sdk';
import { bodyLimit } from '../shared/http.js';

const KB = 1024;

/**
 * Body limits of CarBot's endpoints, by path prefix (first match wins). Directus's own routes keep its
 * MAX_PAYLOAD_SIZE, which body-parser also enforces on the bytes read.
 */
const LIMITS: [prefix: string, bytes: number][] = [
  ['/widget/', 16 * KB],
  ['/onboarding/', 16 * KB],
  // Stripe events carry whole invoices and subscriptions.
  ['/billing/webhook', 512 * KB],
  ['/billing/', 16 * KB],
  ['/carbot-site/', 16 * KB],
];

// Express matches routes case-insensitively, so must the limit: /WIDGET/config reaches the widget too.
const limitFor = (path: string) => {
  const lower = `${path.toLowerCase()}/`;
  return LIMITS.find(([prefix]) => lower.startsWith(prefix))?.[1] ?? null;
};

/** Registered before Directus's JSON parser, so no CarBot body is read by anything that does not count. */
export default defineHook(({ init }) => {
  init('middlewares.before', ({ app }) => {
    const middleware = bodyLimit(limitFor);
    (app as { use(handler: unknown): void }).use(middleware);
  });
});

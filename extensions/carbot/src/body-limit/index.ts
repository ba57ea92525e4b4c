import { pickLanguage } from '@carbot/core/chat/language';
import { TEXTS } from '@carbot/core/chat/texts';
import { defineHook } from '@directus/extensions-sdk';
import { type BodyLimit, bodyLimit } from '../shared/http.js';

const KB = 1024;

// The widget's visitors read its errors in their language (Accept-Language, German by default).
const widgetMessage = ({ headers }: { headers: Record<string, string | string[] | undefined> }) => {
  const accept = headers['accept-language'];
  return TEXTS[pickLanguage(undefined, Array.isArray(accept) ? accept[0] : accept)].errors.PAYLOAD_TOO_LARGE;
};

/**
 * Body limits of CarBot's endpoints, by path prefix (first match wins). Directus's own routes keep its
 * MAX_PAYLOAD_SIZE, which body-parser also enforces on the bytes read.
 */
const LIMITS: [prefix: string, limit: BodyLimit][] = [
  ['/widget/', { bytes: 16 * KB, message: widgetMessage }],
  ['/onboarding/', { bytes: 16 * KB }],
  ['/booking/', { bytes: 16 * KB }],
  // Stripe events carry whole invoices and subscriptions.
  ['/billing/webhook', { bytes: 512 * KB }],
  ['/billing/', { bytes: 16 * KB }],
  ['/carbot-site/', { bytes: 16 * KB }],
  // Whole dealer inventories: 20,000 vehicles with descriptions and equipment lists.
  ['/sync/', { bytes: 50 * 1024 * KB }],
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

import { BOOKING_BODY_BYTES, BOOKING_ERRORS } from '@carbot/core/booking/texts';
import { TEXTS } from '@carbot/core/chat/texts';
import { defineHook } from '@directus/extensions-sdk';
import { httpError } from '../shared/errors.js';
import { type BodyLimit, bodyLimit, type LanguageRequest, requestLanguage } from '../shared/http.js';

const KB = 1024;

// The widget's and the booking API's visitors read their refusals in their language (see requestLanguage),
// worded from the same tables as every other refusal of these APIs.
const widgetMessage: BodyLimit['message'] = (req, refusal) =>
  refusal === 'PAYLOAD_TOO_LARGE' ? TEXTS[requestLanguage(req)].errors.PAYLOAD_TOO_LARGE : undefined;
const bookingMessage: BodyLimit['message'] = (req, refusal) => BOOKING_ERRORS[requestLanguage(req)][refusal];

/**
 * Body limits of CarBot's endpoints, by path prefix (first match wins). Directus's own routes keep its
 * MAX_PAYLOAD_SIZE, which body-parser also enforces on the bytes read.
 */
const LIMITS: [prefix: string, limit: BodyLimit][] = [
  ['/widget/', { bytes: 16 * KB, message: widgetMessage }],
  ['/onboarding/', { bytes: 16 * KB }],
  ['/booking/', { bytes: BOOKING_BODY_BYTES, json: true, message: bookingMessage }],
  // Stripe events carry whole invoices and subscriptions.
  ['/billing/webhook', { bytes: 512 * KB }],
  ['/billing/', { bytes: 16 * KB }],
  ['/carbot-site/', { bytes: 16 * KB }],
  ['/privacy/', { bytes: 16 * KB, json: true }],
  // A site server's batch: up to 1,000 page views with paths of up to 500 characters.
  ['/carbot-analytics/', { bytes: 2 * 1024 * KB, json: true }],
  // Whole dealer inventories: 20,000 vehicles with descriptions and equipment lists.
  ['/sync/', { bytes: 50 * 1024 * KB }],
];

// Express matches routes case-insensitively, so must the limit: /WIDGET/config reaches the widget too.
const limitFor = (path: string) => {
  const lower = `${path.toLowerCase()}/`;
  return LIMITS.find(([prefix]) => lower.startsWith(prefix))?.[1] ?? null;
};

type App = { use(handler: unknown): void };

/**
 * Malformed percent-encoding in a path (`/sync/feeds/%E0%A4%A`) makes Express fail while decoding the
 * route's parameters, with an error Directus's handler would answer as a 500. Answered as a 400, worded
 * like the route's body refusals (the widget's and the booking API's in the visitor's language).
 */
function badPath(
  error: unknown,
  req: LanguageRequest & { path: string },
  _res: unknown,
  next: (error?: unknown) => void,
) {
  if (error instanceof URIError) {
    const message =
      limitFor(req.path)?.message?.(req, 'INVALID_PATH') ??
      'Die Adresse enthält ungültig kodierte Zeichen. Bitte prüfen Sie den Link.';
    return next(httpError(400, 'INVALID_PATH', message));
  }
  next(error);
}

/**
 * The limit is registered before Directus's JSON parser, so no CarBot body is read by anything that does
 * not count; the path check after the extensions' routes, so it sees their errors before Directus does.
 */
export default defineHook(({ init }) => {
  init('middlewares.before', ({ app }) => {
    (app as App).use(bodyLimit(limitFor));
  });
  init('routes.custom.after', ({ app }) => {
    (app as App).use(badPath);
  });
});

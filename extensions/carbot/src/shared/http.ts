import { type Language, pickLanguage } from '@carbot/core/chat/language';
import {
  type BodyRefusal,
  BodyTooLarge,
  bodyTooLargeMessage,
  declaredTooLarge,
  INCOMPLETE_MESSAGE,
  isJsonType,
  NOT_JSON_MESSAGE,
  parseBody,
  readStream,
} from '@carbot/core/http/body';
import { clientIp, VISITOR_HEADER } from '@carbot/core/http/client-ip';
import { ROLE } from '@carbot/core/roles';
import type { Accountability } from '@directus/types';
import { httpError } from './errors.js';

type Res = {
  status(code: number): Res;
  json(body: unknown): unknown;
  setHeader(name: string, value: string): unknown;
};

export function ok(res: Res, data: unknown, status = 200) {
  res.setHeader('cache-control', 'no-store');
  return res.status(status).json({ data });
}

export const isOwner = (acc: Accountability | null | undefined): boolean =>
  Boolean(acc?.user) && (acc?.role === ROLE.owner || (acc?.roles ?? []).includes(ROLE.owner));

export const isTenantUser = (acc: Accountability | null | undefined): boolean =>
  Boolean(acc?.user) &&
  [ROLE.owner, ROLE.staff].some((role) => acc?.role === role || (acc?.roles ?? []).includes(role));

/** The public base URL of Directus (for links in e-mails and Stripe return URLs), without trailing slash. */
export function publicUrl(env: Record<string, unknown>): string {
  const value = typeof env.PUBLIC_URL === 'string' && env.PUBLIC_URL !== '/' ? env.PUBLIC_URL : 'http://127.0.0.1:8055';
  return value.replace(/\/+$/, '');
}

type BodyRequest = Parameters<typeof readStream>[0] & {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
  rawBody?: Buffer;
  _body?: boolean;
};
type BodyResponse = Res & { headersSent: boolean };
export type LanguageRequest = { headers: Record<string, string | string[] | undefined>; query?: unknown };

const header = (req: { headers: Record<string, string | string[] | undefined> }, name: string) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * Every body that reaches a CarBot endpoint is read here, counting the bytes actually received (a chunked
 * body has no Content-Length), and refused with 413 beyond the route's limit. The result is what
 * Directus's JSON parser would produce (`req.body`, `req.rawBody` for signatures); that parser then skips
 * the request. `limitFor` names the limit of a path, or null for routes that are not ours, and optionally
 * the wording of its refusals (the widget and the booking API answer in the visitor's language, see
 * requestLanguage; German otherwise).
 */
export type BodyLimit = {
  bytes: number;
  /** The text of a refusal for this request; undefined keeps the German default of core/http/body. */
  message?: (req: LanguageRequest, refusal: BodyRefusal | 'INVALID_PATH') => string | undefined;
  /** JSON only: another type is refused with 415 instead of arriving as an empty body (which could reset a setting). */
  json?: boolean;
};
export function bodyLimit(limitFor: (path: string) => BodyLimit | null) {
  return async (req: BodyRequest, res: BodyResponse, next: (error?: unknown) => void): Promise<void> => {
    const route = limitFor(req.path);
    const hasBody = header(req, 'transfer-encoding') !== undefined || header(req, 'content-length') !== undefined;
    if (route === null || !hasBody) return next();
    const limit = route.bytes;
    const text = (refusal: BodyRefusal, german: string) => route.message?.(req, refusal) ?? german;
    // Whatever else the client sends is discarded unread (see readStream), so that it receives this answer.
    const tooLarge = () =>
      next(httpError(413, 'PAYLOAD_TOO_LARGE', text('PAYLOAD_TOO_LARGE', bodyTooLargeMessage(limit))));
    if (declaredTooLarge(header(req, 'content-length'), limit)) return tooLarge();
    let bytes: Buffer;
    try {
      bytes = await readStream(req, limit);
    } catch (error) {
      if (error instanceof BodyTooLarge) return tooLarge();
      // The client went away or sent a broken chunked encoding.
      if (!res.headersSent) next(httpError(400, 'INVALID_PAYLOAD', text('INCOMPLETE', INCOMPLETE_MESSAGE)));
      return;
    }
    if (route.json && bytes.byteLength > 0 && !isJsonType(header(req, 'content-type'))) {
      return next(httpError(415, 'UNSUPPORTED_MEDIA_TYPE', text('UNSUPPORTED_MEDIA_TYPE', NOT_JSON_MESSAGE)));
    }
    const parsed = parseBody(bytes, header(req, 'content-type'));
    if (!parsed.ok) return next(httpError(400, 'INVALID_PAYLOAD', text(parsed.reason, parsed.message)));
    req.rawBody = bytes;
    req.body = parsed.body;
    // body-parser's marker for "already parsed": Directus's express.json leaves the request alone.
    req._body = true;
    next();
  };
}

/**
 * The visitor's language for answers given before an API has read the body or knows the workshop (body
 * refusals, broken paths): `?lang=`, else Accept-Language, else German — the public admission's first guess
 * (widget-api/admission), which then also reads the body's `language` and narrows to the workshop's languages.
 */
export function requestLanguage(req: LanguageRequest): Language {
  const lang = (req.query as Record<string, unknown> | undefined)?.lang;
  return pickLanguage(lang, header(req, 'accept-language'));
}

/**
 * The visitor's address for CarBot's limits: what Directus computed under `IP_TRUST_PROXY` and
 * `IP_CUSTOM_HEADER` (accountability.ip, the same value its own login limiter and activity log use),
 * unless the site server vouches for the visitor it forwards (see core/http/client-ip).
 */
export function requestIp(
  req: {
    accountability?: Accountability | null;
    ip?: string;
    headers: Record<string, string | string[] | undefined>;
  },
  env: Record<string, unknown>,
): string {
  return clientIp(
    { ip: req.accountability?.ip ?? req.ip, visitorHeader: header(req, VISITOR_HEADER) },
    String(env.CARBOT_PURGE_SECRET ?? ''),
  );
}

/**
 * The answer to a browser's CORS preflight for the public APIs embedded on workshop sites. Preflights
 * carry no key; the real request is checked in full.
 */
export function corsPreflight(allowHeaders: string) {
  return (req: { get(name: string): string | undefined }, res: Res & { end(): unknown }) => {
    res.setHeader('Access-Control-Allow-Origin', req.get('origin') ?? '*');
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
    res.setHeader('Access-Control-Allow-Headers', allowHeaders);
    res.setHeader('Access-Control-Max-Age', '600');
    res.setHeader('Vary', 'Origin');
    res.status(204);
    res.end();
  };
}

import { createError, isDirectusError } from '@directus/errors';
import type { RequestHandler, Router } from 'express';

/**
 * An error for a person, in Directus's own shape: thrown (or passed to `next`) from an endpoint, Directus's
 * error handler answers `{ errors: [{ message, extensions: { code, …extensions } }] }` with `status`.
 * Headers the answer needs (Retry-After, cache-control) are set on the response before.
 */
export function httpError(status: number, code: string, message: string, extensions: Record<string, unknown> = {}) {
  const HttpError = createError<Record<string, unknown>>(code, message, status);
  return new HttpError(extensions);
}

/** Several errors of one status at once (e.g. one per form field); Directus's handler renders each. */
export const isHttpErrors = (error: unknown): boolean =>
  Array.isArray(error) ? error.length > 0 && error.every((e) => isDirectusError(e)) : isDirectusError(error);

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * Express 4 does not catch rejected promises: an error thrown in an async handler would leave the request
 * hanging. Handlers registered through the returned router pass what they throw to Directus's error
 * handler, which answers a `createError` error with its status and message, anything else with a 500.
 */
export function catching(router: Router): Router {
  for (const method of METHODS) {
    const register = router[method].bind(router) as (path: string, ...handlers: RequestHandler[]) => Router;
    const wrapped = (path: string, ...handlers: RequestHandler[]) =>
      register(
        path,
        ...handlers.map(
          (handler): RequestHandler =>
            (req, res, next) => {
              try {
                const result = handler(req, res, next) as unknown;
                if (result instanceof Promise)
                  result.catch((error: unknown) => (res.headersSent ? undefined : next(error)));
              } catch (error) {
                next(error);
              }
            },
        ),
      );
    (router as unknown as Record<string, unknown>)[method] = wrapped;
  }
  return router;
}

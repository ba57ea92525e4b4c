import { createError, isDirectusError } from '@directus/errors';

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

import { ROLE } from '@carbot/core/roles';
import type { Accountability } from '@directus/types';

type Res = {
  status(code: number): Res;
  json(body: unknown): unknown;
  setHeader(name: string, value: string): unknown;
};

/** Errors in Directus's own shape, so the admin app and scripts read them like any other. */
export function fail(res: Res, status: number, code: string, message: string, extra: Record<string, unknown> = {}) {
  res.setHeader('cache-control', 'no-store');
  return res.status(status).json({ errors: [{ message, extensions: { code, ...extra } }] });
}

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

import { inject } from 'vitest';

export type Reply = { status: number; body: any; text: string };

/** A plain HTTP client acting with one token, as a browser or integration would. */
export function as(token: string | null) {
  const base = inject('directusUrl');
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> => {
    const isForm = body instanceof FormData;
    const res = await fetch(base + path, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined && !isForm ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : isForm ? body : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    return { status: res.status, body: parsed, text };
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body?: unknown, headers?: Record<string, string>) => call('POST', path, body, headers),
    patch: (path: string, body?: unknown) => call('PATCH', path, body),
    delete: (path: string, body?: unknown) => call('DELETE', path, body),
    graphql: (query: string, variables?: Record<string, unknown>) => call('POST', '/graphql', { query, variables }),
  };
}

/** Logs a user in and returns their access token. */
export async function login(email: string, password: string): Promise<string> {
  const res = await as(null).post('/auth/login', { email, password });
  if (res.status !== 200) throw new Error(`Login ${email} fehlgeschlagen: ${res.status} ${res.text}`);
  return res.body.data.access_token as string;
}

export const admin = () => as(inject('adminToken'));

/** `?a=b` query strings from nested objects, the way Directus expects filters and deep queries. */
export function qs(params: Record<string, unknown>): string {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    out.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return `?${out.toString()}`;
}

export type WidgetInit = {
  key: string;
  method?: string;
  /** The embedding page's origin; null sends none. */
  origin?: string | null;
  session?: string;
  body?: unknown;
  headers?: Record<string, string>;
};

/** A call to the widget API as the embedded widget makes it (key, origin, session headers). */
export async function widgetRequest(path: string, init: WidgetInit): Promise<Reply & { headers: Headers }> {
  const headers: Record<string, string> = { 'x-carbot-key': init.key, ...(init.headers ?? {}) };
  if (init.origin) headers.origin = init.origin;
  if (init.session) headers['x-carbot-session'] = init.session;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${inject('directusUrl')}/widget${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: res.status, headers: res.headers, body, text };
}

import { createDirectus, rest, staticToken } from '@directus/sdk';
import { directusUrl } from './config.ts';

export type Client = ReturnType<typeof adminClient>;

/** Admin client for tooling (schema, access, seeds), authenticated with the automation token. */
export function adminClient(
  url = directusUrl(),
  token = process.env.CARBOT_AUTOMATION_TOKEN ?? process.env.DIRECTUS_TOKEN,
) {
  if (!token) throw new Error('Kein Token: CARBOT_AUTOMATION_TOKEN oder DIRECTUS_TOKEN setzen.');
  return createDirectus(url, { globals: { fetch: patientFetch } })
    .with(staticToken(token))
    .with(rest());
}

/**
 * Directus turns requests away with 503 while its event loop lags (its pressure limiter), which a busy
 * machine causes during a big schema change; such a request was not processed, so it is sent again after
 * a pause. A read that meets a kept-alive connection the server has just closed (5 s idle, easily reached
 * while this side parses schema/ on a busy machine) is sent again on a fresh one. Other answers pass.
 */
export async function patientFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const read = ['GET', 'HEAD', undefined].includes(init?.method?.toUpperCase());
  for (let attempt = 1; ; attempt++) {
    const last = attempt === 20;
    const res = await fetch(input, init).catch((error: Error & { cause?: { code?: string } }) => {
      if (!read || last || error.cause?.code !== 'UND_ERR_SOCKET') throw error;
      return undefined;
    });
    if (res && (res.status !== 503 || last)) return res;
    await res?.body?.cancel();
    await new Promise((r) => setTimeout(r, 250 * Math.min(attempt, 8)));
  }
}

/** Waits until Directus answers its health check, or fails with the reason. */
export async function waitForDirectus(url = directusUrl(), timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/server/ping`);
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Directus unter ${url} antwortet nicht (${last}).`);
}

/** A JSON call as the automation user, for scripts that set up data over the API (the benchmarks). */
export function automationApi(env: NodeJS.ProcessEnv) {
  return async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${env.PUBLIC_URL}${path}`, {
      method,
      headers: { authorization: `Bearer ${env.CARBOT_AUTOMATION_TOKEN}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as { data: Record<string, unknown> };
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json.data;
  };
}

import { createDirectus, rest, staticToken } from '@directus/sdk';
import { directusUrl } from './config.ts';

export type Client = ReturnType<typeof adminClient>;

/** Admin client for tooling (schema, access, seeds), authenticated with the automation token. */
export function adminClient(
  url = directusUrl(),
  token = process.env.CARBOT_AUTOMATION_TOKEN ?? process.env.DIRECTUS_TOKEN,
) {
  if (!token) throw new Error('Kein Token: CARBOT_AUTOMATION_TOKEN oder DIRECTUS_TOKEN setzen.');
  return createDirectus(url).with(staticToken(token)).with(rest());
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

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

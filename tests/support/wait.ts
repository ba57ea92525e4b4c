/** Polls `check` until it returns something truthy, for effects that land after the answer (hooks, jobs, mails). */
export async function until<T>(
  check: () => Promise<T | null | undefined | false>,
  { what = 'Bedingung', timeoutMs = 20_000 }: { what?: string; timeoutMs?: number } = {},
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`Nicht rechtzeitig eingetreten: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

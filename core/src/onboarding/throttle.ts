/** Parses "5/600" (5 attempts per 600 seconds); falls back when unset or invalid. */
export function parseRate(value: unknown, fallback: { limit: number; windowSeconds: number }) {
  const match = typeof value === 'string' ? /^\s*(\d{1,6})\s*\/\s*(\d{1,7})\s*$/.exec(value) : null;
  if (!match) return fallback;
  const limit = Number(match[1]);
  const windowSeconds = Number(match[2]);
  return limit > 0 && windowSeconds > 0 ? { limit, windowSeconds } : fallback;
}

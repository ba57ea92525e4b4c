/**
 * Widget requests are bound to the origins a client key allows. A missing or malformed Origin is not a
 * pass: browsers always send it on cross-origin fetches, so its absence means a non-browser caller.
 */
export function normaliseOrigin(raw: string | null | undefined): string | null {
  if (!raw || raw === 'null') return null;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (url.username || url.password) return null;
    return url.origin.toLowerCase();
  } catch {
    return null;
  }
}

export function originAllowed(
  origin: string | null | undefined,
  allowed: readonly string[] | null | undefined,
): boolean {
  const normalised = normaliseOrigin(origin);
  if (!normalised) return false;
  return (allowed ?? []).some((entry) => normaliseOrigin(entry.trim()) === normalised);
}

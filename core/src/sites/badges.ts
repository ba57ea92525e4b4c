/**
 * Badges on a workshop's home page ("Meisterbetrieb", "Alle Marken" …): only what the owner ticked in the
 * workshop form (`workshops.badges`), never claims the site makes up. Keys are stable; each language's
 * label lives with the site's texts.
 */
export const BADGES = [
  'meisterbetrieb',
  'innungsbetrieb',
  'alle-marken',
  'festpreise',
  'hu-au',
  'hochvolt',
  'oldtimer',
  'ersatzwagen',
  'tuev',
  'dekra',
  'ladestation',
] as const;
export type Badge = (typeof BADGES)[number];

/** The badges stored on a workshop (JSON array, or its text from SQLite), known ones only, in a fixed order. */
export function workshopBadges(stored: unknown): Badge[] {
  let value = stored;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return [];
    }
  }
  if (!Array.isArray(value)) return [];
  return BADGES.filter((b) => value.includes(b));
}

/**
 * Brands the owner entered (`workshops.brands`, a tag list: array, or comma-separated text from the
 * database), trimmed, without duplicates, at most twelve, each at most 40 characters.
 */
export function brandList(stored: unknown): string[] {
  const raw = Array.isArray(stored) ? stored : typeof stored === 'string' ? stored.split(',') : [];
  const seen = new Set<string>();
  for (const item of raw) {
    if (typeof item !== 'string') continue;
    const name = item.trim().replace(/\s+/g, ' ').slice(0, 40);
    if (name && ![...seen].some((s) => s.toLowerCase() === name.toLowerCase())) seen.add(name);
  }
  return [...seen].slice(0, 12);
}

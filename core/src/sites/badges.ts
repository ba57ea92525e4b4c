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

export const LANGUAGES = ['de', 'en', 'tr', 'pl'] as const;
export type Language = (typeof LANGUAGES)[number];

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/**
 * The visitor's language: the embed's `data-lang`, else the browser's preference (Accept-Language with
 * q-values), else German. Only languages the workshop offers count; German is always offered.
 */
export function pickLanguage(
  explicit: unknown,
  acceptLanguage: string | null | undefined,
  offered: readonly string[] = LANGUAGES,
): Language {
  const available = new Set<string>(['de', ...offered.filter(isLanguage)]);
  if (isLanguage(explicit) && available.has(explicit)) return explicit;
  const preferences = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { lang: tag.toLowerCase().split('-')[0] ?? '', q: Number.isFinite(q) ? q : 0 };
    })
    .filter((p) => p.lang && p.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { lang } of preferences) if (isLanguage(lang) && available.has(lang)) return lang;
  return 'de';
}

/**
 * Languages and per-language URLs of a site. German is the default and lives at `/`; every other
 * language at `/{lang}/…`, so each page has one stable address per language for hreflang.
 */
export const LANGS = ['de', 'en', 'tr', 'pl'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'de';

export const isLang = (value: unknown): value is Lang => typeof value === 'string' && LANGS.includes(value as Lang);

/** The languages a workshop offers, German always first and always present, in a fixed order. */
export function siteLanguages(configured: unknown): Lang[] {
  const wanted = new Set(Array.isArray(configured) ? configured.filter(isLang) : []);
  wanted.add(DEFAULT_LANG);
  return LANGS.filter((l) => wanted.has(l));
}

/** Splits `/en/leistungen` into language and the language-neutral path `/leistungen`. */
export function splitLangPath(pathname: string): { lang: Lang; path: string } {
  const match = /^\/(en|tr|pl)(?=\/|$)(.*)$/.exec(pathname);
  if (!match) return { lang: DEFAULT_LANG, path: pathname || '/' };
  return { lang: match[1] as Lang, path: match[2] || '/' };
}

/** The address of a language-neutral path in one language. */
export function localePath(lang: Lang, path: string): string {
  const clean = path.startsWith('/') ? path : `/${path}`;
  if (lang === DEFAULT_LANG) return clean;
  return clean === '/' ? `/${lang}/` : `/${lang}${clean}`;
}

export type Alternate = { hreflang: string; href: string };

/** hreflang alternates of one page for every offered language, plus `x-default` (German). */
export function alternates(origin: string, path: string, langs: readonly Lang[]): Alternate[] {
  const list = langs.map((lang) => ({ hreflang: lang, href: origin + localePath(lang, path) }));
  return [...list, { hreflang: 'x-default', href: origin + localePath(DEFAULT_LANG, path) }];
}

type Translation = { languages_code: string | null };

/**
 * The translation in the wanted language; missing fields fall back to German, then to any translation,
 * so a half-translated item never shows an empty heading.
 */
export function translate<T extends Translation>(list: readonly T[] | null | undefined, lang: Lang): Partial<T> {
  const rows = list ?? [];
  const german = rows.find((t) => t.languages_code === DEFAULT_LANG) ?? rows[0];
  const wanted = rows.find((t) => t.languages_code === lang);
  const merged: Record<string, unknown> = { ...(german ?? {}) };
  for (const [key, value] of Object.entries(wanted ?? {})) {
    if (value !== null && value !== undefined && value !== '') merged[key] = value;
  }
  return merged as Partial<T>;
}

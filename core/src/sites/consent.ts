/**
 * The visitor's consent decision for optional third-party content (map, chat assistant). It is stored in
 * the visitor's browser (localStorage, no cookie) together with the version of the consent text; when the
 * text changes, the version changes and the visitor is asked again.
 */
export const CONSENT_VERSION = '2026-11-2';
export const CONSENT_STORAGE_KEY = 'carbot-consent';

export type ConsentChoice = { version: string; external: boolean; decidedAt: string };

/** The stored decision if it is well-formed and for the current text version; otherwise ask again. */
export function currentDecision(raw: string | null | undefined, version = CONSENT_VERSION): ConsentChoice | null {
  if (!raw || raw.length > 500) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<ConsentChoice>;
    if (parsed.version !== version || typeof parsed.external !== 'boolean' || typeof parsed.decidedAt !== 'string') {
      return null;
    }
    return { version: parsed.version, external: parsed.external, decidedAt: parsed.decidedAt };
  } catch {
    return null;
  }
}

export function decide(external: boolean, at: Date, version = CONSENT_VERSION): ConsentChoice {
  return { version, external, decidedAt: at.toISOString() };
}

/**
 * The one inline script of the sites, in the head: it marks the page when a current decision is stored,
 * so the consent banner is part of the first paint for a visitor who has not decided yet and never
 * flashes up for one who has (the site script, which runs later, owns the banner from then on). The CSP
 * allows exactly this text by its hash (`CONSENT_PRECHECK_HASH`, checked by consent.test.ts); it is not
 * built from any input.
 */
export const CONSENT_PRECHECK = `try{var c=JSON.parse(localStorage.getItem(${JSON.stringify(CONSENT_STORAGE_KEY)})||"null");if(c&&c.version===${JSON.stringify(CONSENT_VERSION)}&&typeof c.external==="boolean")document.documentElement.setAttribute("data-consent","decided")}catch(e){}`;
export const CONSENT_PRECHECK_HASH = "'sha256-DNbPE1ha/4xECH8Fyvn+6KhxEhWuCUhn21xKmITQJnk='";

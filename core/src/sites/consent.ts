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

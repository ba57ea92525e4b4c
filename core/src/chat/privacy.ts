/**
 * Where the chat's consent text links to: the privacy page (Datenschutz) of the workshop's CarBot website.
 * On that website itself it is the page's own origin; embedded elsewhere, the workshop's CarBot website if
 * it has a published one, otherwise nothing (the embedding site carries its own privacy notice).
 */
import { localePath } from '../sites/i18n.ts';
import { WORKSHOP_PATHS } from '../sites/routes.ts';
import type { Language } from './language.ts';

export type SitesAddress = { domain: string; port: string };

/** The address of a workshop's CarBot website: `{slug}.{SITES_DOMAIN}`, plain HTTP with port only locally. */
export function workshopSiteOrigin(slug: string, sites: SitesAddress): string {
  const local = sites.domain === 'localhost' || sites.domain.endsWith('.localhost');
  return local ? `http://${slug}.${sites.domain}:${sites.port}` : `https://${slug}.${sites.domain}`;
}

export function privacyUrl(input: {
  language: Language;
  /** The page's origin when the chat runs on the workshop's own CarBot website (a signed site key). */
  siteOrigin?: string | null;
  workshop: { slug: string | null; status: string };
  sites: SitesAddress;
}): string | null {
  const path = localePath(input.language, WORKSHOP_PATHS.privacy);
  if (input.siteOrigin) return `${input.siteOrigin.replace(/\/$/, '')}${path}`;
  if (input.workshop.status !== 'published' || !input.workshop.slug) return null;
  return `${workshopSiteOrigin(input.workshop.slug, input.sites)}${path}`;
}

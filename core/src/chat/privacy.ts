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

/** Who processes the chat's text when a language model answers, for the workshop's privacy notice. */
export type LlmProcessor = {
  /** Company and address as the privacy notice names them; null when the model runs at the platform itself. */
  name: string | null;
  /** A third country (outside the EU/EEA) the provider may transfer to, with the legal basis. */
  transfer: string | null;
};

const KNOWN_PROVIDERS: [RegExp, LlmProcessor][] = [
  [
    /(^|\.)openai\.com$/,
    {
      name: 'OpenAI Ireland Ltd., 1st Floor, The Liffey Trust Centre, 117–126 Sheriff Street Upper, Dublin 1, D01 YC43, Irland',
      transfer:
        'Eine Übermittlung an OpenAI, L.L.C. (USA) ist möglich; sie stützt sich auf den Angemessenheitsbeschluss der EU-Kommission (EU-US Data Privacy Framework) bzw. Standardvertragsklauseln.',
    },
  ],
  [
    /(^|\.)openai\.azure\.com$/,
    {
      name: 'Microsoft Ireland Operations Limited, One Microsoft Place, South County Business Park, Leopardstown, Dublin 18, Irland',
      transfer: null,
    },
  ],
  [/(^|\.)mistral\.ai$/, { name: 'Mistral AI SAS, 15 rue des Halles, 75001 Paris, Frankreich', transfer: null }],
];

const PLATFORM_HOST = /^(localhost|127\.\d+\.\d+\.\d+|\[?::1\]?|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|[^.]+)$/;

/**
 * The processor to name for the configured model endpoint: null when no model is configured (answers then
 * come from the workshop's data alone). `named` (CARBOT_LLM_PROCESSOR) wins for any provider we do not know;
 * a model on the platform's own network involves nobody beyond CarBot.
 */
export function llmProcessor(input: { configured: boolean; baseUrl?: string | null; named?: string | null }) {
  if (!input.configured) return null;
  const named = input.named?.trim();
  if (named) return { name: named, transfer: null } satisfies LlmProcessor;
  let host = 'api.openai.com';
  try {
    if (input.baseUrl) host = new URL(input.baseUrl).hostname.toLowerCase();
  } catch {
    // an unreadable address: say what we can without guessing a company
    return { name: null, transfer: null } satisfies LlmProcessor;
  }
  const known = KNOWN_PROVIDERS.find(([pattern]) => pattern.test(host));
  if (known) return known[1];
  if (PLATFORM_HOST.test(host)) return { name: null, transfer: null } satisfies LlmProcessor;
  return { name: `den Betreiber des Sprachmodell-Dienstes unter ${host}`, transfer: null } satisfies LlmProcessor;
}

/**
 * Host → site, with the plan gating and everything a page needs to know about its site. Resolved sites
 * are kept in memory (tagged by tenant) so a cached page costs no Directus round trip; a purge drops them.
 */

import { hexColor } from '@carbot/core/colors';
import type { SiteTarget } from '@carbot/core/hosts';
import { PLATFORM_TAG } from '@carbot/core/sites/cache';
import type { ContentOwner } from '@carbot/core/sites/content-scope';
import { customDomainAllowed, effectiveTemplate, type PlanFacts, siteDecision } from '@carbot/core/sites/gating';
import { type Lang, siteLanguages, translate } from '@carbot/core/sites/i18n';
import type { WorkshopContent } from '@carbot/core/sites/routes';
import {
  faqCount,
  plans as loadPlans,
  siteTemplates as loadTemplates,
  type Plan,
  type SiteTemplate,
  vehicleCount,
  type Workshop,
  workshopByDomain,
  workshopBySlug,
} from './directus/index.ts';

export type WorkshopSite = {
  kind: 'workshop';
  workshop: Workshop;
  tenantId: string;
  template: string;
  langs: Lang[];
  /** Whether the plan lets this workshop's custom domains resolve (and be canonical). */
  customDomains: boolean;
  pastDue: boolean;
  /** Subscription lapsed (trial over, payment open beyond the grace period): show a neutral notice only. */
  paused?: boolean;
  /** When a trial or grace period ends (epoch ms): the site and its cached pages must be re-checked then. */
  liveUntil: number | null;
  /** The colour the chat launcher and browser chrome take: the workshop's own, else its template's. */
  primaryColor: string | null;
  hasVehicles: boolean;
  hasFaq: boolean;
  preview: boolean;
};
export type PlatformSite = { kind: 'platform'; langs: Lang[]; preview: boolean };
export type Site = WorkshopSite | PlatformSite;

export const PLATFORM_SITE: PlatformSite = { kind: 'platform', langs: ['de'], preview: false };

const TTL_MS = 10 * 60 * 1000;
type Catalog = { plans: Plan[]; templates: SiteTemplate[]; at: number };
let catalog: Catalog | null = null;

export async function getCatalog(): Promise<Catalog> {
  if (catalog && Date.now() - catalog.at < TTL_MS) return catalog;
  const [plans, templates] = await Promise.all([loadPlans(), loadTemplates()]);
  catalog = { plans, templates, at: Date.now() };
  return catalog;
}

type Resolved = { site: WorkshopSite | null; tag: string | null; at: number };
const hosts = new Map<string, Resolved>();
const MAX_HOSTS = 10_000;

/** Forgets what a purge of `tag` makes stale; null (the page cache was emptied as a whole) forgets everything. */
export function forgetSites(tag: string | null) {
  if (tag === null) {
    catalog = null;
    hosts.clear();
    return;
  }
  if (tag === PLATFORM_TAG) {
    catalog = null;
    return;
  }
  for (const [host, entry] of hosts) if (entry.tag === tag) hosts.delete(host);
}

/** The site of a workshop once it passed the gates, or null if it must not be served. */
export async function buildWorkshopSite(
  workshop: Workshop,
  preview: boolean,
  viaCustomDomain: boolean,
): Promise<WorkshopSite | null> {
  const { plans, templates } = await getCatalog();
  const plan = plans.find((p) => p.key === workshop.tenant?.plan) ?? null;
  const facts: PlanFacts | null = plan;
  let paused = false;
  let liveUntil: number | null = null;
  if (!preview) {
    const decision = siteDecision(workshop, workshop.tenant, facts, new Date());
    if (decision.serve) liveUntil = decision.until?.getTime() ?? null;
    else {
      // A published site whose subscription lapsed is paused, not gone: visitors get a neutral notice.
      if (!/^(subscription-|past-due-expired)/.test(decision.reason)) return null;
      paused = true;
    }
  }
  if (viaCustomDomain && !customDomainAllowed(facts)) return null;
  const order = Object.fromEntries(plans.map((p, i) => [p.key, p.sort ?? i]));
  const template = plan
    ? effectiveTemplate(workshop.template, plan, templates, order)
    : (workshop.template ?? 'klassisch');
  const pastDue = workshop.tenant?.subscription_status === 'past_due';
  // A preview's FAQs are drafts the Sites token cannot see; the middleware counts them in the bundle.
  const [vehicles, faqs] = await Promise.all([
    vehicleCount(workshop.id),
    faqCount({ kind: 'workshop', workshop: workshop.id, tenant: workshop.tenant?.id ?? '' }),
  ]);
  return {
    kind: 'workshop',
    workshop: {
      ...workshop,
      color_primary: hexColor(workshop.color_primary),
      color_accent: hexColor(workshop.color_accent),
    },
    tenantId: workshop.tenant?.id ?? '',
    template,
    langs: siteLanguages(workshop.languages),
    primaryColor:
      hexColor(workshop.color_primary) ?? hexColor(templates.find((t) => t.key === template)?.color_primary) ?? null,
    customDomains: customDomainAllowed(facts),
    pastDue,
    paused,
    liveUntil,
    hasVehicles: vehicles > 0,
    hasFaq: faqs > 0,
    preview,
  };
}

/** Whose posts and FAQs a site shows (core/sites/content-scope). */
export const ownerOf = (site: Site): ContentOwner =>
  site.kind === 'workshop'
    ? { kind: 'workshop', workshop: site.workshop.id, tenant: site.tenantId }
    : { kind: 'platform' };

/** The optional pages this workshop's site has in one language (empty ones are left out). */
export const contentOf = (site: WorkshopSite, lang: Lang): WorkshopContent => ({
  vehicles: site.hasVehicles,
  faq: site.hasFaq,
  about: Boolean(translate(site.workshop.translations, lang).about?.trim()),
  booking: Boolean(site.workshop.booking_enabled),
});

/** Resolves a workshop host. Misses (unknown custom domains) are not remembered, so they cannot fill memory. */
export async function resolveWorkshop(target: Exclude<SiteTarget, { kind: 'platform' | 'unknown' }>, host: string) {
  const cached = hosts.get(host);
  const now = Date.now();
  if (cached && now - cached.at < TTL_MS && !(cached.site?.liveUntil != null && now >= cached.site.liveUntil)) {
    return cached.site;
  }
  const workshop =
    target.kind === 'workshop-slug' ? await workshopBySlug(target.slug) : await workshopByDomain(target.domain);
  if (!workshop) return null;
  const site = await buildWorkshopSite(workshop, false, target.kind === 'custom-domain');
  if (hosts.size >= MAX_HOSTS) hosts.clear();
  hosts.set(host, { site, tag: workshop.tenant?.id ?? null, at: Date.now() });
  return site;
}

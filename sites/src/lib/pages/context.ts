/**
 * What every workshop page loader gets, and what it returns: its data plus the page's SEO. A page type is
 * a loader here and a component in components/ws/pages/ — adding one means adding both and one entry in
 * components/ws/pages/index.ts.
 */
import { canonicalOrigin } from '@carbot/core/sites/headers';
import { type Lang, localePath } from '@carbot/core/sites/i18n';
import { imagePath } from '@carbot/core/sites/images';
import { autoRepair, breadcrumbList } from '@carbot/core/sites/jsonld';
import type { WorkshopRoute } from '@carbot/core/sites/routes';
import type { ContactResult } from '../contact.ts';
import type { PreviewBundle } from '../preview.ts';
import type { WorkshopSite } from '../site.ts';
import { UI, type Ui } from '../ui.ts';
import { hoursOf, workshopText } from '../view.ts';

export type Seo = {
  title: string;
  description: string;
  jsonLd: unknown[];
  ogType?: 'website' | 'article';
};

/** Each page type's route, by its name. */
type RouteOf = { [R in WorkshopRoute as R['page']]: R };

export type PageContext<P extends WorkshopRoute['page'] = WorkshopRoute['page']> = {
  site: WorkshopSite;
  lang: Lang;
  path: string;
  route: RouteOf[P];
  url: URL;
  preview?: PreviewBundle;
  t: Ui;
  /** What became of a contact form sent to this page (POST), if one was. */
  contact?: ContactResult;
  /** The canonical origin (a verified custom domain where the plan allows it). */
  origin: string;
  /** The canonical address of a neutral path in this page's language. */
  abs: (path: string) => string;
};

/** What the helpers below need: any page's context. */
type AnyPage = Omit<PageContext, 'route'>;

/** A loader's answer: null means the page does not exist (404). */
export type Loaded<D> = (D & { seo: Seo }) | null;

export function pageContext<P extends WorkshopRoute['page']>(
  site: WorkshopSite,
  match: { lang: Lang; path: string; route: RouteOf[P] },
  url: URL,
  requestOrigin: string,
  preview?: PreviewBundle,
  contact?: ContactResult,
): PageContext<P> {
  const origin = canonicalOrigin(site.workshop.custom_domains, site.customDomains, requestOrigin);
  return {
    site,
    lang: match.lang,
    path: match.path,
    route: match.route,
    url,
    preview,
    contact,
    t: UI[match.lang],
    origin,
    abs: (p) => origin + localePath(match.lang, p),
  };
}

/** The default description of a workshop page: its SEO text, tagline or name. */
export const defaultDescription = (ctx: AnyPage) => {
  const text = workshopText(ctx.site.workshop, ctx.lang);
  return text.seo_description ?? text.tagline ?? ctx.site.workshop.name;
};

/** Breadcrumbs below the home page, as JSON-LD. */
export const crumbs = (ctx: AnyPage, items: [string, string][]) =>
  breadcrumbList([[ctx.t.home, '/'] as [string, string], ...items].map(([name, p]) => ({ name, url: ctx.abs(p) })));

/** The workshop as a schema.org AutoRepair, with its price range when services have prices. */
export function business(ctx: AnyPage, prices: number[]) {
  const w = ctx.site.workshop;
  const text = workshopText(w, ctx.lang);
  return autoRepair({
    name: w.name,
    url: ctx.abs('/'),
    description: text.seo_description ?? text.tagline,
    street: w.street,
    postalCode: w.postal_code,
    city: w.city,
    country: w.country,
    latitude: w.latitude,
    longitude: w.longitude,
    phone: w.phone,
    email: w.email,
    image: w.hero_image ? ctx.origin + imagePath(w.hero_image, 1200) : null,
    hours: hoursOf(w),
    prices,
  });
}

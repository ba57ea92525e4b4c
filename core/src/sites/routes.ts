import { BOOKING_PATH } from '../booking/texts.ts';
import { type Lang, splitLangPath } from './i18n.ts';

/** The pages of a workshop website, addressed by language-neutral paths (German slugs in every language). */
export type WorkshopRoute =
  | { page: 'home' }
  | { page: 'services' }
  | { page: 'about' }
  | { page: 'contact' }
  | { page: 'faq' }
  | { page: 'blog'; pageNo: number }
  | { page: 'post'; slug: string }
  | { page: 'vehicles' }
  | { page: 'vehicle'; id: string }
  | { page: 'imprint' }
  | { page: 'privacy' }
  | { page: 'terms' };

export type PlatformRoute =
  | { page: 'home' }
  | { page: 'pricing' }
  | { page: 'docs' }
  | { page: 'blog'; pageNo: number }
  | { page: 'post'; slug: string }
  | { page: 'imprint' }
  | { page: 'privacy' }
  | { page: 'terms' };

const STATIC_WORKSHOP: Record<string, WorkshopRoute> = {
  '/': { page: 'home' },
  '/leistungen': { page: 'services' },
  '/ueber-uns': { page: 'about' },
  '/kontakt': { page: 'contact' },
  '/faq': { page: 'faq' },
  '/blog': { page: 'blog', pageNo: 1 },
  '/fahrzeuge': { page: 'vehicles' },
  '/impressum': { page: 'imprint' },
  '/datenschutz': { page: 'privacy' },
  '/agb': { page: 'terms' },
};

const STATIC_PLATFORM: Record<string, PlatformRoute> = {
  '/': { page: 'home' },
  '/preise': { page: 'pricing' },
  '/widget-einbinden': { page: 'docs' },
  '/blog': { page: 'blog', pageNo: 1 },
  '/impressum': { page: 'imprint' },
  '/datenschutz': { page: 'privacy' },
  '/agb': { page: 'terms' },
};

/** Neutral paths of the workshop pages, for navigation and the sitemap. */
export const WORKSHOP_PATHS = {
  home: '/',
  services: '/leistungen',
  about: '/ueber-uns',
  contact: '/kontakt',
  faq: '/faq',
  blog: '/blog',
  vehicles: '/fahrzeuge',
  imprint: '/impressum',
  privacy: '/datenschutz',
  terms: '/agb',
} as const;

export const PLATFORM_PATHS = {
  home: '/',
  pricing: '/preise',
  docs: '/widget-einbinden',
  blog: '/blog',
  imprint: '/impressum',
  privacy: '/datenschutz',
  terms: '/agb',
} as const;

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,118}[a-z0-9])?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const blogPagePath = (pageNo: number) => (pageNo <= 1 ? '/blog' : `/blog/seite/${pageNo}`);
export const postPath = (slug: string) => `/blog/${slug}`;
export const vehiclePath = (id: string) => `/fahrzeuge/${id}`;

function trimSlash(path: string) {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

function dynamic(path: string): WorkshopRoute | null {
  const page = /^\/blog\/seite\/([1-9]\d{0,3})$/.exec(path);
  if (page) return Number(page[1]) === 1 ? null : { page: 'blog', pageNo: Number(page[1]) };
  const post = /^\/blog\/([^/]+)$/.exec(path);
  if (post?.[1] && SLUG.test(post[1])) return { page: 'post', slug: post[1] };
  const vehicle = /^\/fahrzeuge\/([^/]+)$/.exec(path);
  if (vehicle?.[1] && UUID.test(vehicle[1])) return { page: 'vehicle', id: vehicle[1] };
  return null;
}

/** Which workshop page a URL path names, or null (→ 404). */
export function matchWorkshopRoute(pathname: string): { lang: Lang; path: string; route: WorkshopRoute } | null {
  const { lang, path: raw } = splitLangPath(pathname);
  const path = trimSlash(raw);
  const route = STATIC_WORKSHOP[path] ?? dynamic(path);
  return route ? { lang, path, route } : null;
}

export function matchPlatformRoute(pathname: string): { lang: Lang; path: string; route: PlatformRoute } | null {
  const { lang, path: raw } = splitLangPath(pathname);
  const path = trimSlash(raw);
  let route: PlatformRoute | null = STATIC_PLATFORM[path] ?? null;
  if (!route) {
    const d = dynamic(path);
    if (d && (d.page === 'blog' || d.page === 'post')) route = d;
  }
  return route ? { lang, path, route } : null;
}

/** Page numbers 1..n for n items; always at least one page. */
export function pageCount(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(Math.max(0, total) / perPage));
}

/** What a workshop has to show beyond the pages every site has; `booking`: online booking is on. */
export type WorkshopContent = { vehicles: boolean; faq: boolean; about: boolean; booking?: boolean };

/**
 * Whether a workshop's site has this page at all: a page that would only be empty (no vehicles, no FAQ,
 * no About text) is left out — 404, no navigation link, no sitemap entry — until the owner fills it.
 */
export function workshopPageShown(page: WorkshopRoute['page'], content: WorkshopContent): boolean {
  if (page === 'vehicles' || page === 'vehicle') return content.vehicles;
  if (page === 'faq') return content.faq;
  if (page === 'about') return content.about;
  return true;
}

/** The neutral paths a workshop's site shows, in navigation order; the booking page last. */
export const shownWorkshopPaths = (content: WorkshopContent): string[] => [
  ...Object.values(WORKSHOP_PATHS).filter((p) => {
    const route = STATIC_WORKSHOP[p];
    return route !== undefined && workshopPageShown(route.page, content);
  }),
  ...(content.booking ? [BOOKING_PATH] : []),
];

import { type ContentOwner, ownerFilter } from '@carbot/core/sites/content-scope';
import type { VehicleFilter } from '@carbot/core/sites/query';
import { createDirectus, readItems, rest, staticToken } from '@directus/sdk';

/**
 * What the site server may read; mirrors the Sites policy (published content of published workshops,
 * catalog data). The token is the Sites token only, never an admin token.
 */
type Tr<T> = ({ languages_code: string } & T)[];

export type Tenant = {
  id: string;
  plan: string | null;
  subscription_status: string | null;
  past_due_since: string | null;
  trial_ends_at: string | null;
};
export type Workshop = {
  id: string;
  status: string;
  name: string;
  slug: string;
  template: string | null;
  languages: string[] | null;
  color_primary: string | null;
  color_accent: string | null;
  logo: string | null;
  hero_image: string | null;
  /** Ticked in the workshop form; see core/sites/badges. */
  badges: unknown;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  country: string | null;
  latitude: number | string | null;
  longitude: number | string | null;
  phone: string | null;
  email: string | null;
  opening_hours: unknown;
  custom_domains: string[] | null;
  legal_name: string | null;
  legal_form: string | null;
  managing_director: string | null;
  handwerkskammer: string | null;
  register_court: string | null;
  register_number: string | null;
  vat_id: string | null;
  content_responsible: string | null;
  /** Own Datenschutzerklärung / AGB as plain text; empty means the generated text. */
  privacy_text: string | null;
  terms_text: string | null;
  date_updated: string | null;
  tenant: Tenant | null;
  translations: Tr<{ tagline: string | null; about: string | null; seo_description: string | null }>;
};
export type Service = {
  id: string;
  workshop: string;
  sort: number | null;
  category: string | null;
  price: string | number | null;
  price_from: boolean | null;
  duration_minutes: number | null;
  translations: Tr<{ name: string | null; description: string | null }>;
};
export type Faq = {
  id: string;
  workshop: string | null;
  sort: number | null;
  category: string | null;
  translations: Tr<{ question: string | null; answer: string | null }>;
};
export type Post = {
  id: string;
  slug: string;
  author: string | null;
  cover_image: string | null;
  published_at: string | null;
  date_updated: string | null;
  translations: Tr<{
    title: string | null;
    excerpt: string | null;
    content: string | null;
    seo_title: string | null;
    seo_description: string | null;
  }>;
};
export type Vehicle = {
  id: string;
  status: string;
  make: string;
  model: string;
  variant: string | null;
  year: number | null;
  mileage_km: number | null;
  fuel: string | null;
  transmission: string | null;
  power_kw: number | null;
  color: string | null;
  price: string | number | null;
  description: string | null;
  cover_image: string | null;
  date_updated: string | null;
};
export type Plan = {
  key: string;
  name: string;
  price_net: string | number;
  website: boolean;
  all_templates: boolean;
  custom_templates: boolean;
  custom_domain: boolean;
  api_access: boolean;
  max_client_keys: number | null;
  max_leads_per_month: number | null;
  max_locations: number | null;
  trial_days: number | null;
  sort: number | null;
};
export type SiteTemplate = {
  key: string;
  name: string;
  description: string | null;
  min_plan: string | null;
  sort: number | null;
};

type WorkshopDomain = { workshop: string; verified_domain: string };
type Schema = {
  workshops: Workshop[];
  workshop_domains: WorkshopDomain[];
  services: Service[];
  faqs: Faq[];
  posts: Post[];
  vehicles: Vehicle[];
  plans: Plan[];
  site_templates: SiteTemplate[];
};

const client = createDirectus<Schema>(process.env.DIRECTUS_URL ?? 'http://127.0.0.1:8055')
  .with(staticToken(process.env.SITES_TOKEN ?? ''))
  .with(rest());

// biome-ignore lint/suspicious/noExplicitAny: the SDK's deep field typing does not cover our nested lists
const q = <T>(p: Promise<any>) => p as Promise<T>;

const WORKSHOP_FIELDS = [
  '*',
  { tenant: ['id', 'plan', 'subscription_status', 'past_due_since', 'trial_ends_at'] },
  { translations: ['languages_code', 'tagline', 'about', 'seo_description'] },
];

export async function workshopBySlug(slug: string): Promise<Workshop | undefined> {
  const rows = await q<Workshop[]>(
    client.request(
      readItems('workshops', { fields: WORKSHOP_FIELDS as never, filter: { slug: { _eq: slug } }, limit: 1 }),
    ),
  );
  return withVerifiedDomains(rows[0]);
}

export async function workshopById(id: string): Promise<Workshop | undefined> {
  const rows = await q<Workshop[]>(
    client.request(readItems('workshops', { fields: WORKSHOP_FIELDS as never, filter: { id: { _eq: id } }, limit: 1 })),
  );
  return rows[0];
}

/**
 * The workshop a custom domain belongs to: only through a verified domain record (the owner proved
 * control; unique platform-wide), which the Sites policy shows only for published workshops.
 */
export async function workshopByDomain(domain: string): Promise<Workshop | undefined> {
  const rows = await q<WorkshopDomain[]>(
    client.request(
      readItems('workshop_domains', {
        fields: ['workshop', 'verified_domain'] as never,
        filter: { verified_domain: { _eq: domain } } as never,
        limit: 1,
      }),
    ),
  );
  const id = rows[0]?.verified_domain === domain ? rows[0].workshop : undefined;
  return id ? withVerifiedDomains(await workshopById(id)) : undefined;
}

/** The workshop's verified custom domains replace what its owner merely entered. */
export async function withVerifiedDomains(workshop: Workshop | undefined): Promise<Workshop | undefined> {
  if (!workshop) return undefined;
  const rows = await q<WorkshopDomain[]>(
    client.request(
      readItems('workshop_domains', {
        fields: ['verified_domain'] as never,
        filter: { workshop: { _eq: workshop.id } } as never,
        sort: ['verified_at'] as never,
        limit: 20,
      }),
    ),
  );
  return { ...workshop, custom_domains: rows.map((r) => r.verified_domain).filter(Boolean) };
}

export async function servicesOf(workshopId: string): Promise<Service[]> {
  return q(
    client.request(
      readItems('services', {
        fields: [
          'id',
          'category',
          'price',
          'price_from',
          'duration_minutes',
          { translations: ['languages_code', 'name', 'description'] },
        ] as never,
        filter: { workshop: { _eq: workshopId } },
        sort: ['sort'],
        limit: -1,
      }),
    ),
  );
}

/** FAQs a site shows (core/sites/content-scope): a workshop's and its tenant's for all locations, or the platform's. */
export async function faqsOf(owner: ContentOwner): Promise<Faq[]> {
  return q(
    client.request(
      readItems('faqs', {
        fields: ['id', 'category', { translations: ['languages_code', 'question', 'answer'] }] as never,
        filter: ownerFilter(owner) as never,
        sort: ['sort'],
        limit: -1,
      }),
    ),
  );
}

export async function faqCount(owner: ContentOwner): Promise<number> {
  const rows = await q<{ count: string | number }[]>(
    client.request(readItems('faqs', { aggregate: { count: '*' }, filter: ownerFilter(owner) } as never)),
  );
  return Number(rows[0]?.count ?? 0);
}

const POST_FIELDS = [
  'id',
  'slug',
  'author',
  'cover_image',
  'published_at',
  'date_updated',
  { translations: ['languages_code', 'title', 'excerpt', 'content', 'seo_title', 'seo_description'] },
];

const postFilter = (owner: ContentOwner) =>
  ({
    _and: [
      ownerFilter(owner),
      // Scheduled posts appear once their date has come.
      { _or: [{ published_at: { _null: true } }, { published_at: { _lte: '$NOW' } }] },
    ],
  }) as never;

/** Posts a site shows (core/sites/content-scope), newest first. */
export async function postsOf(owner: ContentOwner, page = 1, perPage = 6): Promise<{ posts: Post[]; total: number }> {
  const [posts, count] = await Promise.all([
    q<Post[]>(
      client.request(
        readItems('posts', {
          fields: POST_FIELDS as never,
          filter: postFilter(owner),
          sort: ['-published_at', '-date_created'] as never,
          limit: perPage,
          page,
        }),
      ),
    ),
    q<{ count: string | number }[]>(
      client.request(readItems('posts', { aggregate: { count: '*' }, filter: postFilter(owner) } as never)),
    ),
  ]);
  return { posts, total: Number(count[0]?.count ?? 0) };
}

export async function postBySlug(owner: ContentOwner, slug: string): Promise<Post | undefined> {
  const rows = await q<Post[]>(
    client.request(
      readItems('posts', {
        fields: POST_FIELDS as never,
        filter: { _and: [postFilter(owner), { slug: { _eq: slug } }] } as never,
        limit: 1,
      }),
    ),
  );
  return rows[0];
}

export async function vehiclesOf(workshopId: string, f: VehicleFilter = {}): Promise<Vehicle[]> {
  const and: Record<string, unknown>[] = [{ workshop: { _eq: workshopId } }];
  if (f.fuel) and.push({ fuel: { _eq: f.fuel } });
  if (f.make) and.push({ make: { _eq: f.make } });
  if (f.maxPrice) and.push({ price: { _lte: f.maxPrice } });
  const sort =
    f.sort === 'price'
      ? ['price']
      : f.sort === '-price'
        ? ['-price']
        : f.sort === 'year'
          ? ['-year']
          : ['make', 'model'];
  return q(
    client.request(
      readItems('vehicles', {
        fields: ['*'] as never,
        filter: { _and: and } as never,
        sort: sort as never,
        limit: 500,
      }),
    ),
  );
}

export async function vehicleById(workshopId: string, id: string): Promise<Vehicle | undefined> {
  const rows = await q<Vehicle[]>(
    client.request(
      readItems('vehicles', {
        fields: ['*'] as never,
        filter: { _and: [{ workshop: { _eq: workshopId } }, { id: { _eq: id } }] } as never,
        limit: 1,
      }),
    ),
  );
  return rows[0];
}

export async function vehicleCount(workshopId: string): Promise<number> {
  const rows = await q<{ count: string | number }[]>(
    client.request(
      readItems('vehicles', { aggregate: { count: '*' }, filter: { workshop: { _eq: workshopId } } } as never),
    ),
  );
  return Number(rows[0]?.count ?? 0);
}

export async function plans(): Promise<Plan[]> {
  return q(client.request(readItems('plans', { fields: ['*'] as never, sort: ['sort'], limit: -1 })));
}

export async function siteTemplates(): Promise<SiteTemplate[]> {
  return q(client.request(readItems('site_templates', { fields: ['*'] as never, sort: ['sort'], limit: -1 })));
}

/**
 * Fetches an asset through Directus's transformations with the Sites token (the policy limits what it
 * sees); the visitor's Accept header lets `format=auto` pick AVIF or WebP.
 */
export async function fetchAsset(id: string, params: URLSearchParams, accept: string | null): Promise<Response> {
  const base = process.env.DIRECTUS_URL ?? 'http://127.0.0.1:8055';
  return fetch(`${base}/assets/${id}?${params}`, {
    headers: { authorization: `Bearer ${process.env.SITES_TOKEN ?? ''}`, ...(accept ? { accept } : {}) },
  });
}

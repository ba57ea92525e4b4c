import type { ContentOwner } from '@carbot/core/sites/content-scope';
import type { VehicleFilter } from '@carbot/core/sites/query';
import { aggregate, createDirectus, type QueryFilter, readItems, rest, staticToken } from '@directus/sdk';
import type { DirectusSchema } from './schema.ts';

/**
 * What the site server may read; mirrors the Sites policy (published content of published workshops,
 * catalog data). The token is the Sites token only, never an admin token. Row types come from the schema
 * files (./schema.ts, `npm run schema:types`); each fetcher's result type is what the SDK derives from
 * its field list, so a field that is not in the schema does not compile.
 */
const client = createDirectus<DirectusSchema>(process.env.DIRECTUS_URL ?? 'http://127.0.0.1:8055')
  .with(staticToken(process.env.SITES_TOKEN ?? ''))
  .with(rest());

type Filter<C extends keyof DirectusSchema> = QueryFilter<DirectusSchema, DirectusSchema[C][number]>;

const WORKSHOP_FIELDS = [
  'id',
  'status',
  'name',
  'slug',
  'template',
  'languages',
  'color_primary',
  'color_accent',
  'logo',
  'hero_image',
  'badges',
  'brands',
  'founded_year',
  'street',
  'postal_code',
  'city',
  'country',
  'latitude',
  'longitude',
  'phone',
  'email',
  'opening_hours',
  'custom_domains',
  'legal_name',
  'legal_form',
  'managing_director',
  'handwerkskammer',
  'register_court',
  'register_number',
  'vat_id',
  'content_responsible',
  'privacy_text',
  'terms_text',
  // Online booking on: the booking page exists and the hero's appointment button leads there.
  'booking_enabled',
  'date_updated',
  { tenant: ['id', 'plan', 'subscription_status', 'past_due_since', 'trial_ends_at'] },
  { translations: ['languages_code', 'tagline', 'about', 'seo_description'] },
] as const;

const readWorkshops = (filter: Filter<'workshops'>) =>
  client.request(readItems('workshops', { fields: WORKSHOP_FIELDS, filter, limit: 1 }));

export type Workshop = Awaited<ReturnType<typeof readWorkshops>>[number];

export async function workshopBySlug(slug: string): Promise<Workshop | undefined> {
  const rows = await readWorkshops({ slug: { _eq: slug } });
  return withVerifiedDomains(rows[0]);
}

export async function workshopById(id: string): Promise<Workshop | undefined> {
  return (await readWorkshops({ id: { _eq: id } }))[0];
}

/**
 * The workshop a custom domain belongs to: only through a verified domain record (the owner proved
 * control; unique platform-wide), which the Sites policy shows only for published workshops.
 */
export async function workshopByDomain(domain: string): Promise<Workshop | undefined> {
  const rows = await client.request(
    readItems('workshop_domains', {
      fields: ['workshop', 'verified_domain'],
      filter: { verified_domain: { _eq: domain } },
      limit: 1,
    }),
  );
  const row = rows[0];
  const id = row?.verified_domain === domain ? row.workshop : undefined;
  return typeof id === 'string' ? withVerifiedDomains(await workshopById(id)) : undefined;
}

/** The workshop's verified custom domains replace what its owner merely entered. */
export async function withVerifiedDomains(workshop: Workshop | undefined): Promise<Workshop | undefined> {
  if (!workshop) return undefined;
  const rows = await client.request(
    readItems('workshop_domains', {
      fields: ['verified_domain'],
      filter: { workshop: { _eq: workshop.id } },
      sort: ['verified_at'],
      limit: 20,
    }),
  );
  return { ...workshop, custom_domains: rows.map((r) => r.verified_domain).filter((d): d is string => Boolean(d)) };
}

const SERVICE_FIELDS = [
  'id',
  'category',
  'price',
  'price_from',
  'duration_minutes',
  { translations: ['languages_code', 'name', 'description'] },
] as const;

const readServices = (workshopId: string) =>
  client.request(
    readItems('services', {
      fields: SERVICE_FIELDS,
      filter: { workshop: { _eq: workshopId } },
      sort: ['sort'],
      limit: -1,
    }),
  );
export type Service = Awaited<ReturnType<typeof readServices>>[number];

export const servicesOf = (workshopId: string): Promise<Service[]> => readServices(workshopId);

/** Whose rows a site shows (core/sites/content-scope), as a typed filter for a collection with tenant and workshop. */
function ownerFilter(owner: ContentOwner): Filter<'faqs'> & Filter<'posts'> {
  if (owner.kind === 'platform') return { _and: [{ tenant: { _null: true } }, { workshop: { _null: true } }] };
  return {
    _and: [
      { tenant: { _eq: owner.tenant } },
      { _or: [{ workshop: { _eq: owner.workshop } }, { workshop: { _null: true } }] },
    ],
  };
}

const readFaqs = (owner: ContentOwner) =>
  client.request(
    readItems('faqs', {
      fields: ['id', 'category', { translations: ['languages_code', 'question', 'answer'] }],
      filter: ownerFilter(owner),
      sort: ['sort'],
      limit: -1,
    }),
  );
export type Faq = Awaited<ReturnType<typeof readFaqs>>[number];

/** FAQs a site shows (core/sites/content-scope): a workshop's and its tenant's for all locations, or the platform's. */
export const faqsOf = (owner: ContentOwner): Promise<Faq[]> => readFaqs(owner);

export async function faqCount(owner: ContentOwner): Promise<number> {
  const rows = await client.request(
    aggregate('faqs', { aggregate: { count: '*' }, query: { filter: ownerFilter(owner) } }),
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
] as const;

const postFilter = (owner: ContentOwner): Filter<'posts'> => ({
  _and: [
    ownerFilter(owner),
    // Scheduled posts appear once their date has come.
    { _or: [{ published_at: { _null: true } }, { published_at: { _lte: '$NOW' } }] },
  ],
});

const readPosts = (filter: Filter<'posts'>, page: number, limit: number) =>
  client.request(
    readItems('posts', {
      fields: POST_FIELDS,
      filter,
      sort: ['-published_at', '-date_created'],
      limit,
      page,
    }),
  );
export type Post = Awaited<ReturnType<typeof readPosts>>[number];

/** Posts a site shows (core/sites/content-scope), newest first. */
export async function postsOf(owner: ContentOwner, page = 1, perPage = 6): Promise<{ posts: Post[]; total: number }> {
  const [posts, count] = await Promise.all([
    readPosts(postFilter(owner), page, perPage),
    client.request(aggregate('posts', { aggregate: { count: '*' }, query: { filter: postFilter(owner) } })),
  ]);
  return { posts, total: Number(count[0]?.count ?? 0) };
}

export async function postBySlug(owner: ContentOwner, slug: string): Promise<Post | undefined> {
  const rows = await readPosts({ _and: [postFilter(owner), { slug: { _eq: slug } }] }, 1, 1);
  return rows[0];
}

const VEHICLE_SORT = {
  price: ['price', 'id'],
  '-price': ['-price', 'id'],
  year: ['-year', 'id'],
  mileage: ['mileage_km', 'id'],
} as const;
/** Vehicles on one page of the list. */
export const VEHICLES_PER_PAGE = 24;

/** What a card of the list shows: no description, no photos, no equipment. */
const CARD_FIELDS = [
  'id',
  'make',
  'model',
  'variant',
  'price',
  'status',
  'year',
  'first_registration',
  'mileage_km',
  'fuel',
  'power_kw',
  'transmission',
  'cover_image',
] as const;

/** The filter of a list without the parts named: a facet counts what the other choices leave. */
function vehicleFilter(
  workshopId: string,
  f: VehicleFilter,
  without: (keyof VehicleFilter)[] = [],
): Filter<'vehicles'> {
  const on = (k: keyof VehicleFilter) => f[k] !== undefined && !without.includes(k);
  const and: Filter<'vehicles'>[] = [{ workshop: { _eq: workshopId } }];
  if (on('fuel')) and.push({ fuel: { _eq: f.fuel } });
  if (on('make')) and.push({ make: { _eq: f.make } });
  if (on('model')) and.push({ model: { _eq: f.model } });
  if (on('minPrice')) and.push({ price: { _gte: f.minPrice } });
  if (on('maxPrice')) and.push({ price: { _lte: f.maxPrice } });
  if (on('maxKm')) and.push({ mileage_km: { _lte: f.maxKm } });
  if (on('minYear')) and.push({ year: { _gte: f.minYear } });
  return { _and: and };
}

export type Facet = { value: string; count: number };

/** Counts per value of one field, by the database (GROUP BY), never by loading the vehicles. */
async function facet(
  field: 'make' | 'model' | 'fuel' | 'year',
  filter: Filter<'vehicles'>,
  compare: (a: string, b: string) => number,
): Promise<Facet[]> {
  const rows = (await client.request(
    aggregate('vehicles', { aggregate: { count: '*' }, groupBy: [field], query: { filter, limit: -1 } }),
  )) as unknown as Record<string, unknown>[];
  return rows
    .map((r) => ({
      value: r[field] === null || r[field] === undefined ? '' : String(r[field]),
      count: Number(r.count),
    }))
    .filter((r) => r.value !== '')
    .sort((a, b) => compare(a.value, b.value));
}

const byName = (a: string, b: string) => a.localeCompare(b, 'de');

/**
 * One page of a workshop's vehicle list with the filters' choices and counts. Seven small queries the
 * database answers from its indexes, in parallel; no request loads more than one page of vehicles.
 */
export async function vehicleList(workshopId: string, f: VehicleFilter) {
  const filter = vehicleFilter(workshopId, f);
  const page = f.page ?? 1;
  const [vehicles, totals, makes, models, fuels, years] = await Promise.all([
    client.request(
      readItems('vehicles', {
        fields: [...CARD_FIELDS],
        filter,
        sort: f.sort ? [...VEHICLE_SORT[f.sort]] : ['make', 'model', 'id'],
        limit: VEHICLES_PER_PAGE,
        page,
      }),
    ),
    client.request(
      aggregate('vehicles', {
        aggregate: { count: '*', min: ['price', 'mileage_km', 'year'], max: ['price', 'mileage_km', 'year'] },
        query: { filter },
      }),
    ),
    facet('make', vehicleFilter(workshopId, f, ['make', 'model']), byName),
    f.make ? facet('model', vehicleFilter(workshopId, f, ['model']), byName) : Promise.resolve([]),
    facet('fuel', vehicleFilter(workshopId, f, ['fuel']), byName),
    facet('year', vehicleFilter(workshopId, f, ['minYear']), (a, b) => Number(b) - Number(a)),
  ]);
  const t = (totals[0] ?? {}) as { count?: unknown; min?: Record<string, unknown>; max?: Record<string, unknown> };
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    vehicles,
    total: Number(t.count ?? 0),
    page,
    pages: Math.max(1, Math.ceil(Number(t.count ?? 0) / VEHICLES_PER_PAGE)),
    range: {
      price: [n(t.min?.price), n(t.max?.price)] as const,
      mileage: [n(t.min?.mileage_km), n(t.max?.mileage_km)] as const,
    },
    facets: { makes, models, fuels, years },
  };
}

/** One vehicle with its photos in order (the detail page); nothing else of the stock is read. */
export async function vehicleById(workshopId: string, id: string) {
  const rows = await client.request(
    readItems('vehicles', {
      fields: ['*', { photos: ['file', 'alt', 'sort'] }],
      filter: { _and: [{ workshop: { _eq: workshopId } }, { id: { _eq: id } }] },
      deep: { photos: { _sort: ['sort'], _limit: 60 } },
      limit: 1,
    }),
  );
  return rows[0];
}

/** Ids and change dates for the sitemap: two columns of every vehicle on sale. */
export const vehicleSitemap = (workshopId: string) =>
  client.request(
    readItems('vehicles', {
      fields: ['id', 'date_updated'],
      filter: { workshop: { _eq: workshopId } },
      sort: ['id'],
      limit: -1,
    }),
  );

export async function vehicleCount(workshopId: string): Promise<number> {
  const rows = await client.request(
    aggregate('vehicles', { aggregate: { count: '*' }, query: { filter: { workshop: { _eq: workshopId } } } }),
  );
  return Number(rows[0]?.count ?? 0);
}

const readPhotos = (workshopId: string) =>
  client.request(
    readItems('workshop_photos', {
      fields: ['id', 'image', 'kind', 'caption', 'alt'],
      filter: { _and: [{ workshop: { _eq: workshopId } }, { image: { _nnull: true } }] },
      sort: ['sort', 'date_created'],
      limit: 24,
    }),
  );
export type Photo = Awaited<ReturnType<typeof readPhotos>>[number];

/** The workshop's published gallery (the Sites policy shows published photos of published workshops only). */
export const photosOf = (workshopId: string): Promise<Photo[]> => readPhotos(workshopId);

const readTestimonials = (workshopId: string) =>
  client.request(
    readItems('testimonials', {
      fields: ['id', 'author', 'quote', 'source', 'given_at', 'rating'],
      filter: { _and: [{ workshop: { _eq: workshopId } }, { quote: { _nnull: true } }] },
      sort: ['sort', '-given_at'],
      limit: 6,
    }),
  );
export type Testimonial = Awaited<ReturnType<typeof readTestimonials>>[number];

/** Customer voices the owner entered, with their source and date. */
export const testimonialsOf = (workshopId: string): Promise<Testimonial[]> => readTestimonials(workshopId);

const readOffers = (workshopId: string) =>
  client.request(
    readItems('offers', {
      fields: [
        'id',
        'title',
        'text',
        'price',
        'valid_from',
        'valid_until',
        { translations: ['languages_code', 'title', 'text'] },
      ],
      // The Sites policy already hides offers past their end; those not yet begun are hidden here.
      filter: {
        _and: [
          { workshop: { _eq: workshopId } },
          { _or: [{ valid_until: { _null: true } }, { valid_until: { _gte: '$NOW' } }] },
        ],
      },
      sort: ['sort', 'valid_until'],
      limit: 12,
    }),
  );
export type Offer = Awaited<ReturnType<typeof readOffers>>[number];

/** Seasonal offers not yet over (those still to come too: the page must know when they begin). */
export const offersOf = (workshopId: string): Promise<Offer[]> => readOffers(workshopId);

const readPlans = () => client.request(readItems('plans', { fields: ['*'], sort: ['sort'], limit: -1 }));
export type Plan = Awaited<ReturnType<typeof readPlans>>[number];
export const plans = (): Promise<Plan[]> => readPlans();

const readTemplates = () => client.request(readItems('site_templates', { fields: ['*'], sort: ['sort'], limit: -1 }));
export type SiteTemplate = Awaited<ReturnType<typeof readTemplates>>[number];
export const siteTemplates = (): Promise<SiteTemplate[]> => readTemplates();

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

import { createDirectus, readItems, rest, staticToken } from '@directus/sdk';

/** What the site server may read; mirrors the Sites policy (published content only). */
export type Workshop = {
  id: string;
  name: string;
  slug: string;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  custom_domains: string[] | null;
  translations: { languages_code: string; tagline: string | null }[];
};
export type Service = {
  id: string;
  workshop: string;
  sort: number | null;
  price: string | null;
  price_from: boolean;
  translations: { languages_code: string; name: string | null }[];
};
type Schema = { workshops: Workshop[]; services: Service[] };

export type Site = { kind: 'platform' } | { kind: 'workshop'; workshop: Workshop };

const client = createDirectus<Schema>(process.env.DIRECTUS_URL ?? 'http://127.0.0.1:8055')
  .with(staticToken(process.env.SITES_TOKEN ?? ''))
  .with(rest());

const WORKSHOP_FIELDS = [
  'id',
  'name',
  'slug',
  'street',
  'postal_code',
  'city',
  'phone',
  'email',
  'custom_domains',
  { translations: ['languages_code', 'tagline'] },
] as const;

export async function workshopBySlug(slug: string): Promise<Workshop | undefined> {
  const rows = await client.request(
    readItems('workshops', { fields: WORKSHOP_FIELDS as never, filter: { slug: { _eq: slug } }, limit: 1 }),
  );
  return rows[0] as Workshop | undefined;
}

export async function workshopByDomain(domain: string): Promise<Workshop | undefined> {
  // The csv column is matched as text; the exact check below rules out partial matches.
  const rows = (await client.request(
    readItems('workshops', {
      fields: WORKSHOP_FIELDS as never,
      filter: { custom_domains: { _contains: domain } } as never,
      limit: 10,
    }),
  )) as Workshop[];
  return rows.find((w) => (w.custom_domains ?? []).map((d) => d.toLowerCase()).includes(domain));
}

export async function servicesOf(workshopId: string): Promise<Service[]> {
  return (await client.request(
    readItems('services', {
      fields: ['id', 'price', 'price_from', { translations: ['languages_code', 'name'] }] as never,
      filter: { workshop: { _eq: workshopId } },
      sort: ['sort'],
      limit: -1,
    }),
  )) as Service[];
}

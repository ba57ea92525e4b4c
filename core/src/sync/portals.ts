import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Vehicle feeds out, for Google vehicle listings (Merchant Center, tab-separated with Google's attribute
 * names) and Meta automotive inventory ads (catalog CSV with Meta's field names). Only vehicles on sale
 * are listed, each id once. The URL is behind the feed's secret: a token derived from it (HMAC), so the
 * secret itself never appears in a URL or a log.
 */
export type PortalVehicle = {
  id: string;
  external_id: string | null;
  make: string;
  model: string;
  variant: string | null;
  price: number;
  mileage_km: number | null;
  year: number | null;
  first_registration: string | null;
  fuel: string | null;
  transmission: string | null;
  body_type: string | null;
  drive_type: string | null;
  color: string | null;
  vin: string | null;
  description: string | null;
  status: string;
  url: string;
  image_url: string | null;
  isNew: boolean;
};

export type Portal = 'google' | 'meta';

export const portalToken = (secret: string, portal: Portal): string =>
  createHmac('sha256', secret).update(`portal:${portal}`).digest('hex').slice(0, 32);

export function checkPortalToken(secret: string | null, portal: Portal, token: unknown): boolean {
  if (!secret || typeof token !== 'string' || !/^[0-9a-f]{32}$/.test(token)) return false;
  return timingSafeEqual(Buffer.from(portalToken(secret, portal)), Buffer.from(token));
}

const GOOGLE_FUEL: Record<string, string> = {
  petrol: 'gasoline',
  diesel: 'diesel',
  electric: 'electric',
  hybrid: 'hybrid',
  plugin_hybrid: 'plug-in hybrid',
  lpg: 'other',
  cng: 'other',
  hydrogen: 'other',
  other: 'other',
};
const META_FUEL: Record<string, string> = {
  petrol: 'GASOLINE',
  diesel: 'DIESEL',
  electric: 'ELECTRIC',
  hybrid: 'HYBRID',
  plugin_hybrid: 'PLUGIN_HYBRID',
  lpg: 'OTHER',
  cng: 'OTHER',
  hydrogen: 'OTHER',
  other: 'OTHER',
};
const META_BODY: Record<string, string> = {
  small_car: 'HATCHBACK',
  sedan: 'SEDAN',
  estate: 'WAGON',
  suv: 'SUV',
  convertible: 'CONVERTIBLE',
  coupe: 'COUPE',
  van: 'MINIVAN',
  pickup: 'TRUCK',
  other: 'OTHER',
};
const META_DRIVE: Record<string, string> = { front: 'FWD', rear: 'RWD', all: 'AWD' };

const title = (v: PortalVehicle) => [v.make, v.model, v.variant].filter(Boolean).join(' ');
const yearOf = (v: PortalVehicle) => v.year ?? (v.first_registration ? Number(v.first_registration.slice(0, 4)) : null);
const plain = (s: string | null, max: number) => (s ?? '').replace(/\s+/g, ' ').trim().slice(0, max);

const listed = (vehicles: PortalVehicle[]) => {
  const seen = new Set<string>();
  return vehicles.filter((v) => {
    if ((v.status !== 'available' && v.status !== 'reserved') || seen.has(v.id)) return false;
    seen.add(v.id);
    return true;
  });
};

/** Tab-separated: a tab or line break inside a value would break the row, so they become spaces. */
const tsvCell = (v: unknown) => (v === null || v === undefined ? '' : String(v).replace(/[\t\r\n]+/g, ' '));

export function googleFeed(vehicles: PortalVehicle[]): string {
  const head = [
    'id',
    'title',
    'description',
    'link',
    'image_link',
    'price',
    'condition',
    'brand',
    'model',
    'trim',
    'year',
    'mileage',
    'vin',
    'color',
    'fuel',
    'availability',
  ];
  const rows = listed(vehicles).map((v) => [
    v.id,
    plain(title(v), 150),
    plain(v.description ?? title(v), 5000),
    v.url,
    v.image_url ?? '',
    `${v.price.toFixed(2)} EUR`,
    v.isNew ? 'new' : 'used',
    v.make,
    v.model,
    v.variant ?? '',
    yearOf(v) ?? '',
    v.mileage_km === null ? '' : `${v.mileage_km} km`,
    v.vin ?? '',
    v.color ?? '',
    v.fuel ? (GOOGLE_FUEL[v.fuel] ?? 'other') : '',
    v.status === 'reserved' ? 'out_of_stock' : 'in_stock',
  ]);
  return `${[head, ...rows].map((r) => r.map(tsvCell).join('\t')).join('\n')}\n`;
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function metaFeed(
  vehicles: PortalVehicle[],
  address: { street: string; city: string; postcode: string },
): string {
  const head = [
    'vehicle_id',
    'title',
    'description',
    'url',
    'make',
    'model',
    'year',
    'mileage.value',
    'mileage.unit',
    'image[0].url',
    'price',
    'state_of_vehicle',
    'vin',
    'exterior_color',
    'fuel_type',
    'transmission',
    'body_style',
    'drivetrain',
    'availability',
    'address.addr1',
    'address.city',
    'address.postal_code',
    'address.country',
  ];
  const rows = listed(vehicles).map((v) => [
    v.id,
    plain(title(v), 500),
    plain(v.description ?? title(v), 5000),
    v.url,
    v.make,
    v.model,
    yearOf(v) ?? '',
    v.mileage_km ?? 0,
    'KM',
    v.image_url ?? '',
    `${v.price.toFixed(2)} EUR`,
    v.isNew ? 'NEW' : 'USED',
    v.vin ?? '',
    v.color ?? '',
    v.fuel ? (META_FUEL[v.fuel] ?? 'OTHER') : '',
    v.transmission === 'manual' ? 'MANUAL' : v.transmission ? 'AUTOMATIC' : '',
    v.body_type ? (META_BODY[v.body_type] ?? 'OTHER') : '',
    v.drive_type ? (META_DRIVE[v.drive_type] ?? 'OTHER') : '',
    v.status === 'reserved' ? 'PENDING' : 'AVAILABLE',
    address.street,
    address.city,
    address.postcode,
    'DE',
  ]);
  return `${[head, ...rows].map((r) => r.map(csvCell).join(',')).join('\n')}\n`;
}

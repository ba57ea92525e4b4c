/** schema.org JSON-LD builders. Output is embedded in <script type="application/ld+json">, so `<` is escaped. */
import { type OpeningHours, openingHoursSpecification } from './hours.ts';

/** JSON safe to place inside a script element: no `</script>` or HTML comment can be formed. */
export function jsonLdString(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

export type WorkshopFacts = {
  name: string;
  url: string;
  description?: string | null;
  street?: string | null;
  postalCode?: string | null;
  city?: string | null;
  country?: string | null;
  latitude?: number | string | null;
  longitude?: number | string | null;
  phone?: string | null;
  email?: string | null;
  image?: string | null;
  hours: OpeningHours;
  prices: number[];
};

/** "€€" style price range from the services' prices (schema.org wants a short indicator). */
export function priceRange(prices: number[]): string | undefined {
  const valid = prices.filter((p) => Number.isFinite(p) && p > 0);
  if (valid.length === 0) return undefined;
  const min = Math.min(...valid);
  const max = Math.max(...valid);
  const fmt = (n: number) => `${Math.round(n)} €`;
  return min === max ? fmt(min) : `${fmt(min)} – ${fmt(max)}`;
}

export function autoRepair(w: WorkshopFacts) {
  const lat = w.latitude === null || w.latitude === undefined ? Number.NaN : Number(w.latitude);
  const lng = w.longitude === null || w.longitude === undefined ? Number.NaN : Number(w.longitude);
  return clean({
    '@context': 'https://schema.org',
    '@type': 'AutoRepair',
    '@id': `${w.url}#business`,
    name: w.name,
    url: w.url,
    description: w.description,
    telephone: w.phone,
    email: w.email,
    image: w.image,
    priceRange: priceRange(w.prices),
    address: {
      '@type': 'PostalAddress',
      streetAddress: w.street,
      postalCode: w.postalCode,
      addressLocality: w.city,
      addressCountry: w.country ?? 'DE',
    },
    geo:
      Number.isFinite(lat) && Number.isFinite(lng)
        ? { '@type': 'GeoCoordinates', latitude: lat, longitude: lng }
        : undefined,
    openingHoursSpecification: openingHoursSpecification(w.hours),
  });
}

export function blogPosting(p: {
  url: string;
  title: string;
  description?: string | null;
  published?: string | null;
  modified?: string | null;
  author?: string | null;
  publisher: string;
  image?: string | null;
  lang: string;
}) {
  return clean({
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    mainEntityOfPage: p.url,
    headline: p.title,
    description: p.description,
    datePublished: p.published,
    dateModified: p.modified ?? p.published,
    inLanguage: p.lang,
    image: p.image,
    author: p.author ? { '@type': 'Person', name: p.author } : { '@type': 'Organization', name: p.publisher },
    publisher: { '@type': 'Organization', name: p.publisher },
  });
}

export function faqPage(items: { question: string; answer: string }[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    mainEntity: items.map((i) => ({
      '@type': 'Question',
      name: i.question,
      acceptedAnswer: { '@type': 'Answer', text: i.answer },
    })),
  };
}

export function breadcrumbList(items: { name: string; url: string }[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((i, index) => ({ '@type': 'ListItem', position: index + 1, name: i.name, item: i.url })),
  };
}

/** Drops null/undefined/empty values so search engines never see `"telephone": null`. */
function clean<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clean) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === null || v === undefined || v === '') continue;
      out[k] = clean(v);
    }
    return out as T;
  }
  return value;
}

export type CarFacts = {
  url: string;
  name: string;
  make: string;
  model: string;
  variant?: string | null;
  description?: string | null;
  images: string[];
  price?: number | null;
  reserved: boolean;
  isNew: boolean;
  mileageKm?: number | null;
  firstRegistration?: string | null;
  year?: number | null;
  fuel?: string | null;
  transmission?: string | null;
  bodyType?: string | null;
  color?: string | null;
  doors?: number | null;
  seats?: number | null;
  previousOwners?: number | null;
  powerKw?: number | null;
  vin?: string | null;
  consumptionFuel?: number | null;
  consumptionPower?: number | null;
  co2?: number | null;
  seller: { name: string; url: string };
};

/** schema.org `Car` with its offer (Google's vehicle listing fields where schema.org has them). */
export function car(c: CarFacts) {
  const consumption = [
    c.consumptionFuel === null || c.consumptionFuel === undefined
      ? undefined
      : { '@type': 'QuantitativeValue', value: c.consumptionFuel, unitText: 'l/100 km' },
    c.consumptionPower === null || c.consumptionPower === undefined
      ? undefined
      : { '@type': 'QuantitativeValue', value: c.consumptionPower, unitText: 'kWh/100 km' },
  ].filter(Boolean);
  return clean({
    '@context': 'https://schema.org',
    '@type': 'Car',
    '@id': `${c.url}#car`,
    url: c.url,
    name: c.name,
    description: c.description,
    brand: { '@type': 'Brand', name: c.make },
    manufacturer: { '@type': 'Organization', name: c.make },
    model: c.model,
    vehicleConfiguration: c.variant,
    image: c.images.length > 0 ? c.images : undefined,
    itemCondition: c.isNew ? 'https://schema.org/NewCondition' : 'https://schema.org/UsedCondition',
    vehicleIdentificationNumber: c.vin,
    mileageFromOdometer:
      c.mileageKm === null || c.mileageKm === undefined
        ? undefined
        : { '@type': 'QuantitativeValue', value: c.mileageKm, unitCode: 'KMT' },
    dateVehicleFirstRegistered: c.firstRegistration,
    vehicleModelDate: c.year ? String(c.year) : undefined,
    fuelType: c.fuel,
    vehicleTransmission: c.transmission,
    bodyType: c.bodyType,
    color: c.color,
    numberOfDoors: c.doors,
    seatingCapacity: c.seats,
    numberOfPreviousOwners: c.previousOwners,
    vehicleEngine: c.powerKw
      ? {
          '@type': 'EngineSpecification',
          enginePower: { '@type': 'QuantitativeValue', value: c.powerKw, unitCode: 'KWT' },
        }
      : undefined,
    fuelConsumption: consumption.length === 1 ? consumption[0] : consumption.length > 1 ? consumption : undefined,
    emissionsCO2: c.co2,
    offers:
      c.price === null || c.price === undefined
        ? undefined
        : {
            '@type': 'Offer',
            price: c.price,
            priceCurrency: 'EUR',
            url: c.url,
            availability: c.reserved ? 'https://schema.org/LimitedAvailability' : 'https://schema.org/InStock',
            seller: { '@type': 'AutoDealer', name: c.seller.name, url: c.seller.url },
          },
  });
}

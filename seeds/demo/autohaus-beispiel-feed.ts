/**
 * Autohaus Beispiel's stock as its dealer system delivers it: two deliveries of the demo feed, which
 * `npm start` runs through the real sync on the first start, so the admin shows runs and history and the
 * website shows photos from the first minute. The first delivery has two cars the second one no longer
 * lists (sold); the second lowers some prices. Photos are drawn here (./car-photo.ts) and registered under
 * the dealer's photo URLs, as if the dealer system had served them before.
 */
import { seed } from './autohaus-beispiel.ts';
import { carSvg, type PhotoView, paint } from './car-photo.ts';

export { DEMO_FEED } from './autohaus-beispiel.ts';

/** Where the dealer system keeps its photos (never fetched: the demo registers them, see above). */
export const PHOTO_BASE = 'https://dms.autohaus-beispiel.example/fotos';
const VIEWS: PhotoView[] = [0, 1, 2];

type Car = Record<string, unknown> & { external_id: string };

const bodyOf = (model: string) =>
  /Tiguan|Q[45]|X1|iX3|GLC|Kodiaq|Enyaq|Kuga|RAV4|Tucson|Sportage|Model Y|Macan|XC60|CX-5|EQA|Formentor|Kona|Captur|T-Roc|Sandero/i.test(
    model,
  )
    ? 'suv'
    : /Avant|Touring|Variant|Combi|Sportstourer|Sportswagon|T-Modell/i.test(model)
      ? 'estate'
      : 'hatch';

const photoUrl = (externalId: string, view: PhotoView) => `${PHOTO_BASE}/${externalId.toLowerCase()}-${view + 1}.jpg`;

/** The photos of every car the deliveries name: URL and the SVG to render for it. */
export function demoPhotos(): { url: string; svg: string }[] {
  return [...cars(), ...EXTRA].flatMap((c) =>
    VIEWS.slice(0, photoCount(c)).map((view) => ({
      url: photoUrl(c.external_id, view),
      svg: carSvg({
        color: paint(String(c.color ?? '')),
        label: `${c.make} ${c.model}`,
        view,
        body: bodyOf(String(c.model)),
      }),
    })),
  );
}

// Three photos for every third car, two for the others: galleries of both lengths.
const photoCount = (c: Car) => (Number(c.external_id.replace(/\D/g, '')) % 3 === 0 ? 3 : 2);

function cars(): Car[] {
  return seed.vehicles
    .filter((v) => v.status !== 'sold')
    .map((v) => ({
      external_id: String(v.external_id),
      make: v.make,
      model: v.model,
      variant: v.variant,
      price: v.price,
      mileage_km: v.mileage_km,
      year: v.year,
      fuel: v.fuel,
      transmission: v.transmission,
      power_kw: v.power_kw,
      color: v.color,
      description: v.description,
    }));
}

const EXTRA: Car[] = [
  {
    external_id: 'AB-0991',
    make: 'Opel',
    model: 'Astra Sports Tourer',
    variant: '1.2 Turbo Elegance',
    price: 17990,
    mileage_km: 41200,
    year: 2021,
    fuel: 'petrol',
    transmission: 'manual',
    power_kw: 96,
    color: 'Kristall-Silber Metallic',
    description: 'Opel Astra Sports Tourer, scheckheftgepflegt, Sitzheizung, Rückfahrkamera.',
  },
  {
    external_id: 'AB-0992',
    make: 'Volkswagen',
    model: 'up!',
    variant: '1.0 move up!',
    price: 9990,
    mileage_km: 28700,
    year: 2020,
    fuel: 'petrol',
    transmission: 'manual',
    power_kw: 48,
    color: 'Tornadorot',
    description: 'Sparsamer Stadtflitzer, Klimaanlage, maps + more.',
  },
];

const withPhotos = (c: Car): Car => ({
  ...c,
  images: VIEWS.slice(0, photoCount(c)).map((view) => photoUrl(c.external_id, view)),
});

/** The two deliveries, as the dealer system uploads them (JSON snapshots). */
export function demoDeliveries(): [string, string][] {
  const earlier = [...cars(), ...EXTRA];
  // Today every seventh car is 500 € cheaper (history: Preisänderung) and the two extra cars are gone (verkauft).
  const today = cars().map((c, i) => (i % 7 === 3 ? { ...c, price: Number(c.price) - 500 } : c));
  return [
    ['bestand-vorwoche.json', JSON.stringify({ mode: 'snapshot', vehicles: earlier.map(withPhotos) })],
    ['bestand-heute.json', JSON.stringify({ mode: 'snapshot', vehicles: today.map(withPhotos) })],
  ];
}

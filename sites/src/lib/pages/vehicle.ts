import { imagePath } from '@carbot/core/sites/images';
import { car } from '@carbot/core/sites/jsonld';
import { vehiclePath, WORKSHOP_PATHS } from '@carbot/core/sites/routes';
import { plainExcerpt } from '@carbot/core/sites/seo';
import { isNewUnderEnvkv } from '@carbot/core/sync/envkv';
import { vehicleById } from '../directus/index.ts';
import { crumbs, type PageContext } from './context.ts';

const num = (v: unknown) => (v === null || v === undefined || v === '' ? null : Number(v));

/** The photos in order: the gallery; a vehicle entered by hand may only have its main image. */
function photosOf(vehicle: NonNullable<Awaited<ReturnType<typeof vehicleById>>>) {
  const rows = (Array.isArray(vehicle.photos) ? vehicle.photos : []) as unknown[];
  const photos = rows
    .map((p) => p as { file?: unknown; alt?: unknown } | null)
    .filter((p) => typeof p?.file === 'string')
    .map((p) => ({ file: String(p?.file), alt: typeof p?.alt === 'string' && p.alt ? p.alt : null }));
  if (vehicle.cover_image && !photos.some((p) => p.file === vehicle.cover_image))
    photos.unshift({ file: vehicle.cover_image, alt: null });
  return photos;
}

export async function loadVehicle(ctx: PageContext<'vehicle'>) {
  const w = ctx.site.workshop;
  const vehicle = await vehicleById(w.id, ctx.route.id);
  if (!vehicle) return null;
  const title = `${vehicle.make} ${vehicle.model}${vehicle.variant ? ` ${vehicle.variant}` : ''}`;
  const photos = photosOf(vehicle);
  const isNew = isNewUnderEnvkv(
    { first_registration: vehicle.first_registration, mileage_km: vehicle.mileage_km, year: vehicle.year },
    new Date(),
  );
  const envkv = {
    consumptionFuel: num(vehicle.consumption_fuel),
    consumptionPower: num(vehicle.consumption_power),
    co2: num(vehicle.co2_emissions),
    co2Class: vehicle.co2_class,
  };
  return {
    vehicle,
    photos,
    isNew,
    envkv,
    seo: {
      title,
      description: plainExcerpt(vehicle.description) || title,
      jsonLd: [
        car({
          url: ctx.abs(vehiclePath(vehicle.id)),
          name: title,
          make: vehicle.make,
          model: vehicle.model,
          variant: vehicle.variant,
          description: plainExcerpt(vehicle.description),
          images: photos.slice(0, 10).map((p) => ctx.origin + imagePath(p.file, 1200)),
          price: num(vehicle.price),
          reserved: vehicle.status === 'reserved',
          isNew,
          mileageKm: vehicle.mileage_km,
          firstRegistration: vehicle.first_registration,
          year: vehicle.year,
          fuel: vehicle.fuel ? (ctx.t.fuels[vehicle.fuel] ?? vehicle.fuel) : null,
          transmission: vehicle.transmission
            ? (ctx.t.transmissions[vehicle.transmission] ?? vehicle.transmission)
            : null,
          bodyType: vehicle.body_type,
          color: vehicle.color,
          doors: vehicle.doors,
          seats: vehicle.seats,
          previousOwners: vehicle.previous_owners,
          powerKw: vehicle.power_kw,
          vin: vehicle.vin,
          consumptionFuel: envkv.consumptionFuel,
          consumptionPower: envkv.consumptionPower,
          co2: envkv.co2,
          seller: { name: w.name, url: ctx.abs('/') },
        }),
        crumbs(ctx, [
          [ctx.t.vehicles, WORKSHOP_PATHS.vehicles],
          [title, vehiclePath(vehicle.id)],
        ]),
      ],
    },
  };
}

import { vehiclePath, WORKSHOP_PATHS } from '@carbot/core/sites/routes';
import { plainExcerpt } from '@carbot/core/sites/seo';
import { vehicleById } from '../directus/index.ts';
import { crumbs, type PageContext } from './context.ts';

export async function loadVehicle(ctx: PageContext<'vehicle'>) {
  const vehicle = await vehicleById(ctx.site.workshop.id, ctx.route.id);
  if (!vehicle) return null;
  const title = `${vehicle.make} ${vehicle.model}${vehicle.variant ? ` ${vehicle.variant}` : ''}`;
  return {
    vehicle,
    seo: {
      title,
      description: plainExcerpt(vehicle.description) || title,
      jsonLd: [
        crumbs(ctx, [
          [ctx.t.vehicles, WORKSHOP_PATHS.vehicles],
          [title, vehiclePath(vehicle.id)],
        ]),
      ],
    },
  };
}

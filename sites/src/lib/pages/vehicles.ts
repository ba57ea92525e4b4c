import { hasVehicleFilter, parseVehicleFilter } from '@carbot/core/sites/query';
import { WORKSHOP_PATHS } from '@carbot/core/sites/routes';
import { vehiclesOf } from '../directus/index.ts';
import { crumbs, type PageContext } from './context.ts';

export async function loadVehicles(ctx: PageContext<'vehicles'>) {
  const w = ctx.site.workshop;
  // The same parse the page cache keys on (core/sites/query), so a cached page is exactly this filter.
  const filter = parseVehicleFilter(ctx.url.searchParams);
  const all = await vehiclesOf(w.id);
  const vehicles = hasVehicleFilter(filter) ? await vehiclesOf(w.id, filter) : all;
  return {
    filter,
    vehicles,
    makes: [...new Set(all.map((v) => v.make))].sort((a, b) => a.localeCompare(b, 'de')),
    fuels: [...new Set(all.map((v) => v.fuel).filter((f): f is string => Boolean(f)))],
    seo: {
      title: ctx.t.vehiclesTitle,
      description: `${ctx.t.vehiclesTitle}: ${all.length} – ${w.name}`,
      jsonLd: [crumbs(ctx, [[ctx.t.vehicles, WORKSHOP_PATHS.vehicles]])],
    },
  };
}

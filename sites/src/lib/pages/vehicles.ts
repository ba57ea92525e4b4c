import { parseVehicleFilter, type VehicleFilter, vehicleFilterQuery } from '@carbot/core/sites/query';
import { WORKSHOP_PATHS } from '@carbot/core/sites/routes';
import { vehicleList } from '../directus/index.ts';
import { crumbs, type PageContext } from './context.ts';

export async function loadVehicles(ctx: PageContext<'vehicles'>) {
  const w = ctx.site.workshop;
  // The same parse the page cache keys on (core/sites/query), so a cached page is exactly this filter.
  const filter = parseVehicleFilter(ctx.url.searchParams);
  const list = await vehicleList(w.id, filter);
  // Links to other pages of the same selection, in the canonical form the cache keys on.
  const pageQuery = (page: number) => vehicleFilterQuery({ ...filter, page } satisfies VehicleFilter);
  return {
    filter,
    ...list,
    prev: list.page > 1 ? pageQuery(list.page - 1) : null,
    next: list.page < list.pages ? pageQuery(list.page + 1) : null,
    seo: {
      title: list.page > 1 ? `${ctx.t.vehiclesTitle} (${list.page})` : ctx.t.vehiclesTitle,
      description: `${ctx.t.vehiclesTitle}: ${list.total} – ${w.name}`,
      jsonLd: [crumbs(ctx, [[ctx.t.vehicles, WORKSHOP_PATHS.vehicles]])],
    },
  };
}

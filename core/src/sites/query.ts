/**
 * The query parameters a page reads, parsed once. The page applies exactly what this returns and the page
 * cache keys on exactly its canonical form, so no request can make a page render differently from what
 * its cache key says (a parameter the key dropped but the page applied let one visitor poison the page
 * for everybody). Invalid, over-long or repeated parameters are ignored by both.
 */
import { matchWorkshopRoute } from './routes.ts';

export type VehicleSort = 'price' | '-price' | 'year';
export type VehicleFilter = { fuel?: string; make?: string; maxPrice?: number; sort?: VehicleSort };

const SORTS: readonly VehicleSort[] = ['price', '-price', 'year'];
const FUEL = /^[a-z_]{2,20}$/;
// Makes as vehicles list them: letters (incl. umlauts), digits, space, dot, hyphen, ampersand, slash.
const MAKE = /^[\p{L}\p{N}][\p{L}\p{N} .&/-]{0,39}$/u;
const PRICE = /^[1-9]\d{0,6}$/;

/** One value of a parameter, or undefined when it is missing or repeated (ambiguous). */
function single(params: URLSearchParams, name: string): string | undefined {
  const all = params.getAll(name);
  return all.length === 1 ? all[0] : undefined;
}

export function parseVehicleFilter(params: URLSearchParams): VehicleFilter {
  const filter: VehicleFilter = {};
  const fuel = single(params, 'fuel');
  if (fuel && FUEL.test(fuel)) filter.fuel = fuel;
  const make = single(params, 'make');
  if (make && MAKE.test(make) && make.trim() === make) filter.make = make;
  const price = single(params, 'max_price');
  if (price && PRICE.test(price)) filter.maxPrice = Number(price);
  const sort = single(params, 'sort');
  const known = SORTS.find((s) => s === sort);
  if (known) filter.sort = known;
  return filter;
}

/** The canonical query of a filter: fixed order, only what is applied. */
export function vehicleFilterQuery(filter: VehicleFilter): string {
  const out = new URLSearchParams();
  if (filter.fuel) out.set('fuel', filter.fuel);
  if (filter.make) out.set('make', filter.make);
  if (filter.maxPrice) out.set('max_price', String(filter.maxPrice));
  if (filter.sort) out.set('sort', filter.sort);
  return out.toString();
}

export const hasVehicleFilter = (filter: VehicleFilter) => Object.values(filter).some((v) => v !== undefined);

/**
 * The part of a request's query that changes the page at this path (workshop paths only: the platform
 * site reads no query parameters); '' when none does.
 */
export function pageQuery(pathname: string, params: URLSearchParams): string {
  // Raw and decoded: whichever form the renderer matches routes on, the key covers it.
  const vehicles = [pathname, safeDecode(pathname)].some((p) => matchWorkshopRoute(p)?.route.page === 'vehicles');
  return vehicles ? vehicleFilterQuery(parseVehicleFilter(params)) : '';
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

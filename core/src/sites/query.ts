/**
 * The query parameters a page reads, parsed once. The page applies exactly what this returns and the page
 * cache keys on exactly its canonical form, so no request can make a page render differently from what
 * its cache key says (a parameter the key dropped but the page applied let one visitor poison the page
 * for everybody). Invalid, over-long or repeated parameters are ignored by both.
 */
import { matchWorkshopRoute } from './routes.ts';

export type VehicleSort = 'price' | '-price' | 'year' | 'mileage';
export type VehicleFilter = {
  fuel?: string;
  make?: string;
  model?: string;
  minPrice?: number;
  maxPrice?: number;
  maxKm?: number;
  minYear?: number;
  sort?: VehicleSort;
  /** 1-based page of the list; absent = the first. */
  page?: number;
};

const SORTS: readonly VehicleSort[] = ['price', '-price', 'year', 'mileage'];
const FUEL = /^[a-z_]{2,20}$/;
// Makes and models as vehicles list them: letters (incl. umlauts), digits, space, dot, hyphen, ampersand, slash.
const NAME = /^[\p{L}\p{N}][\p{L}\p{N} .&/+-]{0,39}$/u;
const AMOUNT = /^[1-9]\d{0,6}$/;
const YEAR = /^(19|20)\d\d$/;
const PAGE = /^[1-9]\d{0,3}$/;

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
  if (make && NAME.test(make) && make.trim() === make) filter.make = make;
  // A model only means something within its make.
  const model = single(params, 'model');
  if (filter.make && model && NAME.test(model) && model.trim() === model) filter.model = model;
  const amount = (name: string) => {
    const v = single(params, name);
    return v && AMOUNT.test(v) ? Number(v) : undefined;
  };
  const minPrice = amount('min_price');
  if (minPrice) filter.minPrice = minPrice;
  const maxPrice = amount('max_price');
  if (maxPrice) filter.maxPrice = maxPrice;
  const maxKm = amount('max_km');
  if (maxKm) filter.maxKm = maxKm;
  const year = single(params, 'min_year');
  if (year && YEAR.test(year)) filter.minYear = Number(year);
  const sort = single(params, 'sort');
  const known = SORTS.find((s) => s === sort);
  if (known) filter.sort = known;
  const page = single(params, 'page');
  if (page && PAGE.test(page) && page !== '1') filter.page = Number(page);
  return filter;
}

/** The canonical query of a filter: fixed order, only what is applied. */
export function vehicleFilterQuery(filter: VehicleFilter): string {
  const out = new URLSearchParams();
  if (filter.fuel) out.set('fuel', filter.fuel);
  if (filter.make) out.set('make', filter.make);
  if (filter.make && filter.model) out.set('model', filter.model);
  if (filter.minPrice) out.set('min_price', String(filter.minPrice));
  if (filter.maxPrice) out.set('max_price', String(filter.maxPrice));
  if (filter.maxKm) out.set('max_km', String(filter.maxKm));
  if (filter.minYear) out.set('min_year', String(filter.minYear));
  if (filter.sort) out.set('sort', filter.sort);
  if (filter.page && filter.page > 1) out.set('page', String(filter.page));
  return out.toString();
}

/** True when the filter narrows the list (sorting and paging do not). */
export const hasVehicleFilter = ({ sort: _s, page: _p, ...rest }: VehicleFilter) =>
  Object.values(rest).some((v) => v !== undefined);

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

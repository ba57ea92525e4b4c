import { describe, expect, test } from 'vitest';
import { hasVehicleFilter, pageQuery, parseVehicleFilter, type VehicleFilter, vehicleFilterQuery } from './query.ts';

const parse = (q: string) => parseVehicleFilter(new URLSearchParams(q));

describe('vehicle filter: what the page applies', () => {
  test.each<[string, VehicleFilter]>([
    ['', {}],
    [
      'fuel=diesel&make=BMW&max_price=20000&sort=-price',
      { fuel: 'diesel', make: 'BMW', maxPrice: 20000, sort: '-price' },
    ],
    ['make=Mercedes-Benz', { make: 'Mercedes-Benz' }],
    ['make=Citro%C3%ABn', { make: 'Citroën' }],
    [`max_price=${'9'.repeat(61)}`, {}],
    ['max_price=1e3', {}],
    ['max_price=0', {}],
    ['max_price=-5', {}],
    ['max_price=0x10', {}],
    ['max_price=%2010', {}],
    ['max_price=10000000', {}],
    ['max_price=9999999', { maxPrice: 9999999 }],
    ['max_price=1000&max_price=2000', {}],
    ['make=BMW&make=Audi', {}],
    [`make=${'A'.repeat(41)}`, {}],
    ['make=%20BMW', {}],
    ['make=<script>', {}],
    ['fuel=DIESEL', {}],
    ['sort=price;drop', {}],
    ['sort=year', { sort: 'year' }],
    ['sort=mileage', { sort: 'mileage' }],
    ['make=BMW&model=3er+Touring', { make: 'BMW', model: '3er Touring' }],
    ['model=Golf', {}],
    ['make=VW&model=%3Cb%3E', { make: 'VW' }],
    ['min_price=5000&max_price=20000', { minPrice: 5000, maxPrice: 20000 }],
    ['max_km=50000', { maxKm: 50000 }],
    ['max_km=-1', {}],
    ['min_year=2019', { minYear: 2019 }],
    ['min_year=1850', {}],
    ['min_year=20190', {}],
    ['page=3', { page: 3 }],
    ['page=1', {}],
    ['page=0', {}],
    ['page=99999', {}],
    ['page=2&page=3', {}],
  ])('%s', (query, expected) => {
    expect(parse(query)).toEqual(expected);
  });
});

describe('page query: what the cache key holds', () => {
  test.each([
    ['/fahrzeuge', 'sort=price&fuel=diesel&utm=1', 'fuel=diesel&sort=price'],
    ['/en/fahrzeuge', 'make=BMW', 'make=BMW'],
    ['/%66ahrzeuge', 'make=BMW', 'make=BMW'],
    ['/fahrzeuge', `max_price=${'1'.repeat(61)}`, ''],
    ['/fahrzeuge', 'max_price=1000&max_price=1', ''],
    ['/', 'make=BMW', ''],
    ['/kontakt', 'max_price=1', ''],
    ['/fahrzeuge', 'page=2&make=VW&model=Golf&max_km=1000', 'make=VW&model=Golf&max_km=1000&page=2'],
  ])('%s?%s', (path, query, expected) => {
    expect(pageQuery(path, new URLSearchParams(query))).toBe(expected);
  });

  test('the key of a filter reads back as the same filter', () => {
    const filter: VehicleFilter = {
      fuel: 'electric',
      make: 'Škoda',
      model: 'Enyaq iV',
      minPrice: 5000,
      maxPrice: 15000,
      maxKm: 80000,
      minYear: 2020,
      sort: 'year',
      page: 4,
    };
    expect(parseVehicleFilter(new URLSearchParams(vehicleFilterQuery(filter)))).toEqual(filter);
  });
});

test.each<[VehicleFilter, boolean]>([
  [{}, false],
  [{ sort: 'price', page: 2 }, false],
  [{ maxKm: 1000 }, true],
  [{ make: 'VW' }, true],
])('narrows the list: %j', (filter, expected) => {
  expect(hasVehicleFilter(filter)).toBe(expected);
});

import { describe, expect, test } from 'vitest';
import { matchVehicles, type StockRow, toStock } from './vehicle-match.ts';
import { parseVehicleQuery } from './vehicle-query.ts';

const car = (id: string, make: string, model: string, extra: Partial<StockRow> = {}): StockRow => ({
  id,
  make,
  model,
  variant: null,
  year: 2020,
  mileage_km: 40_000,
  fuel: 'petrol',
  transmission: 'manual',
  price: 20_000,
  status: 'available',
  ...extra,
});

const STOCK = toStock([
  car('golf', 'Volkswagen', 'Golf', { variant: '1.5 TSI DSG', transmission: 'automatic', price: 23_490 }),
  car('polo', 'VW', 'Polo', { price: 15_990, year: 2021, mileage_km: 28_400 }),
  car('passat', 'Volkswagen', 'Passat Variant', { fuel: 'diesel', price: 21_990, mileage_km: 98_500 }),
  car('bmw', 'BMW', '320d Touring', { fuel: 'diesel', price: 27_990, transmission: 'automatic' }),
  car('tesla', 'Tesla', 'Model 3', { fuel: 'electric', price: 29_990 }),
  car('kona', 'Hyundai', 'Kona Elektro', { fuel: 'electric', price: 19_990, mileage_km: 39_000 }),
  car('tiguan', 'VW', 'Tiguan', { price: null }),
  car('sold', 'Volkswagen', 'Golf', { status: 'sold', price: 9_990 }),
  car('reserved', 'Skoda', 'Octavia Combi', { fuel: 'diesel', price: 16_490, status: 'reserved', year: 2019 }),
]);

const ids = (question: string) => matchVehicles(STOCK, parseVehicleQuery(question)).map((v) => v.id);

describe('matching a question against the stock', () => {
  test.each([
    ['Habt ihr einen VW Golf?', ['golf']],
    ['Gibt es einen VW Golf Automatik?', ['golf']],
    ['Habt ihr einen VW in Schwarz?', ['polo', 'passat', 'golf']],
    ['Habt ihr ein Auto unter 20.000 €?', ['kona', 'reserved', 'polo']],
    ['Any electric cars for sale?', ['kona', 'tesla']],
    ['Ich suche einen Diesel', ['reserved', 'passat', 'bmw']],
    ['Ich suche einen Kombi', ['reserved', 'passat', 'bmw']],
    ['Ich suche einen Elektro-SUV', ['kona']],
    ['Ich suche einen SUV', ['kona', 'tiguan']],
    ['Auto mit wenig Kilometern unter 20.000 €', ['kona', 'reserved', 'polo']],
    ['Auto mit wenig Kilometern unter 16.000 €', ['polo']],
    ['Auto ab 2021', ['polo']],
    ['Tesla Model 3', ['tesla']],
  ])('%s → %j', (question, expected) => {
    expect(ids(question)).toEqual(expected);
  });

  test('a car without a price is never in a price range, and comes last otherwise', () => {
    expect(ids('VW unter 30.000 €')).not.toContain('tiguan');
    expect(matchVehicles(STOCK, parseVehicleQuery('Habt ihr einen VW?'), 10).at(-1)?.id).toBe('tiguan');
  });

  test('sold cars are never offered', () => {
    expect(matchVehicles(STOCK, parseVehicleQuery('Golf'), 10).map((v) => v.id)).toEqual(['golf']);
  });
});

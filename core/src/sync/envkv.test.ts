import { describe, expect, test } from 'vitest';
import { envkvMessage, isNewUnderEnvkv, missingEnvkvFields, publishRefusal } from './envkv.ts';
import type { VehicleRecord } from './record.ts';

const today = new Date('2026-11-29T12:00:00Z');
type Subject = Parameters<typeof missingEnvkvFields>[0];
const car = (over: Partial<VehicleRecord> = {}): Subject => ({
  first_registration: '2020-01',
  year: 2020,
  mileage_km: 80_000,
  fuel: 'petrol',
  consumption_fuel: null,
  consumption_power: null,
  co2_emissions: null,
  co2_class: null,
  ...over,
});

describe('isNewUnderEnvkv', () => {
  test.each([
    ['never registered, no mileage', { first_registration: null, mileage_km: null }, true],
    ['registered 7 months ago', { first_registration: '2026-04', mileage_km: 5000 }, true],
    ['registered 8 months ago', { first_registration: '2026-03', mileage_km: 5000 }, false],
    ['old but 999 km (day registration kept)', { first_registration: '2019-05', mileage_km: 999 }, true],
    ['old, exactly 1,000 km', { first_registration: '2019-05', mileage_km: 1000 }, false],
    ['registered this month', { first_registration: '2026-11', mileage_km: 20 }, true],
    ['old, mileage unknown', { first_registration: '2015-01', mileage_km: null }, false],
    ['last December, across the year boundary (11 months)', { first_registration: '2025-12', mileage_km: 3000 }, false],
    ['this April, 7 months', { first_registration: '2026-04', mileage_km: 3000 }, true],
    ['only the year, long ago', { first_registration: null, year: 2021, mileage_km: 40000 }, false],
    ['only this year: assumed December, new', { first_registration: null, year: 2026, mileage_km: 40000 }, true],
    [
      'only last year: December 2025 is 11 months ago',
      { first_registration: null, year: 2025, mileage_km: 40000 },
      false,
    ],
  ])('%s → %s', (_name, v, expected) => {
    expect(isNewUnderEnvkv(v, today)).toBe(expected);
  });
});

describe('missingEnvkvFields', () => {
  const fresh = { first_registration: '2026-10', mileage_km: 10 };
  test.each([
    ['used car needs nothing', car(), []],
    ['new petrol car without figures', car(fresh), ['consumption_fuel', 'co2_emissions', 'co2_class']],
    ['new petrol car with figures', car({ ...fresh, consumption_fuel: 5.4, co2_emissions: 123, co2_class: 'D' }), []],
    [
      'new electric car needs electricity, not fuel',
      car({ ...fresh, fuel: 'electric', co2_emissions: 0, co2_class: 'A' }),
      ['consumption_power'],
    ],
    [
      'new plug-in hybrid needs both consumptions',
      car({ ...fresh, fuel: 'plugin_hybrid', consumption_fuel: 1.2, co2_emissions: 28, co2_class: 'B' }),
      ['consumption_power'],
    ],
    [
      'new plug-in hybrid complete',
      car({
        ...fresh,
        fuel: 'plugin_hybrid',
        consumption_fuel: 1.2,
        consumption_power: 16.5,
        co2_emissions: 28,
        co2_class: 'B',
      }),
      [],
    ],
    ['zero CO₂ counts as given', car({ ...fresh, consumption_fuel: 0, co2_emissions: 0, co2_class: 'A' }), []],
  ])('%s', (_name, v, expected) => {
    expect(missingEnvkvFields(v, today)).toEqual(expected);
  });

  test('the message names the German fields', () => {
    expect(envkvMessage(['consumption_fuel', 'co2_class'])).toBe(
      'Neufahrzeug nach Pkw-EnVKV: Verbrauch kombiniert, CO₂-Klasse fehlt – wird nicht veröffentlicht.',
    );
  });
});

describe('publishRefusal: a hand edit that would show a new car without its figures', () => {
  const figures = { consumption_fuel: '5,1'.replace(',', '.'), co2_emissions: 118, co2_class: 'D' };
  test.each<[string, Record<string, unknown>, RegExp | null]>([
    ['used car, no figures', { status: 'available', first_registration: '2020-01', mileage_km: 80_000 }, null],
    [
      'new car, no figures',
      { status: 'available', first_registration: '2026-09', mileage_km: 10, fuel: 'petrol' },
      /Pkw-EnVKV.*Verbrauch kombiniert.*CO₂-Emissionen.*CO₂-Klasse.*Entwurf/,
    ],
    ['new car as draft', { status: 'draft', mileage_km: 10 }, null],
    ['new car, sold', { status: 'sold', mileage_km: 10 }, null],
    ['new car with figures', { status: 'reserved', mileage_km: 10, fuel: 'petrol', ...figures }, null],
    ['new car, decimals as text from the database', { mileage_km: '12', ...figures, co2_emissions: '118' }, null],
    [
      'new plug-in hybrid without electricity consumption',
      { status: 'available', mileage_km: 5, fuel: 'plugin_hybrid', ...figures },
      /Stromverbrauch/,
    ],
    ['nothing about its age: not judged', { status: 'available', make: 'X', model: 'Y' }, null],
    [
      'empty strings count as missing',
      { status: 'available', mileage_km: 5, fuel: 'petrol', co2_class: ' ' },
      /CO₂-Klasse/,
    ],
  ])('%s', (_name, row, expected) => {
    const refusal = publishRefusal(row, today);
    if (expected === null) expect(refusal).toBeNull();
    else expect(refusal).toMatch(expected);
  });
});

import { describe, expect, test } from 'vitest';
import { type CarFacts, car, jsonLdString } from './jsonld.ts';

const base: CarFacts = {
  url: 'https://a.example/fahrzeuge/1',
  name: 'VW Golf',
  make: 'Volkswagen',
  model: 'Golf',
  images: [],
  reserved: false,
  isNew: false,
  seller: { name: 'Autohaus A', url: 'https://a.example/' },
};

describe('schema.org Car', () => {
  test.each<[string, Partial<CarFacts>, Record<string, unknown>]>([
    ['used, no price: no offer', {}, { itemCondition: 'https://schema.org/UsedCondition', offers: undefined }],
    [
      'new with price',
      { isNew: true, price: 31990 },
      {
        itemCondition: 'https://schema.org/NewCondition',
        offers: expect.objectContaining({
          price: 31990,
          priceCurrency: 'EUR',
          availability: 'https://schema.org/InStock',
        }),
      },
    ],
    [
      'reserved',
      { price: 1, reserved: true },
      { offers: expect.objectContaining({ availability: 'https://schema.org/LimitedAvailability' }) },
    ],
    [
      'mileage and power with UN/CEFACT units',
      { mileageKm: 45000, powerKw: 110 },
      {
        mileageFromOdometer: { '@type': 'QuantitativeValue', value: 45000, unitCode: 'KMT' },
        vehicleEngine: expect.objectContaining({ enginePower: expect.objectContaining({ unitCode: 'KWT' }) }),
      },
    ],
    [
      'plug-in hybrid: both consumption figures',
      { consumptionFuel: 1.2, consumptionPower: 16.5, co2: 27 },
      {
        fuelConsumption: [
          { '@type': 'QuantitativeValue', value: 1.2, unitText: 'l/100 km' },
          { '@type': 'QuantitativeValue', value: 16.5, unitText: 'kWh/100 km' },
        ],
        emissionsCO2: 27,
      },
    ],
    ['empty values left out', { vin: null, color: '' }, { vehicleIdentificationNumber: undefined, color: undefined }],
  ])('%s', (_name, facts, expected) => {
    const out = car({ ...base, ...facts }) as Record<string, unknown>;
    expect(out['@type']).toBe('Car');
    for (const [k, v] of Object.entries(expected)) expect(out[k], k).toEqual(v);
  });

  test('cannot close its script element', () => {
    expect(jsonLdString(car({ ...base, description: '</script><script>alert(1)</script>' }))).not.toContain('<');
  });
});

import { expect, test } from 'vitest';
import { parseVehicleQuery } from './vehicle-query.ts';

test.each([
  // German
  ['Habt ihr ein Auto unter 20.000 €?', { car: true, price: { max: 20000 } }],
  [
    'Habt ihr einen BMW 3er Diesel unter 30.000 Euro?',
    { make: ['bmw'], model: '3er', fuel: ['diesel'], price: { max: 30000 } },
  ],
  ['Gibt es einen VW Golf Automatik?', { make: ['vw', 'volkswagen'], model: 'golf', transmission: 'automatic' }],
  ['Ich suche einen Elektro-SUV mit wenig Kilometern', { fuel: ['electric'], body: 'suv', mileage: { max: 50000 } }],
  [
    'Kombi zwischen 10.000 und 15.000 Euro ab 2018',
    { body: 'estate', price: { min: 10000, max: 15000 }, year: { min: 2018 } },
  ],
  ['Golf bis 20 Tsd. mit unter 80.000 km', { model: 'golf', price: { max: 20000 }, mileage: { max: 80000 } }],
  ['Auto über 15.000 €', { car: true, price: { min: 15000 } }],
  // English
  ['Do you have a car under 20k?', { car: true, price: { max: 20000 } }],
  ['Any electric cars below €25,000?', { fuel: ['electric'], price: { max: 25000 } }],
  [
    'used Skoda Octavia estate less than 100,000 km',
    { make: ['skoda', 'škoda'], model: 'octavia', body: 'estate', mileage: { max: 100000 } },
  ],
  ['hybrid from 2020', { fuel: ['hybrid', 'plugin_hybrid'], year: { min: 2020 } }],
  // Turkish
  ['20 bin altında araba var mı?', { car: true, price: { max: 20000 } }],
  ['20.000 € altı dizel araç', { car: true, fuel: ['diesel'], price: { max: 20000 } }],
  ['Elektrikli araba 30 bin euroya kadar', { car: true, fuel: ['electric'], price: { max: 30000 } }],
  ['Mercedes var mı?', { make: ['mercedes-benz', 'mercedes'] }],
  // Polish
  ['Czy macie samochód poniżej 20 tys. euro?', { car: true, price: { max: 20000 } }],
  ['samochód do 20 tys.', { car: true, price: { max: 20000 } }],
  ['Szukam diesla z przebiegiem poniżej 100 000 km', { fuel: ['diesel'], mileage: { max: 100000 } }],
  ['Auto elektryczne powyżej 30 tys.', { fuel: ['electric'], price: { min: 30000 } }],
  ['samochód od 10 do 20 tys. euro', { car: true, price: { min: 10000, max: 20000 } }],
  ['between 10k and 15k', { price: { min: 10000, max: 15000 } }],
])('%s', (question, expected) => {
  const parsed = parseVehicleQuery(question);
  expect(parsed).toMatchObject({ ...expected, about: true });
});

test.each([
  'Was kostet ein Ölwechsel?',
  'Are you open on Saturday?',
  'Yağ değişimi ne kadar?',
  'Ile kosztuje wymiana oleju?',
  'Wie kann ich bezahlen?',
])('not about cars for sale: %s', (question) => {
  expect(parseVehicleQuery(question).about).toBe(false);
});

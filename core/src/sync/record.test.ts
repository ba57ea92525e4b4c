import { describe, expect, test } from 'vitest';
import {
  normaliseVehicle,
  parseBoolean,
  parseMonth,
  parseNumber,
  recordColumns,
  recordFromRow,
  recordHash,
  type VehicleRecord,
} from './record.ts';

const minimal = { external_id: 'A-1', make: 'VW', model: 'Golf', price: '12.990' };

const ok = (raw: Record<string, unknown>): VehicleRecord => {
  const r = normaliseVehicle(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.record;
};

describe('parseNumber', () => {
  test.each([
    ['12990', 12990],
    ['12.990', 12990],
    ['12.990,00', 12990],
    ['12,990.00', 12990],
    ['12.990,- €', 12990],
    ['€ 12 990', 12990],
    ['1.234.567', 1234567],
    ['45.000 km', 45000],
    ['5,4', 5.4],
    ['5.4', 5.4],
    ['5,45', 5.45],
    ['0,5', 0.5],
    ['150 kW', 150],
    ['123 g/km', 123],
    ['6,1 l/100 km', 6.1],
    [1234.5, 1234.5],
    ['', null],
    ['  ', null],
    [null, null],
  ])('%j → %j', (input, expected) => {
    expect(parseNumber(input)).toBe(expected);
  });

  test.each(['zwölf', '12a', 'NaN', '1-2'])('%j is refused', (input) => {
    expect(() => parseNumber(input)).toThrow(/ist keine Zahl/);
  });
});

describe('parseMonth', () => {
  test.each([
    ['03/2021', '2021-03'],
    ['3/2021', '2021-03'],
    ['03.2021', '2021-03'],
    ['2021-03', '2021-03'],
    ['2021-3', '2021-03'],
    ['2021-03-15', '2021-03'],
    ['2021-03-15T00:00:00Z', '2021-03'],
    ['15.03.2021', '2021-03'],
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(parseMonth(input)).toBe(expected);
  });

  test.each(['2021', '13/2021', '00/2021', 'März 2021', '03/21'])('%j is refused', (input) => {
    expect(() => parseMonth(input)).toThrow();
  });
});

describe('parseBoolean', () => {
  test.each([
    ['ja', true],
    ['Ja', true],
    ['1', true],
    ['x', true],
    ['true', true],
    ['nein', false],
    ['0', false],
    [false, false],
    [1, true],
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(parseBoolean(input)).toBe(expected);
  });
});

describe('normaliseVehicle', () => {
  test('fills every field, null where not given', () => {
    const r = ok(minimal);
    expect(r).toMatchObject({
      external_id: 'A-1',
      make: 'VW',
      model: 'Golf',
      price: 12990,
      fuel: null,
      equipment: [],
      images: [],
    });
    expect(Object.values(r).some((v) => v === undefined)).toBe(false);
  });

  test.each([
    ['fuel', { fuel: 'Benzin' }, 'petrol'],
    ['fuel', { fuel: 'DIESEL' }, 'diesel'],
    ['fuel', { fuel: 'Elektro' }, 'electric'],
    ['fuel', { fuel: 'Plug-in-Hybrid' }, 'plugin_hybrid'],
    ['fuel', { fuel: 'Autogas (LPG)' }, 'lpg'],
    ['fuel', { fuel: 'plugin_hybrid' }, 'plugin_hybrid'],
    ['transmission', { transmission: 'Schaltgetriebe' }, 'manual'],
    ['transmission', { transmission: 'AUTOMATIC_GEAR' }, 'automatic'],
    ['body_type', { body_type: 'Kombi' }, 'estate'],
    ['body_type', { body_type: 'Cabrio/Roadster' }, 'convertible'],
    ['drive_type', { drive_type: 'Allrad' }, 'all'],
    ['power_ps', { power_kw: '110' }, 150],
    ['power_kw', { power_ps: '150 PS' }, 110],
    ['year', { first_registration: '05/2019', year: 2018 }, 2019],
    ['year', { year: '2018' }, 2018],
    ['vin', { vin: 'wvwzzz1jzxw000001' }, 'WVWZZZ1JZXW000001'],
    ['co2_class', { co2_class: 'd' }, 'D'],
    ['equipment', { equipment: 'Klimaanlage|Navi| Sitzheizung |Navi' }, ['Klimaanlage', 'Navi', 'Sitzheizung']],
    ['equipment', { equipment: ['ABS', 'ESP'] }, ['ABS', 'ESP']],
    [
      'images',
      { images: 'https://a.example/1.jpg|https://a.example/2.jpg' },
      ['https://a.example/1.jpg', 'https://a.example/2.jpg'],
    ],
    ['make', { make: '  Mercedes-Benz  ' }, 'Mercedes-Benz'],
    ['model', { model: 'C\u0007 200' }, 'C 200'],
    ['description', { description: 'Zeile 1\r\n\r\n\r\n\r\nZeile  2  ' }, 'Zeile 1\n\nZeile 2'],
    ['price', { price: 9999.999 }, 10000],
    ['accident_free', { accident_free: 'ja' }, true],
    ['hu_until', { hu_until: '08.2027' }, '2027-08'],
    ['external_id', { external_id: 4711 }, '4711'],
  ])('%s from %j', (field, over, expected) => {
    expect(ok({ ...minimal, ...over })[field as keyof VehicleRecord]).toEqual(expected);
  });

  test.each([
    [{ external_id: '' }, 'external_id', 'Pflichtfeld fehlt.'],
    [{ make: undefined }, 'make', 'Pflichtfeld fehlt.'],
    [{ price: '' }, 'price', 'Pflichtfeld fehlt.'],
    [{ price: 'auf Anfrage' }, 'price', '„auf Anfrage“ ist keine Zahl.'],
    [{ price: '-5' }, 'price', 'Muss zwischen 0 und 10000000 liegen.'],
    [{ fuel: 'Kohle' }, 'fuel', '„Kohle“ ist als Kraftstoff nicht bekannt.'],
    [{ vin: 'ABC' }, 'vin', 'Die FIN muss 17 Zeichen haben (hat 3).'],
    [{ first_registration: '2019' }, 'first_registration', '„2019“ ist kein Monat (MM/JJJJ).'],
    [{ images: 'ftp://x.example/a.jpg' }, 'images', '„ftp://x.example/a.jpg“: nur http- und https-Adressen.'],
    [{ images: 'kein bild' }, 'images', '„kein bild“ ist keine Adresse.'],
    [{ co2_class: 'H' }, 'co2_class', '„H“ ist keine CO₂-Klasse (A bis G).'],
    [{ doors: 12 }, 'doors', 'Muss zwischen 1 und 9 liegen.'],
    [{ make: 'x'.repeat(61) }, 'make', 'Höchstens 60 Zeichen.'],
    [{ make: { evil: true } }, 'make', 'Text erwartet.'],
  ])('%j is refused', (over, field, message) => {
    const r = normaliseVehicle({ ...minimal, ...over });
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.errors).toEqual([{ field, message }]);
  });

  test('reports every broken field of a row at once', () => {
    const r = normaliseVehicle({ external_id: 'X', price: 'teuer', fuel: 'Kohle' });
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(['fuel', 'make', 'model', 'price']);
  });
});

describe('recordHash', () => {
  test('the same vehicle written differently hashes the same', () => {
    const a = ok({ ...minimal, price: '12.990,00 €', fuel: 'Benzin', power_ps: '150', first_registration: '03/2021' });
    const b = ok({
      ...minimal,
      price: 12990,
      fuel: 'petrol',
      power_kw: 110,
      first_registration: '2021-03-01',
      ignored: 1,
    });
    expect(recordHash(a)).toBe(recordHash(b));
    expect(recordHash(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  test.each([
    ['price', { price: '12.991' }],
    ['mileage', { mileage_km: 1 }],
    ['image order', { images: 'https://a.example/2.jpg|https://a.example/1.jpg' }],
    ['description', { description: 'Neu' }],
    ['equipment', { equipment: 'Navi' }],
  ])('a changed %s changes the hash', (_name, over) => {
    const base = { ...minimal, images: 'https://a.example/1.jpg|https://a.example/2.jpg' };
    expect(recordHash(ok({ ...base, ...over }))).not.toBe(recordHash(ok(base)));
  });
});

describe('recordFromRow', () => {
  const full = ok({
    ...minimal,
    variant: 'GTI',
    vat_deductible: 'ja',
    accident_free: 'nein',
    mileage_km: 100,
    consumption_fuel: '5,4',
    equipment: 'Navi|ABS',
    images: 'https://a.example/1.jpg',
  });

  test('a stored record reads back equal (SQLite: booleans 0/1, JSON as text)', () => {
    const row = { ...recordColumns(full), vat_deductible: 1, accident_free: 0 };
    expect(recordFromRow(row)).toEqual(full);
    expect(recordHash(recordFromRow(row))).toBe(recordHash(full));
  });

  test('PostgreSQL rows: decimals as text, JSON parsed', () => {
    const row = {
      ...recordColumns(full),
      price: '12990.00',
      consumption_fuel: '5.4',
      equipment: ['Navi', 'ABS'],
      images: ['https://a.example/1.jpg'],
    };
    expect(recordFromRow(row)).toEqual(full);
  });
});

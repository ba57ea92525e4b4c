import { describe, expect, test } from 'vitest';
import { fts5Query, hoursText, servicePassage, terms, tsQuery, vehiclePassage, workshopPassage } from './retrieval.ts';

describe('query building', () => {
  test.each([
    ['Was kostet eine Inspektion?', ['inspektion']],
    ['Was kostet das bei euch?', ['kostet']],
    ['Wie lange dauert ein Reifenwechsel?', ['reifenwechsel']],
    ['Ich suche einen Elektro-SUV mit wenig Kilometern', ['elektro', 'suv', 'kilometern']],
    ['How much does an oil change cost?', ['oil', 'change']],
    ['Wann habt ihr am Samstag geöffnet?', ['samstag', 'öffnungszeiten']],
    ['Habt ihr morgen offen oder geschlossen?', ['morgen', 'öffnungszeiten']],
    ['What are your opening hours?', ['öffnungszeiten']],
    ['Habt ihr einen Golf mit Automatik?', ['golf', 'automatik']],
    ['Ölwechsel Ölwechsel ÖLWECHSEL', ['ölwechsel']],
    ['"; DROP TABLE leads; --', ['drop', 'table', 'leads']],
    ['NEAR(ab) OR x* AND y', ['near', 'ab']],
    ['???', []],
  ])('%s', (text, expected) => {
    expect(terms(text)).toEqual(expected);
  });

  test('FTS5 expressions quote every term so operators in user text stay words', () => {
    expect(fts5Query('Reifen NEAR wechsel')).toBe('"reifen"* OR "near"* OR "wechsel"*');
    expect(fts5Query('!!')).toBeNull();
  });

  test('tsquery expressions only contain letters, digits and operators we add', () => {
    expect(tsQuery("Klima'; select 10 --")).toBe('klima:* | select:* | 10');
    expect(fts5Query('BMW 3er unter 30.000 Euro')).toBe('"bmw"* OR "3er"* OR "30" OR "000" OR "euro"*');
  });

  test('at most 12 terms', () => {
    expect(terms(Array.from({ length: 30 }, (_, i) => `wort${i}`).join(' '))).toHaveLength(12);
  });
});

describe('passages', () => {
  test('a service states its price with "ab" and its duration', () => {
    const p = servicePassage('s1', { name: 'Inspektion', description: 'Nach Herstellervorgaben' }, '219.00', true, 150);
    expect(p.body.replace(/\u00a0/g, ' ')).toBe('Preis: ab 219,00 €. Nach Herstellervorgaben. Dauer: ca. 150 Minuten');
    expect(p.prices).toEqual([21900]);
    expect(p.path).toBe('/leistungen');
  });

  test('a description that ends with a full stop does not get a second one', () => {
    const p = servicePassage('s3', { name: 'HU', description: 'Mit Vorab-Check.' }, '149', false, 60);
    expect(p.body.replace(/\u00a0/g, ' ')).toBe('Preis: 149,00 €. Mit Vorab-Check. Dauer: ca. 60 Minuten');
  });

  test('a service without price says so and offers no amount to the guard', () => {
    const p = servicePassage('s2', { name: 'Unfallgutachten' }, null, false, null);
    expect(p.body).toBe('Preis auf Anfrage');
    expect(p.prices).toEqual([]);
  });

  test('a vehicle links to its page and carries its price', () => {
    const p = vehiclePassage('v1', {
      make: 'VW',
      model: 'Golf',
      variant: '1.5 TSI',
      year: 2021,
      mileage_km: 34500,
      fuel: 'petrol',
      price: '21990',
      status: 'reserved',
    });
    expect(p).toMatchObject({ title: 'VW Golf 1.5 TSI', path: '/fahrzeuge/v1', prices: [2199000] });
    expect(p.body.replace(/\u00a0/g, ' ')).toBe('Baujahr 2021, 34.500 km, Benzin, Preis 21.990,00 €, reserviert');
  });

  test('opening hours read as a sentence, closed days included', () => {
    expect(
      hoursText({
        mo: [
          ['07:30', '12:30'],
          ['13:15', '17:30'],
        ],
        sa: [],
      }),
    ).toContain('Montag: 07:30–12:30, 13:15–17:30; Dienstag: geschlossen');
  });

  test('the workshop passage carries contact data', () => {
    const p = workshopPassage({
      id: 'w',
      name: 'Autohaus',
      street: 'Str. 1',
      postal_code: '80000',
      city: 'München',
      phone: '089 1',
    });
    expect(p.body).toContain('Adresse: Str. 1, 80000 München. Telefon: 089 1');
  });
});

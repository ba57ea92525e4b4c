import { describe, expect, test } from 'vitest';
import {
  askedDays,
  clipPassage,
  focusPassage,
  fts5Query,
  hoursText,
  PASSAGE_LABELS,
  servicePassage,
  terms,
  tsQuery,
  vehiclePassage,
  workshopPassage,
} from './retrieval.ts';

describe('query building', () => {
  test.each([
    ['Was kostet eine Inspektion?', ['inspektion', 'wartung']],
    ['Was kostet das bei euch?', ['kostet']],
    ['Wie lange dauert ein Reifenwechsel?', ['räderwechsel', 'reifenwechsel', 'räder', 'reifen']],
    ['Ich suche einen Elektro-SUV mit wenig Kilometern', ['elektro', 'suv', 'geländewagen']],
    ['How much does an oil change cost?', ['ölwechsel', 'öl']],
    ['Wann habt ihr am Samstag geöffnet?', ['samstag', 'öffnungszeiten']],
    ['Habt ihr morgen offen oder geschlossen?', ['morgen', 'öffnungszeiten']],
    ['What are your opening hours?', ['öffnungszeiten']],
    ['Habt ihr einen Golf mit Automatik?', ['golf', 'automatik']],
    ['Ölwechsel Ölwechsel ÖLWECHSEL', ['ölwechsel', 'öl']],
    ['"; DROP TABLE leads; --', ['drop', 'table', 'leads']],
    ['NEAR(ab) OR x* AND y', ['near', 'ab']],
    ['???', []],
  ])('%s', (text, expected) => {
    expect(terms(text)).toEqual(expected);
  });

  test('FTS5 expressions quote every term so operators in user text stay words', () => {
    expect(fts5Query('Gummi NEAR wechsel')).toBe('"gummi"* OR "near"* OR "wechsel"*');
    expect(fts5Query('!!')).toBeNull();
  });

  test('tsquery expressions only contain letters, digits and operators we add', () => {
    expect(tsQuery("Kalt'; select 10 --")).toBe('kalt:* | select:* | 10');
    expect(fts5Query('BMW 3er unter 30.000 Euro')).toBe('"bmw"* OR "3er"* OR "30" OR "000"');
  });

  test('at most 16 terms', () => {
    expect(terms(Array.from({ length: 30 }, (_, i) => `wort${i}`).join(' '))).toHaveLength(16);
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

const HOURS = {
  mo: [
    ['07:30', '12:30'],
    ['13:15', '17:30'],
  ],
  tu: [['07:30', '17:30']],
  we: [['07:30', '17:30']],
  th: [['07:30', '17:30']],
  fr: [['07:30', '16:00']],
  sa: [['09:00', '13:00']],
  su: [],
} as Record<string, [string, string][]>;
const workshop = workshopPassage({
  id: 'w',
  name: 'Autohaus Beispiel',
  street: 'Musterstr. 1',
  postal_code: '80331',
  city: 'München',
  phone: '+49 89 555 0101',
  email: 'service@autohaus-beispiel.de',
  opening_hours: HOURS,
});

describe('the day asked about', () => {
  test.each([
    ['Habt ihr am Samstag offen?', ['sa']],
    ['samstags auch?', ['sa']],
    ['Freitag oder Montag?', ['fr', 'mo']],
    ['Am Wochenende geöffnet?', ['sa', 'su']],
    ['Are you open on Saturday?', ['sa']],
    ['Cumartesi açık mısınız?', ['sa']],
    ['Cuma günü?', ['fr']],
    ['Czy w sobotę jest otwarte?', ['sa']],
    ['Was kostet die Inspektion?', []],
  ])('%s → %j', (question, days) => {
    expect(askedDays(question)).toEqual(days);
  });

  test.each([
    ['Habt ihr am Samstag offen?', 'Öffnungszeiten: Samstag: 09:00–13:00; Montag: 07:30–12:30, 13:15–17:30; Dienstag'],
    ['Freitag oder Sonntag?', 'Öffnungszeiten: Freitag: 07:30–16:00; Sonntag: geschlossen; Montag'],
    ['Wann habt ihr geöffnet?', 'Öffnungszeiten: Montag: 07:30–12:30, 13:15–17:30; Dienstag'],
  ])('%s: the hours come first, the day asked leads', (question, start) => {
    const focused = focusPassage(workshop, question);
    expect(focused.body.startsWith(start)).toBe(true);
    // Nothing is lost: the same days and the contact details are all still there.
    expect(focused.body).toContain('Telefon: +49 89 555 0101');
    expect(focused.body.split('; ')).toHaveLength(7);
  });

  test('other questions and other passages stay as they are', () => {
    expect(focusPassage(workshop, 'Was kostet die Inspektion?')).toBe(workshop);
    const service = servicePassage('s', { name: 'Samstagsservice' }, '10', false, null);
    expect(focusPassage(service, 'Samstag?')).toBe(service);
  });
});

describe('passages are shortened at boundaries, never inside a value', () => {
  const body = focusPassage(workshop, 'Samstag?').body;
  test.each([40, 60, 80, 100, 120, 160, 200, 240, 280])('at most %i characters', (max) => {
    const clipped = clipPassage(body, max);
    expect(clipped.length).toBeLessThanOrEqual(max);
    expect(clipped.endsWith(' …')).toBe(true);
    // Whatever is kept ends where the full text has a boundary: no time range or number is cut.
    const kept = clipped.slice(0, -2);
    expect(body.startsWith(kept)).toBe(true);
    expect(body.slice(kept.length)).toMatch(/^[;.,]? /);
  });

  test.each([
    ['Dauer: ca. 150 Minuten und mehr Text dahinter', 30, 'Dauer: ca. 150 Minuten und …'],
    ['Kurz.', 280, 'Kurz.'],
    ['Montag: 07:30–12:30, 13:15–17:30; Dienstag: 07:30–17:30', 50, 'Montag: 07:30–12:30, 13:15–17:30 …'],
  ])('%s (%i)', (text, max, expected) => {
    expect(clipPassage(text, max)).toBe(expected);
  });
});

describe('passages in the conversation’s language', () => {
  const hours = { sa: [['09:00', '13:00']] as [string, string][] };
  const w = { id: 'w', name: 'Kfz Test', phone: '+49 30 1', opening_hours: hours };
  test.each([
    [
      'de',
      'Preis: ab 89,00 €',
      'Samstag: 09:00–13:00',
      'Baujahr 2021, 28.400 km, Benzin, Preis 15.990,00 €, verfügbar',
    ],
    [
      'en',
      'Price: from 89,00 €',
      'Saturday: 09:00–13:00',
      'Year 2021, 28.400 km, petrol, Price 15.990,00 €, available',
    ],
    [
      'tr',
      'Fiyat: başlangıç 89,00 €',
      'Cumartesi: 09:00–13:00',
      'Model yılı 2021, 28.400 km, benzinli, Fiyat 15.990,00 €, satışta',
    ],
    ['pl', 'Cena: od 89,00 €', 'Sobota: 09:00–13:00', 'Rocznik 2021, 28.400 km, benzyna, Cena 15.990,00 €, dostępny'],
  ] as const)('%s: labels around the workshop’s texts, one amount format', (language, price, saturday, vehicle) => {
    const oil = servicePassage('s', { name: 'Ölwechsel', description: 'Mit Filter.' }, '89', true, null, language);
    expect(oil.body.replace(/\u00a0/g, ' ')).toBe(`${price}. Mit Filter`);
    expect(oil.prices).toEqual([8900]);
    const focused = focusPassage(workshopPassage(w, language), 'Saturday? Cumartesi? Sobota? Samstag?', language);
    expect(focused.body.startsWith(`${PASSAGE_LABELS[language].hours}: ${saturday}`)).toBe(true);
    const polo = vehiclePassage(
      'v',
      { make: 'VW', model: 'Polo', year: 2021, mileage_km: 28400, fuel: 'petrol', price: '15990', status: 'available' },
      language,
    );
    expect(polo.body.replace(/\u00a0/g, ' ')).toBe(vehicle);
  });
});

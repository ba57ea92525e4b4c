import { describe, expect, test } from 'vitest';
import { terms } from '../retrieval.ts';
import { CONCEPTS, expand, fold } from './expand.ts';
import { SERVICES, VEHICLES } from './terms.ts';

const ENTRIES = [...SERVICES, ...VEHICLES];

describe('the vocabulary as data', () => {
  test('every entry says it in all four languages', () => {
    for (const [search, ...languages] of ENTRIES) {
      expect(languages, search).toHaveLength(4);
      for (const list of languages) expect(list.split('|').filter((f) => f.trim()).length, search).toBeGreaterThan(0);
    }
  });

  test('more than 300 distinct terms over more than 70 concepts', () => {
    const forms = new Set(ENTRIES.flatMap(([, ...languages]) => languages.flatMap((l) => l.split('|').map(fold))));
    expect(ENTRIES.length).toBeGreaterThan(70);
    expect(forms.size).toBeGreaterThan(300);
  });

  test('search words are German words the index can match (letters, digits, hyphens)', () => {
    for (const [search] of ENTRIES) expect(search).toMatch(/^[\p{L}\p{N} -]*$/u);
  });

  test('no form is claimed by two concepts with different search words', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const concept of CONCEPTS) {
      for (const form of concept.forms) {
        const key = form.map((w) => w.text + (w.prefix ? '*' : '')).join(' ');
        const previous = owner.get(key);
        if (previous !== undefined && previous !== concept.search.join(' ')) clashes.push(key);
        owner.set(key, concept.search.join(' '));
      }
    }
    // "rot" is Turkish for wheel alignment and German for red: known, and harmless.
    expect(clashes).toEqual(['rot']);
  });
});

describe('a question in any of the four languages finds the German words', () => {
  test.each([
    ['de', 'Was kostet ein Ölwechsel?', 'ölwechsel'],
    ['de', 'oelwechsel preis', 'ölwechsel'],
    ['de', 'Was kostet ein Reifenwechel?', 'reifenwechsel'],
    ['de', 'Brauche neue Bremsbelege', 'bremsbeläge'],
    ['de', 'Kann ich den TÜF bei euch machen?', 'hauptuntersuchung'],
    ['en', 'How much is an oil change?', 'ölwechsel'],
    ['en', 'Do you change tires?', 'reifenwechsel'],
    ['en', 'My breaks are squeaking', 'bremsen'],
    ['en', 'Can I get a courtesy car?', 'ersatzwagen'],
    ['en', 'Do you do MOT tests?', 'hauptuntersuchung'],
    ['en', 'air con service price', 'klimaservice'],
    ['en', 'Are you open on Saturday?', 'öffnungszeiten'],
    ['en', 'Are you open on Saturday?', 'samstag'],
    ['tr', 'Yağ değişimi ne kadar?', 'ölwechsel'],
    ['tr', 'yag degisimi fiyati', 'ölwechsel'],
    ['tr', 'Aracımın yağını değiştirir misiniz?', 'ölwechsel'],
    ['tr', 'Lastik değişimi yapıyor musunuz?', 'reifenwechsel'],
    ['tr', 'Fren balataları ne kadar?', 'bremsen'],
    ['tr', 'Cumartesi açık mısınız?', 'samstag'],
    ['tr', 'Cumartesi açık mısınız?', 'öffnungszeiten'],
    ['tr', 'Muayene yapıyor musunuz?', 'hauptuntersuchung'],
    ['tr', 'Yedek araç veriyor musunuz?', 'ersatzwagen'],
    ['tr', 'Elektrikli araba var mı?', 'elektro'],
    ['pl', 'Ile kosztuje wymiana oleju?', 'ölwechsel'],
    ['pl', 'Czy wymieniacie opony?', 'reifenwechsel'],
    ['pl', 'Ile kosztują klocki hamulcowe?', 'bremsen'],
    ['pl', 'Czy jesteście otwarci w sobotę?', 'samstag'],
    ['pl', 'W jakich godzinach jest czynne?', 'öffnungszeiten'],
    ['pl', 'Ile kosztuje badanie techniczne?', 'hauptuntersuchung'],
    ['pl', 'Czy dostanę samochód zastępczy?', 'ersatzwagen'],
    ['pl', 'Serwis klimatyzacji cena', 'klimaservice'],
    ['pl', 'Macie samochody elektryczne?', 'elektro'],
  ])('%s: %s → %s', (_language, question, german) => {
    expect(terms(question)).toContain(german);
  });

  test.each([
    ['How much does it cost?', ['much', 'cost']],
    ['Ne kadar?', ['ne', 'kadar']],
  ])('a question that only asks for a price keeps its words: %s', (question, words) => {
    expect(terms(question)).toEqual(expect.arrayContaining(words.filter((w) => w.length > 2 && w !== 'much')));
  });

  test('price words never become search words, so "how much is an oil change" is about oil', () => {
    expect(terms('How much is an oil change?')).toEqual(['ölwechsel', 'öl']);
    expect(terms('Ile kosztuje wymiana oleju?')).toEqual(['ölwechsel', 'öl']);
  });

  test('a compound is not its first word: "Scheibenversiegelung" stays itself', () => {
    expect(terms('Was kostet eine Scheibenversiegelung?')).toEqual(['scheibenversiegelung']);
    expect(terms('Scheibe kaputt')).toContain('windschutzscheibe');
  });

  test('longest form wins and "auto=" is not a prefix of "Automatik"', () => {
    const named = expand('Habt ihr ein Auto mit Automatik?').map((m) => m.concept.search.join(' '));
    expect(named).toEqual(['gebrauchtwagen fahrzeug fahrzeuge auto', 'automatik']);
  });
});

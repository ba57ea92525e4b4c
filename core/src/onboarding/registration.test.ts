import { describe, expect, test } from 'vitest';
import { isBot, parseRegistration, passwordProblem, slugCandidates, slugify, splitName } from './registration.ts';
import { TERMS_VERSION } from './terms.ts';

const valid = {
  workshop_name: 'Kfz-Technik Müller',
  owner_name: 'Anna Maria Müller',
  email: ' Anna.Mueller@Example.com ',
  password: 'Zündkerze-Vergaser-42',
  city: 'Leipzig',
  template: 'klassisch',
  terms: true,
};

describe('parseRegistration', () => {
  test('a complete registration is accepted and normalised', () => {
    const parsed = parseRegistration(valid);
    expect(parsed).toEqual({
      ok: true,
      value: {
        workshopName: 'Kfz-Technik Müller',
        firstName: 'Anna Maria',
        lastName: 'Müller',
        email: 'anna.mueller@example.com',
        password: 'Zündkerze-Vergaser-42',
        city: 'Leipzig',
        template: 'klassisch',
        plan: null,
        termsVersion: TERMS_VERSION,
      },
    });
  });

  test.each([undefined, TERMS_VERSION])('the current terms version is recorded (form sent %j)', (version) => {
    const parsed = parseRegistration({ ...valid, terms_version: version });
    expect(parsed.ok && parsed.value.termsVersion).toBe(TERMS_VERSION);
  });

  test.each([
    [{ workshop_name: '' }, 'workshop_name', 'Bitte geben Sie den Namen Ihrer Werkstatt an.'],
    [{ workshop_name: 'X' }, 'workshop_name', 'zu kurz'],
    [{ workshop_name: 'x'.repeat(121) }, 'workshop_name', 'zu lang'],
    [{ workshop_name: 42 }, 'workshop_name', 'Bitte geben Sie'],
    [{ workshop_name: 'Kfz\u0000Müller' }, 'workshop_name', 'Steuerzeichen'],
    [{ owner_name: undefined }, 'owner_name', 'Vor- und Nachnamen'],
    [{ email: 'anna@' }, 'email', 'nicht vollständig'],
    [{ email: 'anna@example' }, 'email', 'nicht vollständig'],
    [{ email: ['a@b.de'] }, 'email', 'Bitte geben Sie Ihre E-Mail-Adresse an.'],
    [{ email: `${'a'.repeat(250)}@b.de` }, 'email', 'nicht vollständig'],
    [{ password: '' }, 'password', 'Bitte wählen Sie ein Passwort.'],
    [{ password: 'kurz1!' }, 'password', 'mindestens 10 Zeichen'],
    [{ password: 'Passwort123' }, 'password', 'sehr verbreitet'],
    [{ password: 'aaaaaaaaaaaa' }, 'password', 'zu wenige verschiedene'],
    [{ password: 'abcdefghijkl' }, 'password', 'einfache Zeichenfolge'],
    [{ password: 'Müller-Leipzig-99' }, 'password', 'Ihren Namen'],
    [{ password: 'anna.mueller!!7' }, 'password', 'E-Mail-Adresse'],
    [{ password: 'x'.repeat(129) }, 'password', 'höchstens 128'],
    [{ city: '' }, 'city', 'Ort'],
    [{ template: '../etc' }, 'template', 'Vorlagen'],
    [{ template: 7 }, 'template', 'Vorlagen'],
    [{ plan: 'GOLD!' }, 'plan', 'Tarife'],
    [{ terms: false }, 'terms', 'AGB'],
    [{ terms: undefined }, 'terms', 'AGB'],
    [{ terms_version: '2020-01' }, 'terms', 'aktualisiert'],
    [{ terms_version: 7 }, 'terms', 'aktualisiert'],
  ])('%j is refused on %s', (change, field, message) => {
    const parsed = parseRegistration({ ...valid, ...change });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[field as keyof typeof parsed.errors]).toContain(message);
  });

  test.each([null, 'text', [1, 2], 17])('a body that is not an object (%j) reports every field', (body) => {
    const parsed = parseRegistration(body);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(Object.keys(parsed.errors).sort()).toEqual([
        'city',
        'email',
        'owner_name',
        'password',
        'terms',
        'workshop_name',
      ]);
  });
});

test.each([
  [{ website: 'http://spam.example' }, true],
  [{ website: '' }, false],
  [{}, false],
  [null, false],
])('honeypot %j → bot %s', (body, bot) => {
  expect(isBot(body)).toBe(bot);
});

test.each([
  ['Anna Müller', { firstName: 'Anna', lastName: 'Müller' }],
  ['Müller', { firstName: '', lastName: 'Müller' }],
  ['Hans Peter von Brandl', { firstName: 'Hans Peter von', lastName: 'Brandl' }],
])('splitName(%s)', (name, expected) => {
  expect(splitName(name)).toEqual(expected);
});

test.each([
  ['Kfz-Technik Müller & Söhne', 'kfz-technik-mueller-soehne'],
  ['  Autohaus   Groß  ', 'autohaus-gross'],
  ['Çelik Oto Servis', 'celik-oto-servis'],
  ['!!!', ''],
  ['A'.repeat(80), 'a'.repeat(50)],
])('slugify(%s) = %s', (name, slug) => {
  expect(slugify(name)).toBe(slug);
});

test.each([
  ['Autohaus Groß', 'Köln', ['autohaus-gross', 'autohaus-gross-koeln', 'autohaus-gross-koeln-2']],
  ['Admin', 'Bonn', ['admin-bonn', 'admin-bonn-2', 'admin-bonn-3']],
  ['?', 'Ulm', ['werkstatt-ulm', 'werkstatt-ulm-2', 'werkstatt-ulm-3']],
])('slug candidates for %s in %s', (name, city, expected) => {
  expect(slugCandidates(name, city, 3)).toEqual(expected);
});

test('a long, personal-free passphrase passes', () => {
  expect(passwordProblem('grüne Bremsscheibe im Winter', { email: 'a@b.de', names: ['Anna Müller'] })).toBeNull();
});

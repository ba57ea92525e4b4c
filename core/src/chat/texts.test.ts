import { expect, test } from 'vitest';
import { LANGUAGES } from './language.ts';
import { cleanMessage, TEXTS } from './texts.ts';

test.each([
  ['Was kostet die HU?', 'Was kostet die HU?'],
  ['  Zeile 1\nZeile 2  ', 'Zeile 1\nZeile 2'],
  ['a\u0000b\u0007c', 'abc'],
  ['', null],
  ['   ', null],
  ['x'.repeat(1001), null],
  [42, null],
  [null, null],
])('cleanMessage(%j) → %j', (raw, expected) => {
  expect(cleanMessage(raw)).toBe(expected);
});

test('every language has every error text', () => {
  const codes = Object.keys(TEXTS.de.errors);
  for (const language of LANGUAGES) expect(Object.keys(TEXTS[language].errors)).toEqual(codes);
});

test.each(LANGUAGES)('the consent text (%s) contains the words that link to the privacy page', (language) => {
  expect(TEXTS[language].consent('Werkstatt')).toContain(TEXTS[language].privacyLink);
});

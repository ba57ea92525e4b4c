import { describe, expect, test } from 'vitest';
import {
  calendarDay,
  cleanText,
  emailAddress,
  hasControlCharacters,
  multiLineText,
  oneLineText,
  stripControlCharacters,
} from './input.ts';

describe('cleanText', () => {
  test.each([
    ['Kfz-Technik Müller', 'one', 'Kfz-Technik Müller'],
    ['  Anna \t Maria\nSchneider  ', 'one', 'Anna Maria Schneider'],
    ['a\u0000b\u0007c', 'one', 'abc'],
    ['Zeile 1\r\nZeile 2', 'one', 'Zeile 1 Zeile 2'],
    ['  Zeile 1\nZeile 2  ', 'many', 'Zeile 1\nZeile 2'],
    ['Zeile 1\r\nZeile 2\rZeile 3', 'many', 'Zeile 1\nZeile 2\nZeile 3'],
    ['a\u0000b\u0007c\u009F', 'many', 'abc'],
    // "ü" written as u + combining diaeresis is stored as the one character people mean.
    ['Mu\u0308ller', 'one', 'Müller'],
    ['   ', 'one', ''],
  ] as const)('%j (%s line) → %j', (input, lines, expected) => {
    expect(cleanText(input, lines)).toBe(expected);
  });

  test.each([
    ['Kfz\u0000Müller', true],
    ['\u007F', true],
    ['Zeile 1\nZeile 2\t', false],
    ['Müller', false],
  ])('hasControlCharacters(%j) → %s', (input, expected) => {
    expect(hasControlCharacters(input)).toBe(expected);
  });

  test('the schemas accept strings only', () => {
    expect(oneLineText.safeParse(' a  b ').data).toBe('a b');
    expect(multiLineText.safeParse(' a\nb ').data).toBe('a\nb');
    expect(oneLineText.safeParse(42).success).toBe(false);
    expect(multiLineText.safeParse(null).success).toBe(false);
  });
});

describe('emailAddress', () => {
  test.each([
    [' Anna.Mueller@Example.com ', 'anna.mueller@example.com'],
    ['j.mueller+werkstatt@kfz-mueller.de', 'j.mueller+werkstatt@kfz-mueller.de'],
    ['info@werkstatt.co.uk', 'info@werkstatt.co.uk'],
    ['anna@', null],
    ['nope@', null],
    ['anna@example', null],
    ['anna@-example.de', null],
    ['anna@example.d3', null],
    ['an na@example.de', null],
    ['"anna"@example.de', null],
    ['anna@example.de\nBcc: x@y.de', null],
    [`${'a'.repeat(250)}@b.de`, null],
    [['a@b.de'], null],
    [undefined, null],
  ])('%j → %j', (input, expected) => {
    const result = emailAddress.safeParse(input);
    expect(result.success ? result.data : null).toBe(expected);
  });
});

test.each([
  ['2026-11-29', true],
  ['2024-02-29', true],
  ['2026-02-29', false],
  ['2026-02-31', false],
  ['2026-13-01', false],
  ['29.11.2026', false],
  ['2026-11-29T00:00:00Z', false],
  [['2026-11-29'], false],
  [20261129, false],
])('calendar day %j exists: %s', (value, valid) => {
  expect(calendarDay.safeParse(value).success).toBe(valid);
});

test('control characters are stripped, everything else stays', () => {
  expect(stripControlCharacters('/a\u0000b\u001b[31m c')).toBe('/ab[31m c');
});

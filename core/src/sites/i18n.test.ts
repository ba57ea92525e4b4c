import { describe, expect, test } from 'vitest';
import { alternates, localePath, siteLanguages, splitLangPath, translate } from './i18n.ts';

describe('language paths', () => {
  test.each([
    ['/', { lang: 'de', path: '/' }],
    ['/leistungen', { lang: 'de', path: '/leistungen' }],
    ['/en', { lang: 'en', path: '/' }],
    ['/en/', { lang: 'en', path: '/' }],
    ['/pl/blog/seite/2', { lang: 'pl', path: '/blog/seite/2' }],
    ['/english', { lang: 'de', path: '/english' }],
    ['/fr/kontakt', { lang: 'de', path: '/fr/kontakt' }],
  ])('split %s', (input, expected) => {
    expect(splitLangPath(input)).toEqual(expected);
  });

  test.each([
    ['de', '/', '/'],
    ['de', '/kontakt', '/kontakt'],
    ['en', '/', '/en/'],
    ['tr', '/kontakt', '/tr/kontakt'],
    ['pl', 'faq', '/pl/faq'],
  ] as const)('localePath(%s, %s) = %s', (lang, path, expected) => {
    expect(localePath(lang, path)).toBe(expected);
  });

  test.each([
    [null, ['de']],
    [
      ['en', 'de'],
      ['de', 'en'],
    ],
    [
      ['pl', 'xx', 'tr'],
      ['de', 'tr', 'pl'],
    ],
  ])('siteLanguages(%j)', (configured, expected) => {
    expect(siteLanguages(configured)).toEqual(expected);
  });

  test('alternates list every language plus x-default', () => {
    expect(alternates('https://a.example', '/faq', ['de', 'en'])).toEqual([
      { hreflang: 'de', href: 'https://a.example/faq' },
      { hreflang: 'en', href: 'https://a.example/en/faq' },
      { hreflang: 'x-default', href: 'https://a.example/faq' },
    ]);
  });
});

describe('translate', () => {
  const rows = [
    { languages_code: 'de', name: 'Ölwechsel', description: 'Mit Filter' },
    { languages_code: 'en', name: 'Oil change', description: '' },
  ];
  test.each([
    ['de', { name: 'Ölwechsel', description: 'Mit Filter' }],
    ['en', { name: 'Oil change', description: 'Mit Filter' }],
    ['tr', { name: 'Ölwechsel', description: 'Mit Filter' }],
  ] as const)('%s falls back field by field to German', (lang, expected) => {
    expect(translate(rows, lang)).toMatchObject(expected);
  });
  test('no translations at all', () => {
    expect(translate([], 'en')).toEqual({});
  });
});

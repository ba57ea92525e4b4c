import { describe, expect, test } from 'vitest';
import { pageExpiry } from './cache.ts';
import { nextOfferChange, offerShown, offerText } from './offers.ts';

const NOW = new Date('2026-10-15T10:00:00Z');
const at = (iso: string) => Date.parse(iso);

describe('offerShown', () => {
  test.each([
    ['no dates: always', null, null, true],
    ['running', '2026-10-01T00:00:00Z', '2026-10-31T23:59:00Z', true],
    ['over', '2026-09-01T00:00:00Z', '2026-10-15T09:59:59Z', false],
    ['ends this very moment', null, '2026-10-15T10:00:00Z', true],
    ['not yet begun', '2026-10-16T00:00:00Z', '2026-11-30T00:00:00Z', false],
    ['open end', '2026-10-01T00:00:00Z', null, true],
    ['broken dates count as none', 'kein Datum', null, true],
  ])('%s', (_name, valid_from, valid_until, shown) => {
    expect(offerShown({ valid_from, valid_until }, NOW)).toBe(shown);
  });
});

describe('nextOfferChange', () => {
  test.each([
    ['nothing to wait for', [{ valid_from: null, valid_until: null }], null],
    [
      'the end of a running offer',
      [{ valid_from: null, valid_until: '2026-10-31T23:59:00Z' }],
      at('2026-10-31T23:59:00Z') + 1,
    ],
    [
      'the start of a coming offer comes first',
      [
        { valid_from: null, valid_until: '2026-10-31T23:59:00Z' },
        { valid_from: '2026-10-20T00:00:00Z', valid_until: '2026-11-30T00:00:00Z' },
      ],
      at('2026-10-20T00:00:00Z'),
    ],
    ['past moments do not count', [{ valid_from: '2026-01-01T00:00:00Z', valid_until: '2026-02-01T00:00:00Z' }], null],
  ])('%s', (_name, offers, expected) => {
    expect(nextOfferChange(offers, NOW)).toBe(expected);
  });
});

describe('pageExpiry: the cached page lasts until the site or the page changes, whichever comes first', () => {
  test.each([
    ['neither', null, null, null],
    ['the site only (trial ends)', 1000, null, 1000],
    ['the page only (offer ends)', null, '2000', 2000],
    ['the earlier of both', 3000, '2000', 2000],
    ['a header that is no time is ignored', 3000, 'morgen', 3000],
  ])('%s', (_name, site, header, expected) => {
    expect(pageExpiry(site, header)).toBe(expected);
  });
});

describe('an offer in the visitor’s language', () => {
  const offer = {
    title: 'Klimacheck',
    text: 'Klimaanlage prüfen und befüllen.',
    translations: [
      { languages_code: 'en', title: 'Air-con check', text: 'Check and refill the air conditioning.' },
      { languages_code: 'tr', title: '', text: 'Klima kontrolü.' },
      { languages_code: 'pl', title: 'Przegląd klimatyzacji', text: null },
    ],
  };
  test.each([
    ['de', 'Klimacheck', 'Klimaanlage prüfen und befüllen.'],
    ['en', 'Air-con check', 'Check and refill the air conditioning.'],
    ['tr', 'Klimacheck', 'Klimaanlage prüfen und befüllen.'],
    ['pl', 'Przegląd klimatyzacji', null],
  ])('%s → %s', (lang, title, text) => {
    expect(offerText(offer, lang)).toEqual({ title, text });
  });

  test('an offer without translations is German everywhere', () => {
    expect(offerText({ title: 'Reifenwechsel', text: null }, 'en')).toEqual({ title: 'Reifenwechsel', text: null });
  });
});

import { describe, expect, test } from 'vitest';
import { matchPlatformRoute, matchWorkshopRoute, pageCount, shownWorkshopPaths, workshopPageShown } from './routes.ts';

describe('matchWorkshopRoute', () => {
  test.each([
    ['/', 'de', { page: 'home' }],
    ['/en/', 'en', { page: 'home' }],
    ['/en', 'en', { page: 'home' }],
    ['/leistungen', 'de', { page: 'services' }],
    ['/tr/leistungen/', 'tr', { page: 'services' }],
    ['/pl/kontakt', 'pl', { page: 'contact' }],
    ['/blog', 'de', { page: 'blog', pageNo: 1 }],
    ['/blog/seite/3', 'de', { page: 'blog', pageNo: 3 }],
    ['/en/blog/winterreifen-wann-wechseln', 'en', { page: 'post', slug: 'winterreifen-wann-wechseln' }],
    [
      '/fahrzeuge/0b7c3a52-8d2f-4e3c-9a55-1f6e2d9c8b71',
      'de',
      { page: 'vehicle', id: '0b7c3a52-8d2f-4e3c-9a55-1f6e2d9c8b71' },
    ],
    ['/impressum', 'de', { page: 'imprint' }],
    ['/agb', 'de', { page: 'terms' }],
  ])('%s', (path, lang, route) => {
    expect(matchWorkshopRoute(path)).toMatchObject({ lang, route });
  });

  test.each([
    '/blog/seite/1',
    '/blog/seite/0',
    '/blog/Gross',
    '/blog/a/b',
    '/fahrzeuge/123',
    '/fr/kontakt',
    '/unbekannt',
    '/blog/..',
  ])('%s is no page', (path) => {
    expect(matchWorkshopRoute(path)).toBeNull();
  });
});

describe('matchPlatformRoute', () => {
  test.each([
    ['/', { page: 'home' }],
    ['/preise', { page: 'pricing' }],
    ['/widget-einbinden', { page: 'docs' }],
    ['/blog/seite/2', { page: 'blog', pageNo: 2 }],
    ['/blog/ki-assistent-fuer-werkstaetten', { page: 'post', slug: 'ki-assistent-fuer-werkstaetten' }],
    ['/impressum', { page: 'imprint' }],
    ['/datenschutz', { page: 'privacy' }],
    ['/agb', { page: 'terms' }],
    ['/agb/', { page: 'terms' }],
  ])('%s', (path, route) => {
    expect(matchPlatformRoute(path)?.route).toEqual(route);
  });
  test.each(['/leistungen', '/fahrzeuge/0b7c3a52-8d2f-4e3c-9a55-1f6e2d9c8b71'])('%s is no platform page', (path) => {
    expect(matchPlatformRoute(path)).toBeNull();
  });
});

test.each([
  [0, 6, 1],
  [6, 6, 1],
  [7, 6, 2],
  [13, 6, 3],
])('pageCount(%i, %i) = %i', (total, per, expected) => {
  expect(pageCount(total, per)).toBe(expected);
});

describe('workshopPageShown', () => {
  const all = { vehicles: true, faq: true, about: true };
  const none = { vehicles: false, faq: false, about: false };
  test.each([
    ['faq', all, true],
    ['faq', { ...all, faq: false }, false],
    ['about', { ...all, about: false }, false],
    ['vehicles', { ...all, vehicles: false }, false],
    ['vehicle', { ...all, vehicles: false }, false],
    ['vehicle', all, true],
    ['home', none, true],
    ['services', none, true],
    ['blog', none, true],
    ['contact', none, true],
    ['imprint', none, true],
  ] as const)('%s with %o: %s', (page, content, shown) => {
    expect(workshopPageShown(page, content)).toBe(shown);
  });

  test('only the filled pages are listed', () => {
    expect(shownWorkshopPaths({ vehicles: false, faq: false, about: false })).toEqual([
      '/',
      '/leistungen',
      '/kontakt',
      '/blog',
      '/impressum',
      '/datenschutz',
      '/agb',
    ]);
    expect(shownWorkshopPaths({ vehicles: true, faq: true, about: true })).toHaveLength(10);
  });

  test.each([
    [true, true],
    [false, false],
    [undefined, false],
  ])('online booking %s: the booking page is listed %s', (booking, listed) => {
    expect(shownWorkshopPaths({ vehicles: false, faq: false, about: false, booking }).includes('/termin')).toBe(listed);
  });
});

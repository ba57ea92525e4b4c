import { describe, expect, test } from 'vitest';
import { noSitePage, platformHome } from './no-site.ts';

describe('platformHome', () => {
  test.each([
    ['http://oldtimer-brandl.localhost:4321', 'localhost', 'http://localhost:4321/'],
    ['https://gibt-es-nicht.carbot.de', 'carbot.de', 'https://carbot.de/'],
    ['http://www.fremde-domain.example', 'carbot.de', 'http://carbot.de/'],
    ['kaputt', 'carbot.de', 'http://carbot.de/'],
    ['http://a.localhost:4321', 'Bad Domain!', 'http://localhost:4321/'],
  ])('%s on %s → %s', (origin, domain, expected) => {
    expect(platformHome(origin, domain)).toBe(expected);
  });
});

describe('noSitePage', () => {
  const html = noSitePage('http://localhost:4321/');

  test('German, links to the platform and its registration', () => {
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('href="http://localhost:4321/"');
    expect(html).toContain('href="http://localhost:4321/registrieren"');
    expect(html).toContain('Unter dieser Adresse gibt es keine Website');
  });

  test('nothing loaded from anywhere: no scripts, no external styles, fonts or images', () => {
    expect(html).not.toMatch(/<script|<link|@import|url\(|src=/i);
  });

  test('the link is escaped', () => {
    expect(noSitePage('http://x/"><b>')).not.toContain('"><b>');
  });
});

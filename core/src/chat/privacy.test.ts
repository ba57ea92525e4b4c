import { expect, test } from 'vitest';
import type { Language } from './language.ts';
import { privacyUrl } from './privacy.ts';

const local = { domain: 'localhost', port: '4321' };
const live = { domain: 'carbot.de', port: '443' };

test.each<[string, Language, string | null, { slug: string | null; status: string }, typeof local, string | null]>([
  [
    'own website',
    'de',
    'http://autohaus.localhost:4321',
    { slug: 'autohaus', status: 'published' },
    local,
    'http://autohaus.localhost:4321/datenschutz',
  ],
  [
    'own website, English',
    'en',
    'https://www.werkstatt.de',
    { slug: 'w', status: 'published' },
    live,
    'https://www.werkstatt.de/en/datenschutz',
  ],
  [
    'embedded, published site',
    'de',
    null,
    { slug: 'schneider', status: 'published' },
    live,
    'https://schneider.carbot.de/datenschutz',
  ],
  [
    'embedded, local',
    'pl',
    null,
    { slug: 'schneider', status: 'published' },
    local,
    'http://schneider.localhost:4321/pl/datenschutz',
  ],
  ['embedded, widget only', 'de', null, { slug: 'brandl', status: 'widget_only' }, live, null],
  ['embedded, draft', 'de', null, { slug: 'neu', status: 'draft' }, live, null],
])('%s', (_name, language, siteOrigin, workshop, sites, expected) => {
  expect(privacyUrl({ language, siteOrigin, workshop, sites })).toBe(expected);
});

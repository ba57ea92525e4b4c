import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { normaliseHours } from '../sites/hours.ts';
import { STARTER_HOURS, starterServiceRows, starterServices } from './starter.ts';

// The categories the admin offers for services (schema/collections/services.yaml).
const CATEGORIES = new Set(
  [
    ...readFileSync(new URL('../../../schema/collections/services.yaml', import.meta.url), 'utf8').matchAll(
      /^\s+value: (\w+)$/gm,
    ),
  ].map((m) => m[1]),
);

describe('starter services', () => {
  test.each([
    ['klassisch', 'Räderwechsel'],
    ['modern', 'HU/AU (TÜV) inklusive Vorabcheck'],
    ['premium', 'Klimaservice'],
    ['elektro', 'Batterie-Gesundheitscheck'],
    ['oldtimer', 'Begleitung zum H-Kennzeichen'],
    [null, 'Räderwechsel'],
    ['unbekannt', 'Räderwechsel'],
  ])('template %s starts with a list including %s', (template, name) => {
    const list = starterServices(template);
    expect(list.length).toBeGreaterThanOrEqual(5);
    expect(list.map((s) => s.name)).toContain(name);
    for (const service of list) {
      expect(CATEGORIES.has(service.category)).toBe(true);
      expect(service.price).toBeGreaterThan(0);
    }
  });

  test('rows carry the workshop, a German translation and an order', () => {
    const rows = starterServiceRows('elektro', 'w-1');
    expect(rows[0]).toMatchObject({ workshop: 'w-1', status: 'published', sort: 1 });
    expect(rows[0]?.translations).toEqual([
      { languages_code: 'de', name: 'Inspektion für E-Auto und Hybrid', description: expect.any(String) },
    ]);
  });

  test('the starter hours are well-formed: Mo–Fr 8–18, Sa 9–13, Sunday closed', () => {
    expect(normaliseHours(STARTER_HOURS)).toEqual(STARTER_HOURS);
    expect(STARTER_HOURS.sa).toEqual([['09:00', '13:00']]);
    expect(STARTER_HOURS.su).toEqual([]);
  });
});

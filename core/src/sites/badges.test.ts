import { describe, expect, test } from 'vitest';
import { brandList, workshopBadges } from './badges.ts';

describe('workshopBadges', () => {
  test.each([
    ['nothing set', null, []],
    ['empty list', [], []],
    ['one badge', ['meisterbetrieb'], ['meisterbetrieb']],
    ['fixed order, no duplicates', ['alle-marken', 'meisterbetrieb', 'alle-marken'], ['meisterbetrieb', 'alle-marken']],
    ['unknown keys are dropped', ['meisterbetrieb', 'bester-der-welt', 42], ['meisterbetrieb']],
    ['JSON text (SQLite)', '["hu-au","hochvolt"]', ['hu-au', 'hochvolt']],
    ['broken JSON text', '["hu-au"', []],
    ['an object is no list', { meisterbetrieb: true }, []],
  ])('%s', (_name, stored, expected) => {
    expect(workshopBadges(stored)).toEqual(expected);
  });
});

describe('brandList', () => {
  test.each([
    ['nothing set', null, []],
    ['a list', ['Mercedes-Benz', 'BMW'], ['Mercedes-Benz', 'BMW']],
    ['comma text (database)', 'Porsche, Audi ,,VW', ['Porsche', 'Audi', 'VW']],
    ['duplicates in any case once', ['BMW', 'bmw', ' BMW '], ['BMW']],
    ['inner spaces collapse', ['Mercedes   Benz'], ['Mercedes Benz']],
    ['non-text entries are dropped', ['Audi', 7, null], ['Audi']],
    ['long names are cut', ['x'.repeat(60)], ['x'.repeat(40)]],
    ['at most twelve', Array.from({ length: 20 }, (_, i) => `M${i}`), Array.from({ length: 12 }, (_, i) => `M${i}`)],
  ])('%s', (_name, stored, expected) => {
    expect(brandList(stored)).toEqual(expected);
  });
});

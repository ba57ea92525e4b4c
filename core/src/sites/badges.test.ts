import { describe, expect, test } from 'vitest';
import { workshopBadges } from './badges.ts';

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

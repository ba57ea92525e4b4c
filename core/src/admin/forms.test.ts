import { expect, test } from 'vitest';
import { postSlug, soleWorkshop, titleOf } from './forms.ts';

test.each([
  [[], null],
  [['w1'], 'w1'],
  [['w1', 'w2'], null],
])('soleWorkshop(%j) = %s', (workshops, expected) => {
  expect(soleWorkshop(workshops)).toBe(expected);
});

test.each([
  [[{ languages_code: 'de', title: ' Reifenwechsel im Herbst ' }], 'Reifenwechsel im Herbst'],
  [
    {
      create: [
        { languages_code: { code: 'en' }, title: 'Tyre change' },
        { languages_code: { code: 'de' }, title: 'Reifenwechsel' },
      ],
      update: [],
      delete: [],
    },
    'Reifenwechsel',
  ],
  [[{ languages_code: 'en', title: 'Tyre change' }], 'Tyre change'],
  [[{ languages_code: 'de', title: '' }], null],
  [{ create: [] }, null],
  [undefined, null],
  ['kaputt', null],
])('titleOf(%j) = %s', (translations, expected) => {
  expect(titleOf(translations)).toBe(expected);
});

test.each([
  ['Ölwechsel: Worauf achten?', [], 'oelwechsel-worauf-achten'],
  ['Ölwechsel', ['oelwechsel'], 'oelwechsel-2'],
  ['Ölwechsel', ['oelwechsel', 'oelwechsel-2'], 'oelwechsel-3'],
  ['!!!', [], 'beitrag'],
])('postSlug(%s, %j) = %s', (title, taken, expected) => {
  expect(postSlug(title, new Set(taken))).toBe(expected);
});

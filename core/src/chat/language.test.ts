import { expect, test } from 'vitest';
import { pickLanguage } from './language.ts';

test.each([
  ['en', null, ['de', 'en'], 'en'],
  ['fr', 'tr-TR,tr;q=0.9', ['de', 'tr'], 'tr'],
  [undefined, 'pl-PL,pl;q=0.9,en;q=0.8', ['de', 'en'], 'en'],
  [undefined, 'en;q=0.2,tr;q=0.8', ['de', 'en', 'tr'], 'tr'],
  [undefined, 'fr-FR', ['de', 'en'], 'de'],
  [undefined, '', ['de'], 'de'],
  ['tr', null, ['de'], 'de'],
  [42, 'x;q=abc', ['de', 'en'], 'de'],
])('data-lang %s, Accept-Language %s, offered %j → %s', (explicit, header, offered, expected) => {
  expect(pickLanguage(explicit, header, offered)).toBe(expected);
});

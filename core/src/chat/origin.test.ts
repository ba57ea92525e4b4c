import { expect, test } from 'vitest';
import { originAllowed } from './origin.ts';

const allowed = ['https://www.autohaus-beispiel.example', 'http://localhost:4321'];

test.each([
  ['https://www.autohaus-beispiel.example', true],
  ['HTTPS://WWW.Autohaus-Beispiel.example', true],
  ['https://www.autohaus-beispiel.example:443', true],
  ['http://localhost:4321', true],
  ['http://www.autohaus-beispiel.example', false],
  ['https://autohaus-beispiel.example', false],
  ['https://www.autohaus-beispiel.example.evil.com', false],
  ['http://localhost:4322', false],
  ['null', false],
  ['', false],
  [null, false],
  [undefined, false],
  ['javascript:alert(1)', false],
  ['https://user:pw@www.autohaus-beispiel.example', false],
])('%s → %s', (origin, ok) => {
  expect(originAllowed(origin, allowed)).toBe(ok);
});

test('a key without origins allows nothing', () => {
  expect(originAllowed('https://a.example', [])).toBe(false);
  expect(originAllowed('https://a.example', null)).toBe(false);
});

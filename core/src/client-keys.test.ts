import { expect, test } from 'vitest';
import { CLIENT_KEY_PATTERN, newClientKey, SITE_KEY_PATTERN, siteKey, verifySiteKey } from './client-keys.ts';

test('client keys are well-formed and unique', () => {
  const keys = Array.from({ length: 1000 }, newClientKey);
  for (const key of keys) expect(key).toMatch(CLIENT_KEY_PATTERN);
  expect(new Set(keys).size).toBe(keys.length);
});

const W = 'ca7b1200-0000-4000-8000-000000000001';
const OTHER = 'ca7b2200-0000-4000-8000-000000000001';
const ORIGIN = 'https://www.autohaus-beispiel.example';
const key = siteKey('geheim', W, ORIGIN);

test('a site key is well-formed and names its workshop', () => {
  expect(key).toMatch(SITE_KEY_PATTERN);
  expect(verifySiteKey('geheim', key, ORIGIN)).toBe(W);
});

test.each([
  ['another origin', 'geheim', key, 'https://evil.example'],
  ['the http origin of an https site', 'geheim', key, 'http://www.autohaus-beispiel.example'],
  ['no origin', 'geheim', key, undefined],
  ['another secret', 'anderes', key, ORIGIN],
  ['no secret', '', key, ORIGIN],
  ['a key moved to another workshop', 'geheim', key.replace(W, OTHER), ORIGIN],
  ['a truncated signature', 'geheim', key.slice(0, -1), ORIGIN],
  ['a client key', 'geheim', newClientKey(), ORIGIN],
])('a site key is refused for %s', (_label, secret, given, origin) => {
  expect(verifySiteKey(secret, given, origin)).toBeNull();
});

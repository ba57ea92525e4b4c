import { expect, test } from 'vitest';
import { CLIENT_KEY_PATTERN, newClientKey } from './client-keys.ts';

test('client keys are well-formed and unique', () => {
  const keys = Array.from({ length: 1000 }, newClientKey);
  for (const key of keys) expect(key).toMatch(CLIENT_KEY_PATTERN);
  expect(new Set(keys).size).toBe(keys.length);
});

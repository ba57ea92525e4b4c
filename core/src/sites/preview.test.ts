import { expect, test } from 'vitest';
import { createPreviewToken, PLATFORM_PREVIEW, verifyPreviewToken } from './preview.ts';

const SECRET = 'geheim';
const NOW = new Date('2026-11-28T12:00:00Z');
const WORKSHOP = 'b6f0d6b0-1c8a-4f0e-9a57-2a8f3e6d4c11';

test.each([
  [WORKSHOP, WORKSHOP],
  [PLATFORM_PREVIEW, PLATFORM_PREVIEW],
])('a token for %s verifies with that scope only', (scope, expected) => {
  const token = createPreviewToken(scope, SECRET, NOW);
  const check = verifyPreviewToken(token, SECRET, NOW);
  expect(check.ok && check.workshopId).toBe(expected);
});

test('the scope is signed: a workshop token cannot be turned into a platform token', () => {
  const token = createPreviewToken(WORKSHOP, SECRET, NOW);
  const forged = token.replace(WORKSHOP, PLATFORM_PREVIEW);
  expect(verifyPreviewToken(forged, SECRET, NOW)).toEqual({ ok: false, reason: 'signature' });
});

test.each(['Platform', 'platform2', 'workshop', ''])('no other scope is accepted: %j', (scope) => {
  expect(() => createPreviewToken(scope, SECRET, NOW)).toThrow();
  expect(verifyPreviewToken(`v1.${scope}.${Math.floor(NOW.getTime() / 1000) + 60}.x`, SECRET, NOW)).toEqual({
    ok: false,
    reason: 'malformed',
  });
});

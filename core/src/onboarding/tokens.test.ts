import { expect, test } from 'vitest';
import { createToken, verifyToken } from './tokens.ts';

const NOW = new Date('2026-11-22T12:00:00Z');
const exp = NOW.getTime() / 1000 + 3600;
const token = createToken('secret', 'verify-email', { sub: 'u1', email: 'a@b.de', exp });

test('a fresh token verifies and returns its payload', () => {
  expect(verifyToken('secret', 'verify-email', token, NOW)).toEqual({
    ok: true,
    payload: { sub: 'u1', email: 'a@b.de', exp },
  });
});

test.each([
  ['another secret', 'other', 'verify-email', token, NOW, 'signature'],
  ['another purpose', 'secret', 'reset', token, NOW, 'signature'],
  ['expired', 'secret', 'verify-email', token, new Date(NOW.getTime() + 3_601_000), 'expired'],
  [
    'tampered payload',
    'secret',
    'verify-email',
    `${Buffer.from('{"sub":"u2","email":"a@b.de","exp":9999999999}').toString('base64url')}.${token.split('.')[1]}`,
    NOW,
    'signature',
  ],
  ['garbage', 'secret', 'verify-email', 'not-a-token', NOW, 'malformed'],
  ['not a string', 'secret', 'verify-email', 42, NOW, 'malformed'],
  ['too long', 'secret', 'verify-email', 'a'.repeat(3000), NOW, 'malformed'],
])('%s is refused', (_label, secret, purpose, value, now, reason) => {
  expect(verifyToken(secret, purpose, value, now)).toEqual({ ok: false, reason });
});

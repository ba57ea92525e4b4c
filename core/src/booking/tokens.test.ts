import { describe, expect, test } from 'vitest';
import {
  changeDeadline,
  changeRefusal,
  hashToken,
  manageToken,
  newToken,
  signedToken,
  tokenMatches,
  verifySignedToken,
} from './tokens.ts';

const ID = '6f1c1a52-4a3e-4a77-9d55-0c8c0b8b8a01';
const OTHER = '6f1c1a52-4a3e-4a77-9d55-0c8c0b8b8a02';

describe('cancel/rebook tokens', () => {
  test('only the hash is stored and it matches its token only', () => {
    const { token, hash } = newToken();
    expect(hash).toBe(hashToken(token));
    expect(hash).not.toContain(token);
    expect(tokenMatches(hash, token)).toBe(true);
    expect(tokenMatches(hash, newToken().token)).toBe(false);
    expect(tokenMatches(null, token)).toBe(false);
  });

  test.each([
    ['its own appointment', ID, 'secret', true],
    ['another appointment', OTHER, 'secret', false],
    ['another server secret', ID, 'other', false],
  ])('a signed token checked against %s', (_label, id, secret, valid) => {
    const { token } = newToken();
    const value = signedToken('secret', ID, token);
    expect(verifySignedToken(secret, id, value)).toBe(valid ? token : null);
  });

  test.each([[undefined], [''], ['abc'], ['a.b.c'], ['x'.repeat(300)], [42]])('malformed %j is refused', (value) => {
    expect(verifySignedToken('secret', ID, value)).toBeNull();
  });

  const start = new Date('2027-03-29T06:00:00Z');
  test.each([
    ['confirmed', '2027-03-27T06:00:00Z', 'right', null],
    ['requested', '2027-03-28T05:59:59Z', 'right', null],
    ['confirmed', '2027-03-28T06:00:00Z', 'right', 'too_late'],
    ['cancelled', '2027-03-27T06:00:00Z', 'right', 'closed'],
    ['declined', '2027-03-27T06:00:00Z', 'right', 'closed'],
    ['confirmed', '2027-03-27T06:00:00Z', 'wrong', 'invalid'],
  ])('%s at %s with the %s token → %s', (status, now, which, refusal) => {
    const { token, hash } = newToken();
    const used = which === 'right' ? token : newToken().token;
    expect(changeRefusal({ status, start, token_hash: hash }, used, 24, new Date(now))).toBe(refusal);
  });

  test('a used token (hash cleared) no longer works', () => {
    const { token } = newToken();
    expect(changeRefusal({ status: 'confirmed', start, token_hash: null }, token, 0, new Date(0))).toBe('invalid');
  });

  test('deadline is the cut-off before the start', () => {
    expect(changeDeadline(start, 24).toISOString()).toBe('2027-03-28T06:00:00.000Z');
  });
});

describe('one manage link per appointment', () => {
  test.each([
    ['the same appointment, later mail', ID, 'secret', true],
    ['another appointment', OTHER, 'secret', false],
    ['another server secret', ID, 'other', false],
  ])('the token of %s', (_label, id, secret, same) => {
    const first = manageToken('secret', ID);
    const later = manageToken(secret, id);
    expect(later.token === first.token).toBe(same);
    expect(tokenMatches(first.hash, later.token)).toBe(same);
  });

  test('it has the shape a signed link accepts, and only its hash is stored', () => {
    const { token, hash } = manageToken('secret', ID);
    expect(verifySignedToken('secret', ID, signedToken('secret', ID, token))).toBe(token);
    expect(hash).toBe(hashToken(token));
    expect(hash).not.toContain(token);
  });
});

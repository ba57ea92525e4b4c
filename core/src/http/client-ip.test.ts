import { expect, test } from 'vitest';
import { clientIp, normaliseIp, signVisitorAddress, verifyVisitorAddress } from './client-ip.ts';

const NOW = Date.UTC(2026, 10, 23, 12);
const signed = signVisitorAddress('geheim', '203.0.113.7', NOW) as string;

test.each([
  ['203.0.113.7', '203.0.113.7'],
  ['::ffff:203.0.113.7', '203.0.113.7'],
  ['2001:DB8::1', '2001:db8::1'],
  [' 127.0.0.1 ', '127.0.0.1'],
  ['203.0.113.7, 10.0.0.1', null],
  ['unknown', null],
  ['', null],
  [undefined, null],
])('normaliseIp(%j) = %j', (raw, expected) => {
  expect(normaliseIp(raw)).toBe(expected);
});

test('the site server vouches for a visitor address for two minutes', () => {
  expect(verifyVisitorAddress('geheim', signed, NOW)).toBe('203.0.113.7');
  expect(verifyVisitorAddress('geheim', signed, NOW + 119_000)).toBe('203.0.113.7');
});

test.each([
  ['another secret', 'anderes', signed, NOW],
  ['no secret', '', signed, NOW],
  ['expired', 'geheim', signed, NOW + 121_000],
  ['valid too far ahead', 'geheim', signVisitorAddress('geheim', '203.0.113.7', NOW + 600_000), NOW],
  ['another address', 'geheim', signed.replace('203.0.113.7', '203.0.113.8'), NOW],
  ['a plain address (X-Forwarded-For style)', 'geheim', '203.0.113.7', NOW],
  ['trailing junk', 'geheim', `${signed} x`, NOW],
  ['not a string', 'geheim', ['a'], NOW],
])('a visitor header is refused: %s', (_label, secret, value, now) => {
  expect(verifyVisitorAddress(secret, value, now)).toBeNull();
});

test.each([
  [{ ip: '198.51.100.1' }, '198.51.100.1'],
  [{ ip: '::ffff:198.51.100.1', visitorHeader: 'forged 1 2' }, '198.51.100.1'],
  [{ ip: null }, 'unknown'],
])('clientIp(%j) = %s', (input, expected) => {
  expect(clientIp(input, 'geheim')).toBe(expected);
});

test('a valid visitor header wins over the connection address', () => {
  const header = signVisitorAddress('geheim', '203.0.113.9');
  expect(clientIp({ ip: '127.0.0.1', visitorHeader: header }, 'geheim')).toBe('203.0.113.9');
});

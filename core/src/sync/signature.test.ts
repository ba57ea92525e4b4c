import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { newFeedSecret, SIGNATURE_HEADER, signPayload, verifySignature } from './signature.ts';

const secret = 'cbs_test-secret';
const body = '{"mode":"snapshot","vehicles":[]}';
const now = 1_800_000_000;
const good = signPayload(secret, now, body);

describe('signPayload', () => {
  test('is HMAC-SHA256 over "<t>.<raw body>" in hex', () => {
    const hex = createHmac('sha256', secret).update(`${now}.${body}`).digest('hex');
    expect(good).toBe(`t=${now},v1=${hex}`);
  });

  test('signs bytes exactly like the same text', () => {
    expect(signPayload(secret, now, Buffer.from(body))).toBe(good);
  });
});

describe('verifySignature', () => {
  test.each([
    ['a fresh, correct signature', good, body, now],
    ['4 min 59 s old', good, body, now + 299],
    ['4 min 59 s early (clock skew)', good, body, now - 299],
    ['with spaces and a second, rolled secret', ` t=${now}, v1=${'0'.repeat(64)}, ${good.split(',')[1]}`, body, now],
    ['upper-case hex', good.toUpperCase().replace('T=', 't=').replace('V1=', 'v1='), body, now],
  ])('accepts %s', (_name, header, payload, at) => {
    expect(verifySignature(header, payload, secret, at)).toEqual({ ok: true });
  });

  test.each([
    ['no header', undefined, body, now, secret, 'Signatur fehlt (Kopfzeile X-CarBot-Signature).'],
    ['garbage', 'sha256=abc', body, now, secret, 'Die Signatur hat nicht das Format t=…,v1=….'],
    ['no v1', `t=${now}`, body, now, secret, 'Die Signatur hat nicht das Format t=…,v1=….'],
    ['short hex', `t=${now},v1=abcd`, body, now, secret, 'Die Signatur hat nicht das Format t=…,v1=….'],
    [
      'stale by 5 min 1 s',
      good,
      body,
      now + 301,
      secret,
      'Der Zeitstempel der Signatur liegt mehr als 5 Minuten daneben.',
    ],
    [
      'from the future',
      good,
      body,
      now - 301,
      secret,
      'Der Zeitstempel der Signatur liegt mehr als 5 Minuten daneben.',
    ],
    ['another body', good, `${body} `, now, secret, 'Die Signatur stimmt nicht.'],
    ['another secret', good, body, now, 'cbs_other', 'Die Signatur stimmt nicht.'],
    ['feed without secret', good, body, now, null, 'Für diesen Feed ist kein Geheimnis hinterlegt.'],
    [
      'timestamp changed after signing',
      good.replace(`t=${now}`, `t=${now + 1}`),
      body,
      now,
      secret,
      'Die Signatur stimmt nicht.',
    ],
  ])('refuses %s', (_name, header, payload, at, key, message) => {
    expect(verifySignature(header, payload, key, at)).toEqual({ ok: false, message });
  });
});

test('the header name, lower case as Node delivers it', () => {
  expect(SIGNATURE_HEADER).toBe('x-carbot-signature');
});

test('feed secrets are long, random and recognisable', () => {
  const a = newFeedSecret();
  expect(a).toMatch(/^cbs_[A-Za-z0-9_-]{43}$/);
  expect(newFeedSecret()).not.toBe(a);
});

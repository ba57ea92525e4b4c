import { describe, expect, test } from 'vitest';
import { decodeHeader, parseMail } from './smtp.ts';

describe('mail decoding of the SMTP sink', () => {
  test.each([
    ['=?UTF-8?B?TmV1ZXIgTGVhZDogSsO8cmdlbiBNw7xsbGVy?=', 'Neuer Lead: Jürgen Müller'],
    ['=?UTF-8?Q?Neuer_Lead:_J=C3=BCrgen?=', 'Neuer Lead: Jürgen'],
    ['Plain subject', 'Plain subject'],
  ])('%s', (encoded, decoded) => {
    expect(decodeHeader(encoded)).toBe(decoded);
  });

  test('quoted-printable text parts are decoded', () => {
    const raw = 'Subject: Hallo\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nGr=C3=BC=C3=9Fe aus M=C3=BCnchen';
    expect(parseMail(raw)).toEqual({ subject: 'Hallo', text: 'Grüße aus München' });
  });
});

import { expect, test } from 'vitest';
import { LANGUAGES } from '../chat/language.ts';
import {
  type BodyRefusal,
  bodyTooLargeMessage,
  INCOMPLETE_MESSAGE,
  NOT_JSON_MESSAGE,
  parseBody,
} from '../http/body.ts';
import { BOOKING_BODY_BYTES, BOOKING_ERRORS } from './texts.ts';

test.each(LANGUAGES)('every refusal of the booking API has a text in %s', (language) => {
  expect(Object.keys(BOOKING_ERRORS[language])).toEqual(Object.keys(BOOKING_ERRORS.de));
  for (const text of Object.values(BOOKING_ERRORS[language])) expect(text.trim()).not.toBe('');
});

test.each(LANGUAGES.filter((l) => l !== 'de'))('no refusal in %s is left in German', (language) => {
  for (const [code, text] of Object.entries(BOOKING_ERRORS[language])) {
    expect(text, code).not.toBe(BOOKING_ERRORS.de[code as keyof typeof BOOKING_ERRORS.de]);
  }
});

const fail = (bytes: Buffer) => {
  const parsed = parseBody(bytes, 'application/json');
  if (parsed.ok) throw new Error('parsed');
  return parsed;
};

// German stays what the body-limit hook answers every other CarBot API.
test.each<[BodyRefusal, string]>([
  ['PAYLOAD_TOO_LARGE', bodyTooLargeMessage(BOOKING_BODY_BYTES)],
  ['UNSUPPORTED_MEDIA_TYPE', NOT_JSON_MESSAGE],
  ['INCOMPLETE', INCOMPLETE_MESSAGE],
  ['INVALID_UTF8', fail(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d])).message],
  ['INVALID_JSON', fail(Buffer.from('{"a":')).message],
  ['TOO_DEEP', fail(Buffer.from(`{"a":${'['.repeat(40)}${']'.repeat(40)}}`)).message],
])('the German text of %s is the body-limit default', (refusal, german) => {
  expect(BOOKING_ERRORS.de[refusal]).toBe(german);
});

test.each([
  ['en', 'PAYLOAD_TOO_LARGE', 'The request is too large (at most 16 KB). Please send less data.'],
  ['tr', 'PAYLOAD_TOO_LARGE', 'İstek çok büyük (en fazla 16 KB). Lütfen daha az veri gönderin.'],
  ['pl', 'PAYLOAD_TOO_LARGE', 'Żądanie jest za duże (maksymalnie 16 KB). Prosimy wysłać mniej danych.'],
  ['en', 'UNSUPPORTED_MEDIA_TYPE', 'Please send the details as JSON (Content-Type: application/json).'],
  ['tr', 'INVALID_JSON', 'İstek geçerli bir JSON nesnesi içermiyor.'],
  ['pl', 'TOO_DEEP', 'Żądanie jest zbyt głęboko zagnieżdżone. Prosimy wysłać prostszy JSON.'],
  ['en', 'INVALID_PATH', 'The address contains invalid encoded characters. Please check the link.'],
] as const)('%s: %s → %s', (language, code, text) => {
  expect(BOOKING_ERRORS[language][code]).toBe(text);
});

import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { expect, test } from 'vitest';
import {
  BodyTooLarge,
  declaredTooLarge,
  isJsonType,
  MAX_DEPTH,
  nestingDepth,
  parseBody,
  readBody,
  readStream,
} from './body.ts';

const stream = (...chunks: string[]) => Readable.from(chunks.map((c) => Buffer.from(c)));

test('reads a body up to the limit, whatever the chunking', async () => {
  expect((await readBody(stream('ab', 'cd', 'e'), 5)).toString()).toBe('abcde');
});

test('stops at the first byte beyond the limit', async () => {
  let pulled = 0;
  async function* many() {
    for (let i = 0; i < 1000; i++) {
      pulled++;
      yield Buffer.alloc(1024);
    }
  }
  await expect(readBody(many(), 16 * 1024)).rejects.toBeInstanceOf(BodyTooLarge);
  expect(pulled).toBe(17);
  await expect(readBody(many(), 16 * 1024)).rejects.toThrow('höchstens 16 KB');
});

test('web streams count too', async () => {
  const web = new Blob(['x'.repeat(100)]).stream();
  await expect(readBody(web as unknown as AsyncIterable<Uint8Array>, 99)).rejects.toBeInstanceOf(BodyTooLarge);
});

test.each([
  [undefined, 10, false],
  ['10', 10, false],
  ['11', 10, true],
  ['abc', 10, true],
])('declared length %j against %i is too large: %s', (length, limit, expected) => {
  expect(declaredTooLarge(length, limit)).toBe(expected);
});

test.each([
  ['application/json', '{"a":1}', { ok: true, body: { a: 1 } }],
  ['application/json; charset=utf-8', '[1]', { ok: true, body: [1] }],
  ['application/vnd.api+json', '{}', { ok: true, body: {} }],
  ['application/json', '', { ok: true, body: {} }],
  ['text/plain', '{"a":1}', { ok: true, body: {} }],
  [undefined, 'x', { ok: true, body: {} }],
])('parseBody(%s, %j)', (type, text, expected) => {
  expect(parseBody(Buffer.from(text), type)).toEqual(expected);
});

test('a JSON body with a byte order mark is read; one with invalid UTF-8 is refused', () => {
  expect(parseBody(Buffer.from('\uFEFF{"a":"ä"}'), 'application/json')).toEqual({ ok: true, body: { a: 'ä' } });
  const broken = Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]);
  expect(parseBody(broken, 'application/json')).toMatchObject({
    ok: false,
    reason: 'INVALID_UTF8',
    message: expect.stringMatching(/UTF-8/),
  });
  // Other types keep their bytes for the endpoint (a CSV upload may be Windows-1252).
  expect(parseBody(broken, 'text/csv')).toEqual({ ok: true, body: {} });
});

test.each([
  ['{}', 1],
  ['{"a":[1,{"b":2}]}', 3],
  ['{"a":"[[[{{{"}', 1],
  ['{"a":"\\"[[["}', 1],
  ['[[],[[]]]', 3],
])('nesting depth of %s is %i', (text, depth) => {
  expect(nestingDepth(text)).toBe(depth);
});

test.each([
  ['application/json', true],
  ['Application/JSON; charset=utf-8', true],
  ['application/merge-patch+json', true],
  ['text/plain', false],
  ['application/x-www-form-urlencoded', false],
  [undefined, false],
])('%s is JSON: %s', (type, json) => {
  expect(isJsonType(type)).toBe(json);
});

test('JSON nested deeper than the limit is refused before parsing', () => {
  const deep = (n: number) => `{"a":${'['.repeat(n - 1)}${']'.repeat(n - 1)}}`;
  expect(parseBody(Buffer.from(deep(MAX_DEPTH)), 'application/json')).toMatchObject({ ok: true });
  expect(parseBody(Buffer.from(deep(MAX_DEPTH + 1)), 'application/json')).toMatchObject({
    ok: false,
    reason: 'TOO_DEEP',
    message: expect.stringMatching(/verschachtelt/),
  });
});

test.each(['"hallo"', '{"a":', 'null', '42'])('JSON that is no object or array is refused: %s', (text) => {
  expect(parseBody(Buffer.from(text), 'application/json')).toMatchObject({ ok: false, reason: 'INVALID_JSON' });
});

test('a Node stream is read by its events, and not destroyed beyond the limit', async () => {
  const chunks = Array.from({ length: 100 }, () => Buffer.alloc(1024));
  const source = Readable.from(chunks);
  await expect(readStream(source, 16 * 1024)).rejects.toBeInstanceOf(BodyTooLarge);
  // The rest flows away unread (so the client gets its answer), instead of the stream being destroyed.
  await finished(source);
  expect(source.readableEnded).toBe(true);
  expect((await readStream(stream('ab', 'cd'), 4)).toString()).toBe('abcd');
});

import { expect, test } from 'vitest';
import { answerKind, batchSchema, countedPath, pathLanguage } from './events.ts';

test.each([
  [{ sources: [], fallback: null }, 'answer_none'],
  [{ sources: [], fallback: 'no-model' }, 'answer_none'],
  [{ sources: [{ title: 'Inspektion' }], fallback: null }, 'answer_ai'],
  [{ sources: [{ title: 'Inspektion' }], fallback: 'budget' }, 'answer_data'],
])('answer %o is %s', (outcome, kind) => {
  expect(answerKind(outcome)).toBe(kind);
});

test.each([
  ['/', '/'],
  ['/leistungen/', '/leistungen'],
  ['/leistungen?utm_source=x#top', '/leistungen'],
  ['/%C3%BCber-uns', '/über-uns'],
  ['/%E0%A4%A', '/%E0%A4%A'],
  [`/${'a'.repeat(600)}`, `/${'a'.repeat(499)}`],
])('counted path of %s is %s', (raw, path) => {
  expect(countedPath(raw)).toBe(path);
});

test.each([
  ['/en/services', 'en'],
  ['/pl', 'pl'],
  ['/tr/', 'tr'],
  ['/leistungen', 'de'],
  ['/english', 'de'],
])('language of %s is %s', (path, language) => {
  expect(pathLanguage(path)).toBe(language);
});

test('a batch refuses IP-shaped visitors, long paths and foreign fields are dropped', () => {
  const view = {
    workshop: '8a4b0c3e-1d2f-4a5b-9c6d-7e8f9a0b1c2d',
    path: '/',
    day: '2026-11-29',
    visitor: 'a'.repeat(32),
    at: Date.parse('2026-11-29T10:00:00Z'),
  };
  expect(batchSchema.safeParse({ views: [view] }).success).toBe(true);
  expect(batchSchema.safeParse({ views: [{ ...view, visitor: '203.0.113.7' }] }).success).toBe(false);
  expect(batchSchema.safeParse({ views: [{ ...view, path: `/${'x'.repeat(500)}` }] }).success).toBe(false);
  const parsed = batchSchema.parse({ views: [{ ...view, ip: '203.0.113.7' }] });
  expect(parsed.views[0]).not.toHaveProperty('ip');
});

test.each([
  ['a day that does not exist', { day: '2026-02-31' }],
  ['month 13', { day: '2026-13-01' }],
  ['a time before 2000', { at: -1 }],
  ['a time beyond year 9999', { at: 1e20 }],
  ['a fractional time', { at: 1.5 }],
  ['a NUL in the path', { path: '/a\u0000b' }],
  ['an empty path', { path: '' }],
  ['an escape sequence in the referrer', { referrer_host: 'x\u001b[31m' }],
])('a view with %s is refused', (_label, over) => {
  const view = {
    workshop: '8a4b0c3e-1d2f-4a5b-9c6d-7e8f9a0b1c2d',
    path: '/',
    day: '2026-11-29',
    visitor: 'a'.repeat(32),
    at: Date.parse('2026-11-29T10:00:00Z'),
  };
  expect(batchSchema.safeParse({ views: [{ ...view, ...over }] }).success).toBe(false);
});

test('the counted path has no control characters, even when they came percent-encoded', () => {
  expect(countedPath('/a%00b%1B')).toBe('/ab');
});

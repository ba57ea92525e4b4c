import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { CONSENT_PRECHECK, CONSENT_PRECHECK_HASH, currentDecision, decide } from './consent.ts';

describe('consent decision', () => {
  const now = new Date('2026-11-29T10:00:00Z');
  test.each([
    ['a current decision', JSON.stringify(decide(true, now)), true],
    ['an older text version', JSON.stringify({ ...decide(false, now), version: '2020-01-1' }), false],
    ['garbage', '{', false],
    ['nothing', null, false],
  ])('%s counts: %s', (_, raw, counts) => {
    expect(Boolean(currentDecision(raw))).toBe(counts);
  });

  test('the CSP hash is the hash of the inline pre-check, so the browser runs exactly that text', () => {
    const hash = createHash('sha256').update(CONSENT_PRECHECK).digest('base64');
    expect(CONSENT_PRECHECK_HASH).toBe(`'sha256-${hash}'`);
  });

  test.each([
    ['a current decision', JSON.stringify(decide(false, now)), 'decided'],
    ['an older text version', JSON.stringify({ ...decide(true, now), version: '2020-01-1' }), null],
    ['garbage', '{', null],
    ['nothing', null, null],
  ])('the pre-check marks the page for %s', (_, raw, mark) => {
    const attributes = new Map<string, string>();
    const document = { documentElement: { setAttribute: (k: string, v: string) => attributes.set(k, v) } };
    const localStorage = { getItem: () => raw };
    new Function('document', 'localStorage', CONSENT_PRECHECK)(document, localStorage);
    expect(attributes.get('data-consent') ?? null).toBe(mark);
  });
});

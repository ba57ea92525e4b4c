import { describe, expect, test } from 'vitest';
import { preparationFingerprint } from './preparation.ts';

const base = { CARBOT_SITES_TOKEN: 'token-a' };

describe('preparationFingerprint', () => {
  test('the same sources and settings give the same fingerprint', () => {
    expect(preparationFingerprint({ ...base })).toBe(preparationFingerprint({ ...base, PORT: '9000' }));
  });

  test.each([
    ['demo data switched off', { CARBOT_DEMO: 'false' }],
    ['another token for the site server', { CARBOT_SITES_TOKEN: 'token-b' }],
  ])('%s asks for a new preparation', (_, change) => {
    expect(preparationFingerprint({ ...base, ...change })).not.toBe(preparationFingerprint(base));
  });
});

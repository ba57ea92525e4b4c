import { expect, test } from 'vitest';
import { visitorHash } from './visitor.ts';

test('the visitor hash is stable within a day, differs across days, IPs and secrets, and hides the IP', () => {
  const day = new Date('2026-11-22T10:00:00Z');
  const a = visitorHash('s', '203.0.113.7', day);
  expect(a).toMatch(/^[0-9a-f]{32}$/);
  expect(a).not.toContain('203');
  expect(visitorHash('s', '203.0.113.7', new Date('2026-11-22T23:59:00Z'))).toBe(a);
  expect(visitorHash('s', '203.0.113.7', new Date('2026-11-23T00:00:00Z'))).not.toBe(a);
  expect(visitorHash('s', '203.0.113.8', day)).not.toBe(a);
  expect(visitorHash('t', '203.0.113.7', day)).not.toBe(a);
});

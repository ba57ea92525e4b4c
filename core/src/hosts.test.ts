import { describe, expect, test } from 'vitest';
import { normaliseHost, resolveHost } from './hosts.ts';

describe('resolveHost', () => {
  test.each([
    ['localhost:4321', 'localhost', { kind: 'platform' }],
    ['LOCALHOST', 'localhost', { kind: 'platform' }],
    ['autohaus-beispiel.localhost:4321', 'localhost', { kind: 'workshop-slug', slug: 'autohaus-beispiel' }],
    ['kfz-schneider.carbot.de', 'carbot.de', { kind: 'workshop-slug', slug: 'kfz-schneider' }],
    ['carbot.de.', 'carbot.de', { kind: 'platform' }],
    ['www.autohaus-beispiel.example', 'localhost', { kind: 'custom-domain', domain: 'www.autohaus-beispiel.example' }],
    ['a.b.localhost', 'localhost', { kind: 'unknown' }],
    ['-bad.localhost', 'localhost', { kind: 'unknown' }],
    ['127.0.0.1:4321', 'localhost', { kind: 'unknown' }],
    ['[::1]:4321', 'localhost', { kind: 'unknown' }],
    ['', 'localhost', { kind: 'unknown' }],
    [null, 'localhost', { kind: 'unknown' }],
    ['evil.com/path', 'localhost', { kind: 'unknown' }],
  ])('%s on %s', (host, domain, expected) => {
    expect(resolveHost(host, domain)).toEqual(expected);
  });

  test('normaliseHost strips port and case', () => {
    expect(normaliseHost('Example.COM:8080')).toBe('example.com');
    expect(normaliseHost('exa mple.com')).toBeNull();
  });
});

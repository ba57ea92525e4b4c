import { describe, expect, test } from 'vitest';
import {
  checkCustomDomain,
  checkCustomDomains,
  checkSlug,
  platformHosts,
  txtProvesControl,
  verificationRecord,
} from './addresses.ts';

const opts = { sitesDomain: 'carbot.de', platformHosts: ['api.carbot.de', 'admin.carbot-platform.de'] };

describe('slugs', () => {
  test.each<[unknown, string | null]>([
    ['kfz-schneider', 'kfz-schneider'],
    ['a1', 'a1'],
    ['x', 'x'],
    ['www', null],
    ['admin', null],
    ['api', null],
    ['a.kfz-schneider', null],
    ['Kfz-Schneider', null],
    [' kfz', null],
    ['-kfz', null],
    ['kfz-', null],
    ['kfz_schneider', null],
    ['xn--mller-kva', null],
    ['ab--cd', null],
    ['a'.repeat(63), 'a'.repeat(63)],
    ['a'.repeat(64), null],
    ['', null],
    [null, null],
    [42, null],
    ['müller', null],
  ])('%j', (raw, expected) => {
    const check = checkSlug(raw, opts);
    expect(check.ok ? check.value : null).toBe(expected);
    if (!check.ok) expect(check.message).toMatch(/Subdomain/);
  });

  test('a slug naming a configured platform host is reserved', () => {
    expect(checkSlug('api', { sitesDomain: 'carbot.de', platformHosts: [] }).ok).toBe(false);
    expect(checkSlug('konto', { sitesDomain: 'carbot.de', platformHosts: ['konto.carbot.de'] }).ok).toBe(false);
  });
});

describe('custom domains', () => {
  test.each<[string, string | null]>([
    ['www.autohaus-mueller.de', 'www.autohaus-mueller.de'],
    ['WWW.Autohaus-Mueller.DE.', 'www.autohaus-mueller.de'],
    ['https://www.autohaus-mueller.de/', 'www.autohaus-mueller.de'],
    ['www.müller.de', 'www.xn--mller-kva.de'],
    ['carbot.de', null],
    ['kfz-schneider.carbot.de', null],
    ['KFZ-Schneider.CarBot.de.', null],
    ['api.carbot.de', null],
    ['admin.carbot-platform.de', null],
    ['x.admin.carbot-platform.de', null],
    ['localhost', null],
    ['127.0.0.1', null],
    ['[::1]', null],
    ['www.example.com:8080', null],
    ['user@www.example.com', null],
    ['no_tld', null],
    ['-bad.example.com', null],
    ['a..b.de', null],
    ['', null],
  ])('%s', (raw, expected) => {
    const check = checkCustomDomain(raw, opts);
    expect(check.ok ? check.value : null).toBe(expected);
  });

  test('a list is normalised and deduplicated, csv or array', () => {
    expect(checkCustomDomains('www.a.de,WWW.A.DE.,b.de', opts)).toEqual({ ok: true, value: ['www.a.de', 'b.de'] });
    expect(checkCustomDomains(['x.carbot.de'], opts).ok).toBe(false);
    expect(checkCustomDomains(null, opts)).toEqual({ ok: true, value: [] });
  });

  test('platform hosts come from the configured URLs', () => {
    expect(platformHosts(['http://127.0.0.1:8055', 'https://Admin.Carbot.de/admin', undefined, 'kaputt'])).toEqual([
      '127.0.0.1',
      'admin.carbot.de',
    ]);
  });
});

describe('proof of control', () => {
  const token = 'a'.repeat(40);
  test('the TXT record to create', () => {
    expect(verificationRecord('www.a.de', token)).toEqual({
      name: '_carbot-verify.www.a.de',
      type: 'TXT',
      value: `carbot-verify=${token}`,
    });
  });
  test.each<[string[][], boolean]>([
    [[[`carbot-verify=${token}`]], true],
    [[['v=spf1 -all'], [`carbot-verify=${token.slice(0, 20)}`, token.slice(20)]], true],
    [[[`carbot-verify=${'b'.repeat(40)}`]], false],
    [[[`xcarbot-verify=${token}`]], false],
    [[], false],
  ])('%j', (records, expected) => {
    expect(txtProvesControl(records, token)).toBe(expected);
  });
});

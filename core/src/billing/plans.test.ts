import { describe, expect, test } from 'vitest';
import { PLANS, plan } from './fixtures.ts';
import {
  type CountedLimit,
  checkApiAccess,
  checkCount,
  checkCustomDomains,
  checkTemplate,
  checkWebsite,
  commonTrialDays,
  domainList,
  netPriceLabel,
  PlanLimitError,
} from './plans.ts';

describe('counted limits at and over their boundary', () => {
  test.each([
    ['basic', 'client_keys', 2, true],
    ['basic', 'client_keys', 3, false],
    ['basic', 'client_keys', 4, false],
    ['premium', 'client_keys', 9, true],
    ['premium', 'client_keys', 10, false],
    ['enterprise', 'client_keys', 10_000, true],
    ['basic', 'leads_per_month', 99, true],
    ['basic', 'leads_per_month', 100, false],
    ['premium', 'leads_per_month', 100_000, true],
    ['enterprise', 'leads_per_month', 100_000, true],
    ['basic', 'locations', 0, true],
    ['basic', 'locations', 1, false],
    ['premium', 'locations', 1, false],
    ['enterprise', 'locations', 50, true],
  ] as [string, CountedLimit, number, boolean][])(
    '%s %s with %i existing: allowed=%s',
    (key, kind, current, allowed) => {
      const run = () => checkCount(kind, plan(key), current, PLANS);
      if (allowed) expect(run).not.toThrow();
      else expect(run).toThrow(PlanLimitError);
    },
  );

  test.each([
    ['basic', 'client_keys', 'höchstens 3 aktive Widget-Keys', 'Premium'],
    ['basic', 'leads_per_month', '100 Leads pro Monat', 'Premium'],
    ['premium', 'locations', '1 Standort', 'Enterprise'],
  ] as [string, CountedLimit, string, string][])(
    '%s %s names the limit and the plan to move to',
    (key, kind, text, target) => {
      const limit = plan(key);
      const max = kind === 'client_keys' ? 3 : kind === 'leads_per_month' ? 100 : 1;
      try {
        checkCount(kind, limit, max, PLANS);
        expect.unreachable();
      } catch (error) {
        expect((error as Error).message).toContain(text);
        expect((error as Error).message).toContain(`Im Tarif ${target}`);
        expect((error as PlanLimitError).limit).toBe(kind);
      }
    },
  );

  test('no plan at all is refused with a clear message', () => {
    expect(() => checkCount('client_keys', null, 0, PLANS)).toThrow('kein Tarif');
  });
});

describe('features', () => {
  const template = (min_plan: string | null) => ({ key: 't', name: 'Klassische Werkstatt', min_plan });
  test.each([
    ['basic', 'premium', false],
    ['premium', 'premium', true],
    ['enterprise', 'premium', true],
    ['premium', 'enterprise', false],
    ['enterprise', 'enterprise', true],
    ['basic', null, false],
    ['premium', null, true],
  ])('template for %s with minimum %s: allowed=%s', (key, min, allowed) => {
    const run = () => checkTemplate(plan(key), template(min), PLANS);
    if (allowed) expect(run).not.toThrow();
    else expect(run).toThrow(/Vorlage „Klassische Werkstatt“ ist im Tarif/);
  });

  test.each([
    ['basic', false],
    ['premium', true],
    ['enterprise', true],
  ])('website for %s: %s', (key, allowed) => {
    if (allowed) expect(() => checkWebsite(plan(key), PLANS)).not.toThrow();
    else expect(() => checkWebsite(plan(key), PLANS)).toThrow('nur das Chat-Widget');
  });

  test.each([
    ['basic', [], true],
    ['basic', ['www.a.de'], false],
    ['premium', ['www.a.de', 'a.de'], true],
  ])('custom domains for %s %j: %s', (key, domains, allowed) => {
    if (allowed) expect(() => checkCustomDomains(plan(key), domains, PLANS)).not.toThrow();
    else expect(() => checkCustomDomains(plan(key), domains, PLANS)).toThrow('Eigene Domains');
  });

  test.each([
    ['basic', false],
    ['premium', false],
    ['enterprise', true],
  ])('api access for %s: %s', (key, allowed) => {
    if (allowed) expect(() => checkApiAccess(plan(key), PLANS)).not.toThrow();
    else expect(() => checkApiAccess(plan(key), PLANS)).toThrow('Im Tarif Enterprise');
  });
});

test.each([
  [null, []],
  ['', []],
  ['www.a.de, a.de', ['www.a.de', 'a.de']],
  [['x.de', ' '], ['x.de']],
  [42, []],
])('domainList(%j)', (input, expected) => {
  expect(domainList(input)).toEqual(expected);
});

test.each([
  [49, '49,00 € / Monat zzgl. MwSt.'],
  ['199.00', '199,00 € / Monat zzgl. MwSt.'],
])('net price label %s', (price, label) => {
  expect(netPriceLabel({ price_net: price }).replace(/\u00a0/g, ' ')).toBe(label);
});

test.each([
  [[{ trial_days: 14 }, { trial_days: 14 }], 14],
  [[{ trial_days: 30 }, { trial_days: null }], null],
  [[{ trial_days: 30 }], 30],
  [[{ trial_days: null }], 14],
  [[], 14],
])('commonTrialDays(%j) = %s', (plans, expected) => {
  expect(commonTrialDays(plans)).toBe(expected);
});

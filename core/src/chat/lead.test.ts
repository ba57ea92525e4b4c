import { describe, expect, test } from 'vitest';
import { leadChanged, validateLead } from './lead.ts';

const good = {
  name: 'Jürgen Müller',
  phone: '+49 89 1234567',
  email: 'J.Mueller@Example.com',
  car: 'VW Golf 7, 2017',
  wish: 'Inspektion',
};

describe('validateLead', () => {
  test('a complete lead is cleaned and accepted', () => {
    const result = validateLead({ ...good, name: '  Jürgen \n Müller ' }, true, 'de');
    expect(result).toEqual({ ok: true, lead: { ...good, email: 'j.mueller@example.com' } });
  });

  test.each([
    [{ ...good, name: 'J' }, 'name'],
    [{ ...good, phone: 'abc' }, 'phone'],
    [{ ...good, phone: '12' }, 'phone'],
    [{ ...good, email: 'nope@' }, 'email'],
    [{ ...good, phone: null, email: null }, 'contact'],
    [{ ...good, car: 'x'.repeat(201) }, 'car'],
    [{ ...good, wish: 'x'.repeat(2001) }, 'wish'],
    [{ ...good, name: 42 }, 'name'],
  ])('%j is refused for %s', (input, field) => {
    const result = validateLead(input as Record<string, unknown>, true, 'de');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors)).toContain(field);
  });

  test('without consent nothing is accepted, in the visitor language', () => {
    const result = validateLead(good, false, 'tr');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.consent).toContain('onay');
  });

  test('phone alone or e-mail alone is enough', () => {
    expect(validateLead({ ...good, email: '' }, true, 'en').ok).toBe(true);
    expect(validateLead({ ...good, phone: undefined }, true, 'pl').ok).toBe(true);
  });
});

const STORED = { name: 'Eva Schulz', phone: '+49 89 555 0101', email: null, car: 'VW Golf', wish: null };
test.each([
  ['the same details', {}, false],
  ['another phone number', { phone: '+49 89 555 0102' }, true],
  ['an added e-mail address', { email: 'eva@example.com' }, true],
  ['a removed car', { car: null }, true],
])('a second submit with %s changes the lead: %s', (_label, change, expected) => {
  expect(leadChanged({ ...STORED, id: 7, status: 'contacted' } as never, { ...STORED, ...change })).toBe(expected);
});

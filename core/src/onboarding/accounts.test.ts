import { describe, expect, test } from 'vitest';
import { ROLE } from '../roles.ts';
import {
  AccountRuleViolation,
  checkInvitation,
  checkPresetWrite,
  invitationStep,
  loginKeys,
  tooManyLoginsMessage,
} from './accounts.ts';

describe('loginKeys', () => {
  const key = (email: string, ip: string, passwordHash?: string) => loginKeys('s', { email, ip, passwordHash });

  test.each([
    [
      'same account, same address, case and spaces ignored',
      key('A@x.de', '1.1.1.1', 'h'),
      key(' a@x.de', '1.1.1.1', 'h'),
      true,
    ],
    ['another address', key('a@x.de', '1.1.1.1', 'h'), key('a@x.de', '2.2.2.2', 'h'), false],
    ['a new password starts a fresh counter', key('a@x.de', '1.1.1.1', 'h1'), key('a@x.de', '1.1.1.1', 'h2'), false],
    ['another account', key('a@x.de', '1.1.1.1'), key('b@x.de', '1.1.1.1'), false],
  ])('%s', (_name, a, b, same) => {
    expect(a.account === b.account).toBe(same);
  });

  test('the address key ignores the account and no raw value is kept', () => {
    const a = key('a@x.de', '1.1.1.1');
    expect(a.address).toBe(key('b@x.de', '1.1.1.1').address);
    expect(JSON.stringify(a)).not.toMatch(/1\.1\.1\.1|a@x\.de/);
  });
});

test.each([
  [30, '1 Minute'],
  [61, '2 Minuten'],
  [900, '15 Minuten'],
])('the throttle message after %i s says %s', (seconds, text) => {
  expect(tooManyLoginsMessage(seconds)).toContain(text);
});

describe('checkPresetWrite', () => {
  const me = 'user-1';
  test.each([
    [
      'create without user becomes mine',
      { collection: 'leads' },
      'create',
      { collection: 'leads', user: me, role: null },
    ],
    ['create for myself', { user: me, bookmark: 'x' }, 'create', { user: me, bookmark: 'x', role: null }],
    ['create with nested user object of myself', { user: { id: me } }, 'create', { user: me, role: null }],
    ['update of my own layout', { layout_query: {} }, 'update', { layout_query: {} }],
    ['update keeping role empty', { role: null }, 'update', { role: null }],
  ])('%s', (_name, payload, mode, expected) => {
    expect(checkPresetWrite(payload, me, mode as 'create' | 'update')).toEqual(expected);
  });

  test.each([
    ['for everybody', { user: null }, 'create'],
    ['for a role', { role: ROLE.owner }, 'create'],
    ['for a role, with me as user', { user: me, role: ROLE.staff }, 'create'],
    ['for someone else', { user: 'user-2' }, 'create'],
    ['moved to everybody', { user: null }, 'update'],
    ['moved to a role', { role: ROLE.owner }, 'update'],
    ['moved to someone else', { user: 'user-2' }, 'update'],
  ])('refuses a preset %s (%s)', (_name, payload, mode) => {
    expect(() => checkPresetWrite(payload, me, mode as 'create' | 'update')).toThrow(AccountRuleViolation);
  });
});

describe('invitations', () => {
  test.each([
    ['unknown address', null, 'create'],
    ['pending invitation of my tenant', { tenant: 'A', status: 'invited' }, 'reinvite'],
    ['active user of my tenant', { tenant: 'A', status: 'active' }, 'none'],
    ['pending invitation of another tenant', { tenant: 'B', status: 'invited' }, 'none'],
    ['active user of another tenant', { tenant: 'B', status: 'active' }, 'none'],
    ['platform user', { tenant: null, status: 'active' }, 'none'],
  ])('%s → %s', (_name, existing, step) => {
    expect(invitationStep(existing, 'A')).toBe(step);
  });

  test.each([
    ['staff', { role: ROLE.staff, inviterTenant: 'A', inviterIsOwner: false }],
    ['no tenant', { role: ROLE.staff, inviterTenant: null, inviterIsOwner: true }],
    ['marketer role', { role: ROLE.marketer, inviterTenant: 'A', inviterIsOwner: true }],
    ['sites role', { role: ROLE.sites, inviterTenant: 'A', inviterIsOwner: true }],
    ['random role', { role: 'b1f0c2d4-0000-4000-8000-000000000000', inviterTenant: 'A', inviterIsOwner: true }],
  ])('refuses an invitation by/with %s', (_name, input) => {
    expect(() => checkInvitation(input)).toThrow(AccountRuleViolation);
  });

  test.each([ROLE.owner, ROLE.staff])('an owner may invite with tenant role %s', (role) => {
    expect(() => checkInvitation({ role, inviterTenant: 'A', inviterIsOwner: true })).not.toThrow();
  });
});

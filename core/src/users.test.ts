import { describe, expect, test } from 'vitest';
import { ROLE } from './roles.ts';
import type { Actor } from './tenancy.ts';
import { checkUserWrite } from './users.ts';

const owner: Actor = { kind: 'user', tenant: 't' };

describe('checkUserWrite', () => {
  test.each([
    [{ role: ROLE.staff }, 'create'],
    [{ role: ROLE.owner }, 'create'],
    [{ first_name: 'Eva' }, 'update'],
  ] as const)('allows %j on %s', (payload, mode) => {
    expect(() => checkUserWrite({ ...payload }, owner, mode)).not.toThrow();
  });

  test.each([
    [{ role: 'admin-role-id' }, 'create'],
    [{ role: ROLE.marketer }, 'create'],
    [{ role: ROLE.sites }, 'update'],
    [{}, 'create'],
    [{ role: ROLE.staff, policies: [] }, 'create'],
    [{ admin_access: true }, 'update'],
    [{ token: 'x' }, 'update'],
  ] as const)('refuses %j on %s', (payload, mode) => {
    expect(() => checkUserWrite({ ...payload }, owner, mode)).toThrow();
  });

  test('admins are not restricted', () => {
    expect(() => checkUserWrite({ role: 'anything' }, { kind: 'admin' }, 'create')).not.toThrow();
  });
});

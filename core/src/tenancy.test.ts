import { describe, expect, test } from 'vitest';
import { type Actor, stampOnCreate, stampOnUpdate, TenantViolation } from './tenancy.ts';

const A = 'tenant-a';
const B = 'tenant-b';
const parents: Record<string, Record<string, string | null>> = {
  workshops: { wa: A, wb: B },
  conversations: { ca: A, cb: B },
  vehicles: { va: A },
  faqs: { fp: null },
};
const lookup = async (collection: string, id: unknown) => parents[collection]?.[String(id)];

const owner: Actor = { kind: 'user', tenant: A };
const marketer: Actor = { kind: 'user', tenant: null };
const admin: Actor = { kind: 'admin' };

describe('stampOnCreate', () => {
  test.each([
    ['workshops', { name: 'X' }, owner, A],
    ['services', { workshop: 'wa' }, owner, A],
    ['services', { workshop: { id: 'wa' } }, owner, A],
    ['messages', { conversation: 'ca' }, owner, A],
    ['vehicle_history', { vehicle: 'va' }, owner, A],
    ['faqs', { workshop: null }, owner, A],
    ['faqs', {}, marketer, null],
    ['posts', { workshop: null }, marketer, null],
    ['services', { workshop: 'wb' }, admin, B],
    ['workshops', { tenant: B }, admin, B],
    ['directus_users', { email: 'x' }, owner, A],
    ['directus_files', { title: 'x' }, owner, A],
    ['directus_files', { title: 'x' }, marketer, null],
  ] as const)('%s %j by %j gets tenant %s', async (collection, payload, actor, tenant) => {
    const out = await stampOnCreate(collection, { ...payload }, actor, lookup);
    expect(out.tenant).toBe(tenant);
  });

  test('collections that are not tenant-owned are untouched', async () => {
    expect(await stampOnCreate('plans', { key: 'basic' }, owner, lookup)).toEqual({ key: 'basic' });
  });

  test.each([
    ['services', { workshop: 'wb' }, owner, 'gehört nicht'],
    ['services', { workshop: 'wa', tenant: B }, owner, 'eigenen Mandanten'],
    ['services', { workshop: 'missing' }, owner, 'existiert nicht'],
    ['messages', { conversation: 'cb' }, owner, 'gehört nicht'],
    ['leads', { workshop: 'wa' }, marketer, 'keinem Mandanten'],
    ['faqs', { workshop: 'wa' }, marketer, 'gehört nicht'],
    ['services', { workshop: 'wa', tenant: B }, admin, 'passt nicht'],
  ] as const)('%s %j by %j is refused', async (collection, payload, actor, message) => {
    await expect(stampOnCreate(collection, { ...payload }, actor, lookup)).rejects.toThrow(TenantViolation);
    await expect(stampOnCreate(collection, { ...payload }, actor, lookup)).rejects.toThrow(message);
  });

  test('a nested parent created in the same request is left to its own hook', async () => {
    const out = await stampOnCreate('services', { workshop: { name: 'neu' } }, owner, lookup);
    expect(out.tenant).toBe(A);
  });
});

describe('stampOnUpdate', () => {
  test.each([
    ['services', { tenant: B }, owner],
    ['services', { workshop: 'wb' }, owner],
    ['messages', { conversation: 'cb' }, owner],
    ['directus_users', { tenant: B }, owner],
  ] as const)('%s %j by a user is refused', async (collection, payload, actor) => {
    await expect(stampOnUpdate(collection, { ...payload }, actor, lookup)).rejects.toThrow(TenantViolation);
  });

  test('a user may re-link within the own tenant; a same-tenant value is dropped', async () => {
    expect(await stampOnUpdate('services', { workshop: 'wa', price: 1 }, owner, lookup)).toEqual({
      workshop: 'wa',
      price: 1,
    });
    expect(await stampOnUpdate('services', { tenant: A, price: 1 }, owner, lookup)).toEqual({ price: 1 });
  });

  test('an admin moving a row to another parent moves its tenant with it', async () => {
    expect(await stampOnUpdate('services', { workshop: 'wb' }, admin, lookup)).toEqual({ workshop: 'wb', tenant: B });
  });
});

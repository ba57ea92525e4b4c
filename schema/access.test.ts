import { isSecretField } from '@carbot/core/secret-fields';
import { PLATFORM_CONTENT, TENANT_OWNED } from '@carbot/core/tenancy';
import { describe, expect, test } from 'vitest';
import { schemaFieldsOf } from '../scripts/lib/access.ts';
import { OWN_TENANT, type Permission, PLATFORM_ONLY, policies } from './access.ts';

const defs = policies(schemaFieldsOf());
const byName = Object.fromEntries(defs.map((p) => [p.name, p]));
const tenantOwned = (p: Permission) => Object.hasOwn(TENANT_OWNED, p.collection);

/**
 * Policies OR-combine in Directus: a single unfiltered rule on a tenant-owned collection would widen
 * every user holding that policy to all tenants. These checks hold the rules to their shape.
 */
describe('access rules', () => {
  test.each(['Workshop Owner', 'Workshop Staff'])(
    '%s: every rule on tenant data is pinned to the own tenant',
    (name) => {
      for (const p of byName[name]?.permissions.filter(tenantOwned) ?? []) {
        const rule = p.action === 'create' ? p.validation : p.permissions;
        const text = JSON.stringify(rule);
        expect(text, `${p.collection}:${p.action}`).toContain(JSON.stringify(OWN_TENANT));
      }
    },
  );

  test.each(['Workshop Owner', 'Workshop Staff'])('%s: tenant is never writable on update', (name) => {
    for (const p of byName[name]?.permissions.filter((x) => x.action === 'update') ?? []) {
      expect(p.fields, p.collection).not.toContain('tenant');
      expect(p.fields, p.collection).not.toContain('*');
    }
  });

  test('the marketer only touches platform content', () => {
    for (const p of byName.Marketer?.permissions.filter(tenantOwned) ?? []) {
      // Files of the platform, and (read-only) the platform's own users who uploaded them.
      const platformRows = ['directus_files', 'directus_users'].includes(p.collection);
      expect(PLATFORM_CONTENT.has(p.collection) || platformRows, p.collection).toBe(true);
      if (p.collection === 'directus_users') expect(p.action).toBe('read');
      expect(p.action === 'create' ? p.validation : p.permissions).toEqual(PLATFORM_ONLY);
    }
  });

  test('the Sites policy only reads, and never private collections', () => {
    const sites = byName.Sites?.permissions ?? [];
    expect(sites.every((p) => p.action === 'read')).toBe(true);
    const privateCollections = ['leads', 'conversations', 'messages', 'consents', 'client_keys', 'directus_users'];
    expect(sites.filter((p) => privateCollections.includes(p.collection))).toEqual([]);
    for (const p of sites.filter((x) => ['workshops', 'services', 'posts', 'faqs'].includes(x.collection))) {
      expect(JSON.stringify(p.permissions), p.collection).toContain('published');
    }
  });

  test('no CarBot policy grants admin access, and each (collection, action) appears once', () => {
    for (const policy of defs) {
      expect(policy.admin_access).toBe(false);
      const keys = policy.permissions.map((p) => `${p.collection}:${p.action}`);
      expect(new Set(keys).size, policy.name).toBe(keys.length);
    }
  });
});

describe('secrets and hashes', () => {
  const fieldsOf = schemaFieldsOf();
  test.each(defs.map((p) => [p.name, p] as const))('%s: no field list names a secret', (_name, policy) => {
    for (const p of policy.permissions.filter((x) => x.action !== 'delete')) {
      const fields =
        p.fields.includes('*') && !p.collection.startsWith('directus_') ? fieldsOf(p.collection) : p.fields;
      expect(
        fields.filter((f) => isSecretField(p.collection, f)),
        `${p.collection}:${p.action}`,
      ).toEqual([]);
    }
  });

  test('the known secret fields of the schema are among them', () => {
    const owner = byName['Workshop Owner']?.permissions ?? [];
    const read = (c: string) => owner.find((p) => p.collection === c && p.action === 'read')?.fields ?? [];
    expect(read('conversations')).not.toContain('visitor_token_hash');
    expect(read('conversations')).toContain('status');
    expect(read('inventory_feeds')).not.toContain('push_secret');
    expect(read('consents')).not.toContain('ip_hash');
    // The widget key is public in the embed snippet; the owner copies it from the admin.
    expect(read('client_keys')).toEqual(['*']);
  });
});

/**
 * Fixed ids of CarBot's roles and policies, so that applying access-as-code is idempotent and hooks can
 * recognise them without a lookup.
 */
export const ROLE = {
  owner: 'ca7b0000-0000-4000-a000-000000000001',
  staff: 'ca7b0000-0000-4000-a000-000000000002',
  marketer: 'ca7b0000-0000-4000-a000-000000000003',
  sites: 'ca7b0000-0000-4000-a000-000000000004',
} as const;

export const POLICY = {
  owner: 'ca7b0000-0000-4000-b000-000000000001',
  staff: 'ca7b0000-0000-4000-b000-000000000002',
  marketer: 'ca7b0000-0000-4000-b000-000000000003',
  sites: 'ca7b0000-0000-4000-b000-000000000004',
} as const;

/** Roles a workshop owner may give to users of their own tenant. */
export const TENANT_ROLES: readonly string[] = [ROLE.owner, ROLE.staff];

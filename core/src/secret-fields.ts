/**
 * Fields that hold secrets or hashes of secrets/identities: session token hashes, webhook secrets, IP
 * pseudonyms, sync fingerprints. No CarBot role (owner, staff, marketer, the site server's token) reads,
 * filters on or writes them; only CarBot's own server code (acting as the system) and administrators do.
 *
 * Defined by name, so a field added later is covered without anyone remembering a list:
 * `…_hash`, `…_secret`, `…_token`, `secret`, `token`, `password` (but not `tokens_in`/`tokens_out`, counts).
 */
export const SECRET_FIELD_NAME = /(^|_)(hash|secret|token|password)$/;

/**
 * Exceptions, each with its reason. Directus's own user fields are granted by explicit lists in
 * schema/access.ts (never `token`, `tfa_secret` or `auth_data`); `password` there is write-only, Directus
 * never returns it, and an owner setting a team member's password is account management.
 */
export const NOT_SECRET: Record<string, readonly string[]> = {
  directus_users: ['password'],
  // The value the owner publishes in DNS to prove control of a domain: public by design.
  workshop_domains: ['token'],
};

export const isSecretField = (collection: string, field: string): boolean =>
  SECRET_FIELD_NAME.test(field) && !(NOT_SECRET[collection] ?? []).includes(field);

/**
 * Which posts and FAQs a site shows. The admin's note on their `workshop` field says "empty = all
 * locations or the platform", and this is that rule:
 * - a workshop site shows its tenant's entries for that workshop and those without a workshop (all of the
 *   tenant's locations), never another tenant's;
 * - the platform site shows only platform entries (no tenant, no workshop).
 * Publication (status, date) is the Sites policy's and the fetcher's business, not this rule's.
 */
export type ContentOwner = { kind: 'workshop'; workshop: string; tenant: string } | { kind: 'platform' };

export type OwnedRow = { tenant: string | null; workshop: string | null };

export function showsOn(row: OwnedRow, owner: ContentOwner): boolean {
  if (owner.kind === 'platform') return row.tenant === null && row.workshop === null;
  return row.tenant === owner.tenant && (row.workshop === null || row.workshop === owner.workshop);
}

/** The same rule as a Directus filter. */
export function ownerFilter(owner: ContentOwner): Record<string, unknown> {
  if (owner.kind === 'platform') return { _and: [{ tenant: { _null: true } }, { workshop: { _null: true } }] };
  return {
    _and: [
      { tenant: { _eq: owner.tenant } },
      { _or: [{ workshop: { _eq: owner.workshop } }, { workshop: { _null: true } }] },
    ],
  };
}

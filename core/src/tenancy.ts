/**
 * Tenant ownership rules. Every row that belongs to a workshop business carries a `tenant` column that the
 * server stamps; clients never choose it. The column is denormalised on purpose: one flat permission
 * filter (`tenant = $CURRENT_USER.tenant`) per collection is far harder to get wrong than relational
 * filters, and it keeps counts, search and aggregates cheap and honest.
 */

/** Where a collection's tenant comes from: a parent row (via a foreign key) or the acting user. */
export type TenantSource = { from: 'parent'; field: string; parent: string; optional?: boolean } | { from: 'actor' };

/**
 * Tenant-owned collections and how their tenant is derived. Collections not listed here (plans,
 * site_templates, languages, stripe_events, tenants itself) are not stamped.
 */
export const TENANT_OWNED: Readonly<Record<string, TenantSource>> = {
  workshops: { from: 'actor' },
  workshops_translations: { from: 'parent', field: 'workshops_id', parent: 'workshops' },
  services: { from: 'parent', field: 'workshop', parent: 'workshops' },
  services_translations: { from: 'parent', field: 'services_id', parent: 'services' },
  faqs: { from: 'parent', field: 'workshop', parent: 'workshops', optional: true },
  faqs_translations: { from: 'parent', field: 'faqs_id', parent: 'faqs' },
  posts: { from: 'parent', field: 'workshop', parent: 'workshops', optional: true },
  posts_translations: { from: 'parent', field: 'posts_id', parent: 'posts' },
  vehicles: { from: 'parent', field: 'workshop', parent: 'workshops' },
  workshop_photos: { from: 'parent', field: 'workshop', parent: 'workshops' },
  testimonials: { from: 'parent', field: 'workshop', parent: 'workshops' },
  offers: { from: 'parent', field: 'workshop', parent: 'workshops' },
  offers_translations: { from: 'parent', field: 'offers_id', parent: 'offers' },
  vehicle_history: { from: 'parent', field: 'vehicle', parent: 'vehicles' },
  vehicle_photos: { from: 'parent', field: 'vehicle', parent: 'vehicles' },
  inventory_feeds: { from: 'parent', field: 'workshop', parent: 'workshops' },
  sync_runs: { from: 'parent', field: 'feed', parent: 'inventory_feeds' },
  leads: { from: 'parent', field: 'workshop', parent: 'workshops' },
  conversations: { from: 'parent', field: 'workshop', parent: 'workshops' },
  messages: { from: 'parent', field: 'conversation', parent: 'conversations' },
  client_keys: { from: 'parent', field: 'workshop', parent: 'workshops' },
  consents: { from: 'parent', field: 'workshop', parent: 'workshops' },
  analytics_events: { from: 'parent', field: 'workshop', parent: 'workshops' },
  analytics_daily: { from: 'parent', field: 'workshop', parent: 'workshops' },
  appointments: { from: 'parent', field: 'workshop', parent: 'workshops' },
  booking_blocks: { from: 'parent', field: 'workshop', parent: 'workshops' },
  // Proof records of data subject requests; written by the server only, for the requesting owner's tenant.
  privacy_requests: { from: 'actor' },
  directus_users: { from: 'actor' },
  directus_files: { from: 'actor' },
};

/** Collections whose rows may have no tenant: platform content owned by the marketers. */
export const PLATFORM_CONTENT = new Set(['faqs', 'faqs_translations', 'posts', 'posts_translations']);

export type TenantId = string | null;

/** Who is writing. `admin` is the platform administrator; `system` is trusted server code. */
export type Actor = { kind: 'system' } | { kind: 'admin' } | { kind: 'user'; tenant: TenantId };

export class TenantViolation extends Error {
  readonly code = 'TENANT_VIOLATION';
}

type Payload = Record<string, unknown>;

/** Reads the tenant of a parent row, or `undefined` when it does not exist. */
export type ParentTenantLookup = (collection: string, id: unknown) => Promise<TenantId | undefined>;

/** A foreign key value can arrive as a bare id or, from nested writes, as an object with the id. */
export function foreignKeyOf(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && 'id' in value) return (value as { id: unknown }).id;
  return value;
}

const isNestedCreate = (value: unknown): boolean =>
  value !== null && typeof value === 'object' && !('id' in (value as object));

async function derivedTenant(
  source: TenantSource,
  payload: Payload,
  actor: Actor,
  lookup: ParentTenantLookup,
): Promise<TenantId | undefined> {
  if (source.from === 'actor') return actor.kind === 'user' ? actor.tenant : undefined;
  if (!(source.field in payload)) return undefined;
  const fk = foreignKeyOf(payload[source.field]);
  if (fk === null || fk === undefined) {
    if (source.optional) return actor.kind === 'user' ? actor.tenant : undefined;
    return undefined;
  }
  if (isNestedCreate(payload[source.field])) return undefined;
  const parentTenant = await lookup(source.parent, fk);
  if (parentTenant === undefined)
    throw new TenantViolation(`Der verknüpfte Eintrag in „${source.parent}“ existiert nicht.`);
  return parentTenant;
}

/**
 * Returns the payload to write for a new row, with `tenant` set by the server. A regular user can only
 * create rows in their own tenant; a row whose parent belongs to another tenant is refused.
 */
export async function stampOnCreate(
  collection: string,
  payload: Payload,
  actor: Actor,
  lookup: ParentTenantLookup,
): Promise<Payload> {
  const source = TENANT_OWNED[collection];
  if (!source) return payload;
  const derived = await derivedTenant(source, payload, actor, lookup);

  if (actor.kind !== 'user') {
    // Platform admins and server code may create rows for any tenant, but never inconsistent ones.
    if (derived === undefined) return payload;
    if ('tenant' in payload && payload.tenant != null && payload.tenant !== derived) {
      throw new TenantViolation('Der Mandant passt nicht zum übergeordneten Eintrag.');
    }
    return { ...payload, tenant: derived };
  }

  const own = actor.tenant;
  if (own === null && !PLATFORM_CONTENT.has(collection) && collection !== 'directus_files') {
    throw new TenantViolation('Ihr Benutzerkonto ist keinem Mandanten zugeordnet.');
  }
  if ('tenant' in payload && payload.tenant != null && payload.tenant !== own) {
    throw new TenantViolation('Einträge können nur im eigenen Mandanten angelegt werden.');
  }
  if (derived !== undefined && derived !== own) {
    throw new TenantViolation('Der verknüpfte Eintrag gehört nicht zu Ihrem Mandanten.');
  }
  return { ...payload, tenant: own };
}

/**
 * Checks an update. A regular user may never change `tenant`, nor re-link a row to a parent of another
 * tenant. For admins and server code a new parent re-derives the tenant so rows stay consistent.
 */
export async function stampOnUpdate(
  collection: string,
  payload: Payload,
  actor: Actor,
  lookup: ParentTenantLookup,
): Promise<Payload> {
  const source = TENANT_OWNED[collection];
  if (!source) return payload;

  if (actor.kind === 'user') {
    if ('tenant' in payload && payload.tenant !== actor.tenant) {
      throw new TenantViolation('Der Mandant eines Eintrags kann nicht geändert werden.');
    }
    if (source.from === 'parent' && source.field in payload) {
      const derived = await derivedTenant(source, payload, actor, lookup);
      if (derived !== undefined && derived !== actor.tenant) {
        throw new TenantViolation('Der verknüpfte Eintrag gehört nicht zu Ihrem Mandanten.');
      }
    }
    const { tenant: _ignored, ...rest } = payload;
    return rest;
  }

  if (source.from === 'parent' && source.field in payload) {
    const derived = await derivedTenant(source, payload, actor, lookup);
    if (derived !== undefined) return { ...payload, tenant: derived };
  }
  return payload;
}

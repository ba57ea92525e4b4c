/**
 * Roles, policies and permissions as code. `npm run schema:apply` makes the database match this file
 * exactly for the CarBot policies (anything else on them is removed), and a test fails when they drift.
 *
 * The rule that isolates tenants is always the same flat filter on the stamped `tenant` column. Policies
 * OR-combine in Directus, so no CarBot policy may grant a tenant-owned collection without it — the
 * Sites policy only ever sees published content, the Marketer only rows without a tenant.
 */
import { POLICY, ROLE, TENANT_ROLES } from '@carbot/core/roles';
import { isSecretField } from '@carbot/core/secret-fields';

export type Filter = Record<string, unknown>;
export type Permission = {
  collection: string;
  action: 'create' | 'read' | 'update' | 'delete';
  fields: string[];
  permissions: Filter | null;
  validation: Filter | null;
  presets: Record<string, unknown> | null;
};
export type PolicyDef = {
  id: string;
  name: string;
  icon: string;
  description: string;
  app_access: boolean;
  admin_access: false;
  enforce_tfa: false;
  permissions: Permission[];
};
export type RoleDef = { id: string; name: string; icon: string; description: string; policy: string };

export const OWN_TENANT: Filter = { _and: [{ tenant: { _eq: '$CURRENT_USER.tenant' } }, { tenant: { _nnull: true } }] };
export const PLATFORM_ONLY: Filter = { tenant: { _null: true } };

type Action = Permission['action'];
type FieldsOf = (collection: string) => string[];

const ALL = ['*'];

/**
 * New rows default to the user's own tenant. Most writes are stamped by the tenant guard hook anyway,
 * but Directus creates uploaded files without emitting events, so the preset is what stamps those.
 */
const TENANT_PRESET = { tenant: '$CURRENT_USER.tenant' };
const presetFor = (filter: Filter | null) =>
  filter === OWN_TENANT ? TENANT_PRESET : filter === PLATFORM_ONLY ? { tenant: null } : null;

/** Shorthand: the same filter for reads/updates/deletes, and as validation (plus preset) for creates. */
function grant(collection: string, actions: Action[], filter: Filter | null, fields: (a: Action) => string[]) {
  return actions.map(
    (action): Permission => ({
      collection,
      action,
      fields: fields(action),
      permissions: action === 'create' ? null : filter,
      // Updates cannot move rows: `tenant` is not writable there and the tenant guard hook refuses it.
      validation: action === 'create' ? filter : null,
      presets: action === 'create' ? presetFor(filter) : null,
    }),
  );
}

/**
 * Writable fields. Server-stamped fields (`tenant`, and e.g. a generated client key) are allowed on
 * create only because our hooks overwrite them before Directus checks the payload (the validation rule
 * then pins `tenant` to the user's tenant); they are never writable on update.
 */
const writable =
  (fieldsOf: FieldsOf, collection: string, readonly: string[] = [], stamped: string[] = []) =>
  (action: Action) => {
    if (action === 'read' || action === 'delete') return ALL;
    const serverSet = ['tenant', ...stamped];
    return fieldsOf(collection).filter((f) =>
      action === 'create'
        ? !readonly.includes(f) || serverSet.includes(f)
        : !readonly.includes(f) && !serverSet.includes(f) && f !== 'id',
    );
  };

/** Written by the sync only: run results and the conditional-GET validators of the last pull. */
const FEED_SERVER_FIELDS = [
  'last_run_at',
  'last_run_status',
  'last_run_report',
  'etag',
  'last_modified',
  'failure_notified_at',
];

const CRUD: Action[] = ['create', 'read', 'update', 'delete'];
const CRU: Action[] = ['create', 'read', 'update'];
const R: Action[] = ['read'];

const CONTENT = ['services', 'faqs', 'posts', 'workshop_photos', 'testimonials', 'offers'];
const TRANSLATIONS = [
  'workshops_translations',
  'services_translations',
  'faqs_translations',
  'posts_translations',
  'offers_translations',
];
const CATALOG = ['plans', 'site_templates', 'languages'];
/**
 * Set by the server only: the consent a visitor gave, the reminder claim, the computed busy time (end plus
 * the service's buffer; the booking hook stamps it on create and writes it itself on changes).
 */
const APPOINTMENT_READONLY = ['consent', 'reminder_sent_at', 'busy_until', 'rebooked_from'];
/** Fields only the server writes: which German text a machine translation was made from. */
const SERVER_SET: Record<string, string[]> = {
  services_translations: ['source_hash'],
  faqs_translations: ['source_hash'],
  offers_translations: ['source_hash'],
};
/** Conversation fields only the widget API writes: spend, and the AI notice version the visitor was shown. */
const CONVERSATION_STAMPED = ['tokens_in', 'tokens_out', 'cost_eur', 'notice_version'];

const USER_FIELDS_VISIBLE = [
  'id',
  'first_name',
  'last_name',
  'email',
  'title',
  'avatar',
  'role',
  'status',
  'language',
  'tenant',
  'last_access',
];
const USER_FIELDS_EDITABLE = [
  'first_name',
  'last_name',
  'email',
  'password',
  'title',
  'avatar',
  'role',
  'status',
  'language',
];

function ownerPermissions(fieldsOf: FieldsOf): Permission[] {
  const w = (c: string, readonly?: string[]) => writable(fieldsOf, c, readonly);
  return [
    ...grant('tenants', R, { id: { _eq: '$CURRENT_USER.tenant' } }, () => ALL),
    ...grant('tenants', ['update'], { id: { _eq: '$CURRENT_USER.tenant' } }, () => [
      'name',
      'billing_email',
      'billing_country',
      'vat_id',
    ]),
    ...grant('workshops', CRUD, OWN_TENANT, w('workshops')),
    ...[...CONTENT, ...TRANSLATIONS, 'vehicles', 'vehicle_photos', 'leads', 'inventory_feeds'].flatMap((c) =>
      grant(c, CRUD, OWN_TENANT, w(c, c === 'inventory_feeds' ? FEED_SERVER_FIELDS : SERVER_SET[c])),
    ),
    ...grant(
      'appointments',
      CRUD,
      OWN_TENANT,
      writable(fieldsOf, 'appointments', APPOINTMENT_READONLY, ['busy_until']),
    ),
    ...grant('booking_blocks', CRUD, OWN_TENANT, w('booking_blocks')),
    ...grant('client_keys', CRUD, OWN_TENANT, writable(fieldsOf, 'client_keys', ['key', 'last_used_at'], ['key'])),
    ...grant('conversations', ['read', 'update', 'delete'], OWN_TENANT, w('conversations', CONVERSATION_STAMPED)),
    ...grant('messages', ['create', 'read'], OWN_TENANT, w('messages')),
    ...['vehicle_history', 'sync_runs', 'consents', 'analytics_events', 'analytics_daily', 'privacy_requests'].flatMap(
      (c) => grant(c, R, OWN_TENANT, () => ALL),
    ),
    ...CATALOG.flatMap((c) => grant(c, R, null, () => ALL)),
    ...usersOfOwnTenant(['create', 'read', 'update', 'delete']),
    ...grant('directus_roles', R, { id: { _in: [...TENANT_ROLES] } }, () => ['id', 'name', 'icon', 'description']),
    ...grant('workshop_domains', R, OWN_WORKSHOP_DOMAINS, () => DOMAIN_FIELDS),
    ...grant('directus_files', CRUD, OWN_TENANT, fileFields),
    ...appBasics(),
  ];
}

function staffPermissions(fieldsOf: FieldsOf): Permission[] {
  const w = (c: string, readonly?: string[]) => writable(fieldsOf, c, readonly);
  return [
    // `workshops` (the reverse of workshops.tenant) too, or the workshop form shows a broken relation.
    ...grant('tenants', R, { id: { _eq: '$CURRENT_USER.tenant' } }, () => [
      'id',
      'name',
      'plan',
      'subscription_status',
      'trial_ends_at',
      'workshops',
    ]),
    ...grant('workshops', R, OWN_TENANT, () => ALL),
    ...grant('workshops', ['update'], OWN_TENANT, w('workshops', ['slug', 'status', 'template', 'custom_domains'])),
    ...[...CONTENT, ...TRANSLATIONS, 'vehicles', 'vehicle_photos'].flatMap((c) =>
      grant(c, CRUD, OWN_TENANT, w(c, SERVER_SET[c])),
    ),
    ...grant('leads', CRU, OWN_TENANT, w('leads')),
    // Staff take phone bookings and confirm, decline or cancel; deleting stays with the owner (history).
    ...grant('appointments', CRU, OWN_TENANT, writable(fieldsOf, 'appointments', APPOINTMENT_READONLY, ['busy_until'])),
    ...grant('booking_blocks', CRUD, OWN_TENANT, w('booking_blocks')),
    ...grant('conversations', ['update'], OWN_TENANT, w('conversations', CONVERSATION_STAMPED)),
    // Staff may not read widget keys (owners manage them), so the key field would only show an error.
    ...grant('conversations', R, OWN_TENANT, () => fieldsOf('conversations').filter((f) => f !== 'client_key')),
    ...grant('messages', ['create', 'read'], OWN_TENANT, w('messages')),
    ...['vehicle_history', 'inventory_feeds', 'sync_runs', 'consents', 'analytics_events'].flatMap((c) =>
      grant(c, R, OWN_TENANT, () => ALL),
    ),
    ...CATALOG.flatMap((c) => grant(c, R, null, () => ALL)),
    ...usersOfOwnTenant(['read']),
    ...grant('workshop_domains', R, OWN_WORKSHOP_DOMAINS, () => DOMAIN_FIELDS),
    ...grant('directus_files', CRUD, OWN_TENANT, fileFields),
    ...appBasics(),
  ];
}

/**
 * The marketer works on platform content only: the workshop link is not theirs to see or set. `tenant`
 * stays on the forms (stamped empty by the server), so the tenants relation must be readable for the
 * form to show it — as a list with no rows, the marketer learns nothing about any tenant.
 */
function marketerPermissions(fieldsOf: FieldsOf): Permission[] {
  const withoutWorkshop = (c: string) => (action: Action) =>
    action === 'delete'
      ? ALL
      : writable(
          fieldsOf,
          c,
        )(action)
          .flatMap((f) => (f === '*' ? fieldsOf(c) : [f]))
          .filter((f) => f !== 'workshop');
  return [
    ...['faqs', 'posts'].flatMap((c) => grant(c, CRUD, PLATFORM_ONLY, withoutWorkshop(c))),
    ...['faqs_translations', 'posts_translations'].flatMap((c) => grant(c, CRUD, PLATFORM_ONLY, writable(fieldsOf, c))),
    ...grant('tenants', R, NO_ROWS, () => ['id', 'name']),
    ...CATALOG.flatMap((c) => grant(c, R, null, () => ALL)),
    ...grant('directus_files', CRUD, PLATFORM_ONLY, fileFields),
    // Platform files name their uploader; the marketer's colleagues are platform users (no tenant).
    ...grant('directus_users', R, PLATFORM_ONLY, () => ['id', 'first_name', 'last_name', 'email', 'avatar', 'role']),
    ...appBasics(),
  ];
}

/**
 * What every CarBot role that works in the admin app needs from Directus itself. The file library asks
 * for folders on every visit; folders carry no tenant, so a folder's name could tell one workshop about
 * another. Tenant users and the marketer get an empty folder list (no folders UI) instead of an error.
 * Custom translations are interface texts, the same for everybody.
 */
const NO_ROWS: Filter = { id: { _null: true } };
const appBasics = (): Permission[] => [
  ...grant('directus_folders', R, NO_ROWS, () => ['id', 'name', 'parent']),
  ...grant('directus_translations', R, null, () => ['id', 'language', 'key', 'value']),
];

const PUBLISHED_WORKSHOP: Filter = { status: { _eq: 'published' } };
const PUBLISHED: Filter = { status: { _eq: 'published' } };
const ON_SALE: Filter = { status: { _in: ['available', 'reserved'] } };

/**
 * Every file reference, as (collection, field). Websites show the public ones, and only those the Sites
 * policy may read anyway; the private ones are never shown. schema/access.test.ts fails when a relation
 * to directus_files is in neither list, so a new file field must be classified before it ships.
 */
export const PUBLIC_FILE_REFERENCES: readonly (readonly [string, string])[] = [
  ['workshops', 'logo'],
  ['workshops', 'hero_image'],
  ['posts', 'cover_image'],
  ['vehicles', 'cover_image'],
  ['vehicle_photos', 'file'],
  ['workshop_photos', 'image'],
  ['site_templates', 'preview_image'],
];
export const PRIVATE_FILE_REFERENCES: readonly (readonly [string, string])[] = [['inventory_feeds', 'file']];

/** Who may see a workshop's domain records: its own tenant (they hold the value to put into DNS). */
const OWN_WORKSHOP_DOMAINS: Filter = { workshop: OWN_TENANT };
const DOMAIN_FIELDS = ['id', 'workshop', 'domain', 'status', 'token', 'verified_at', 'checked_at', 'check_message'];

/**
 * The Sites policy's files: those referenced by a row it may read (published content of published
 * workshops, catalog data) through a public file field. `$FOLLOW(collection,field)` is Directus's reverse
 * relation in filters; a file nobody published stays private, whoever uploaded it.
 */
function publishedFiles(reads: Permission[]): Filter {
  return {
    _or: PUBLIC_FILE_REFERENCES.map(([collection, field]) => {
      const rule = reads.find((p) => p.collection === collection)?.permissions;
      if (rule === undefined) throw new Error(`Sites liest ${collection} nicht, zeigt also auch keine Dateien daraus.`);
      return { [`$FOLLOW(${collection},${field})`]: rule ?? { [field]: { _nnull: true } } };
    }),
  };
}

const CURRENT_OFFER: Filter = {
  _and: [PUBLISHED, { _or: [{ valid_until: { _null: true } }, { valid_until: { _gte: '$NOW' } }] }],
};

/** The site server's view: what a visitor could see on a published website anyway, nothing more. */
function sitesPermissions(): Permission[] {
  const read = (collection: string, filter: Filter | null, fields = ALL) => grant(collection, R, filter, () => fields);
  const ofPublishedWorkshop = (f: Filter): Filter => ({ _and: [f, { workshop: PUBLISHED_WORKSHOP }] });
  const platformOrPublishedWorkshop = (f: Filter): Filter => ({
    _and: [f, { _or: [{ workshop: { _null: true } }, { workshop: PUBLISHED_WORKSHOP }] }],
  });
  const reads = [
    ...read('tenants', null, ['id', 'plan', 'subscription_status', 'trial_ends_at', 'past_due_since']),
    ...read('workshops', PUBLISHED_WORKSHOP),
    ...read('workshops_translations', { workshops_id: PUBLISHED_WORKSHOP }),
    ...read('services', ofPublishedWorkshop(PUBLISHED)),
    ...read('services_translations', { services_id: ofPublishedWorkshop(PUBLISHED) }),
    ...read('faqs', platformOrPublishedWorkshop(PUBLISHED)),
    ...read('faqs_translations', { faqs_id: platformOrPublishedWorkshop(PUBLISHED) }),
    ...read('posts', platformOrPublishedWorkshop(PUBLISHED)),
    ...read('posts_translations', { posts_id: platformOrPublishedWorkshop(PUBLISHED) }),
    ...read('vehicles', ofPublishedWorkshop(ON_SALE)),
    ...read('vehicle_photos', { vehicle: ofPublishedWorkshop(ON_SALE) }),
    ...read('workshop_photos', ofPublishedWorkshop(PUBLISHED)),
    ...read('testimonials', ofPublishedWorkshop(PUBLISHED)),
    // Offers past their end date are not shown, whatever their status.
    ...read('offers', ofPublishedWorkshop(CURRENT_OFFER)),
    ...read('offers_translations', { offers_id: ofPublishedWorkshop(CURRENT_OFFER) }),
    ...CATALOG.flatMap((c) => read(c, null)),
  ];
  return [
    ...reads,
    // Custom domains resolve only once their owner proved control of them.
    // verified_at orders a workshop's domains (the first verified one is canonical); sorting needs read access.
    ...read('workshop_domains', { _and: [{ status: { _eq: 'verified' } }, { workshop: PUBLISHED_WORKSHOP }] }, [
      'workshop',
      'verified_domain',
      'verified_at',
    ]),
    ...read('directus_files', publishedFiles(reads)),
  ];
}

/**
 * Uploads write many system fields, so creates allow all (the tenant guard hook stamps `tenant`); edits
 * are limited to what a person changes in the file library.
 */
const FILE_EDITABLE = [
  'title',
  'description',
  'tags',
  'location',
  'focal_point_x',
  'focal_point_y',
  'folder',
  'filename_download',
];
const fileFields = (action: Action) => (action === 'update' ? FILE_EDITABLE : ALL);

function usersOfOwnTenant(actions: Action[]): Permission[] {
  return actions.map(
    (action): Permission => ({
      collection: 'directus_users',
      action,
      fields:
        action === 'read'
          ? USER_FIELDS_VISIBLE
          : action === 'delete'
            ? ALL
            : action === 'create'
              ? [...USER_FIELDS_EDITABLE, 'tenant']
              : USER_FIELDS_EDITABLE,
      permissions: action === 'create' ? null : OWN_TENANT,
      validation: action === 'create' ? { _and: [{ role: { _in: [...TENANT_ROLES] } }, OWN_TENANT] } : null,
      presets: action === 'create' ? TENANT_PRESET : null,
    }),
  );
}

/**
 * Secrets and hashes (core's isSecretField: session token hashes, webhook secrets, IP pseudonyms) are in
 * no CarBot policy's field list: not readable, not filterable, not writable, on REST, GraphQL and every
 * other path. Only CarBot's server code (as the system) and administrators touch them. `*` is spelled
 * out wherever a collection has such a field; system collections are granted explicit lists already.
 */
function withoutSecrets(fieldsOf: FieldsOf, permission: Permission): Permission {
  if (permission.action === 'delete') return permission;
  const secret = (field: string) => isSecretField(permission.collection, field);
  if (!permission.fields.includes('*')) return { ...permission, fields: permission.fields.filter((f) => !secret(f)) };
  if (permission.collection.startsWith('directus_')) return permission;
  const all = fieldsOf(permission.collection);
  return all.some(secret) ? { ...permission, fields: all.filter((f) => !secret(f)) } : permission;
}

export function policies(fieldsOf: FieldsOf): PolicyDef[] {
  return definedPolicies(fieldsOf).map((policy) => ({
    ...policy,
    permissions: policy.permissions.map((permission) => withoutSecrets(fieldsOf, permission)),
  }));
}

function definedPolicies(fieldsOf: FieldsOf): PolicyDef[] {
  const base = { admin_access: false as const, enforce_tfa: false as const };
  return [
    {
      ...base,
      id: POLICY.owner,
      name: 'Workshop Owner',
      icon: 'garage_home',
      description: 'Alles des eigenen Mandanten: Werkstätten, Inhalte, Leads, Abrechnung, Client-Keys, Benutzer.',
      app_access: true,
      permissions: ownerPermissions(fieldsOf),
    },
    {
      ...base,
      id: POLICY.staff,
      name: 'Workshop Staff',
      icon: 'engineering',
      description: 'Inhalte und Leads des eigenen Mandanten bearbeiten.',
      app_access: true,
      permissions: staffPermissions(fieldsOf),
    },
    {
      ...base,
      id: POLICY.marketer,
      name: 'Marketer',
      icon: 'campaign',
      description: 'Blog, FAQ und SEO der Plattform – keine Daten von Werkstätten.',
      app_access: true,
      permissions: marketerPermissions(fieldsOf),
    },
    {
      ...base,
      id: POLICY.sites,
      name: 'Sites',
      icon: 'public',
      description: 'Nur-Lese-Zugang des Site-Servers: veröffentlichte Inhalte, keine Leads, Gespräche oder Benutzer.',
      app_access: false,
      permissions: sitesPermissions(),
    },
  ];
}

export const roles: RoleDef[] = [
  {
    id: ROLE.owner,
    name: 'Werkstattinhaber',
    icon: 'garage_home',
    description: 'Inhaber eines Werkstatt-Mandanten',
    policy: POLICY.owner,
  },
  {
    id: ROLE.staff,
    name: 'Werkstatt-Team',
    icon: 'engineering',
    description: 'Mitarbeitende einer Werkstatt',
    policy: POLICY.staff,
  },
  {
    id: ROLE.marketer,
    name: 'Marketing',
    icon: 'campaign',
    description: 'Plattform-Marketing (Blog, FAQ, SEO)',
    policy: POLICY.marketer,
  },
  {
    id: ROLE.sites,
    name: 'Sites (API)',
    icon: 'public',
    description: 'Technischer Zugang des Site-Servers',
    policy: POLICY.sites,
  },
];

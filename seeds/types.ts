/**
 * Shape of seed data. Rows are written through the Directus REST API as the platform admin, so hooks run
 * (tenant stamping) exactly as for real users. Every row has a fixed id: seeding inserts what is missing
 * and never overwrites, so edits made in the admin survive a restart.
 */
export type Lang = 'de' | 'en' | 'tr' | 'pl';

/** Rows of one collection; `translations` use Directus's nested format: [{ languages_code, ...fields }]. */
export type Row = { id: string } & Record<string, unknown>;

export type DemoUser = {
  id: string;
  email: string;
  password: string;
  first_name: string;
  last_name: string;
  /** 'owner' | 'staff' for tenant users; 'marketer' for the platform marketer (tenant null). */
  role: 'owner' | 'staff' | 'marketer';
};

/** One customer account with everything that belongs to it. Order of keys = order of creation. */
export type TenantSeed = {
  tenant: Row; // tenants row: id, name, plan, subscription_status, trial_ends_at, billing_email, billing_country, vat_id
  workshops: Row[];
  services: Row[];
  faqs: Row[];
  posts: Row[];
  /** Vehicle feeds (inventory_feeds), created before the vehicles that belong to them. */
  feeds?: Row[];
  vehicles: Row[];
  users: DemoUser[];
};

export type PlatformSeed = { faqs: Row[]; posts: Row[]; users: DemoUser[] };

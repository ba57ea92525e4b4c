/**
 * Default list layouts of the admin: the columns a workshop owner or staff member wants to see first,
 * few enough to fit a 1366 px laptop screen between the navigation and the open sidebar (about 730 px,
 * widths in px, the rest Directus's default). They are defaults — applied only where no global layout exists yet — so changes made in
 * the admin are kept.
 */
export type LayoutDefault = {
  collection: string;
  fields: string[];
  sort: string[];
  widths?: Record<string, number>;
  /** A calendar instead of a table (Directus's calendar layout), on these date fields. */
  calendar?: { start: string; end: string; template: string };
};

/**
 * Saved views (bookmarks) everyone of a tenant sees in the navigation, e.g. the open booking requests.
 * Like the layouts, created only when missing.
 */
export type Bookmark = LayoutDefault & { bookmark: string; icon: string; filter: Record<string, unknown> };

export const layouts: LayoutDefault[] = [
  { collection: 'tenants', fields: ['name', 'plan', 'subscription_status', 'trial_ends_at'], sort: ['name'] },
  { collection: 'workshops', fields: ['name', 'city', 'status', 'template', 'phone'], sort: ['name'] },
  {
    collection: 'services',
    fields: ['translations', 'price', 'price_from', 'status'],
    sort: ['sort'],
    widths: { translations: 300, price: 110, price_from: 80, status: 130 },
  },
  {
    collection: 'faqs',
    fields: ['translations', 'category', 'status'],
    sort: ['sort'],
    widths: { translations: 380, category: 140, status: 120 },
  },
  // Undated drafts first, then newest (sort_date: see core/admin/shell).
  {
    collection: 'posts',
    fields: ['translations', 'status', 'published_at', 'workshop'],
    sort: ['-sort_date', '-date_created'],
    widths: { translations: 280, status: 120, published_at: 140, workshop: 140 },
  },
  {
    collection: 'vehicles',
    fields: ['make', 'model', 'year', 'mileage_km', 'price', 'status'],
    sort: ['-date_created'],
    widths: { make: 110, model: 150, year: 70, mileage_km: 110, price: 110, status: 120 },
  },
  {
    collection: 'vehicle_history',
    fields: ['change', 'vehicle', 'old_price', 'new_price', 'date_created'],
    sort: ['-date_created'],
  },
  {
    collection: 'inventory_feeds',
    fields: ['name', 'mode', 'status', 'last_run_at', 'last_run_status'],
    sort: ['name'],
  },
  {
    collection: 'leads',
    fields: ['status', 'name', 'phone', 'car', 'date_created'],
    sort: ['-date_created'],
    widths: { status: 110, name: 170, phone: 140, car: 140, date_created: 120 },
  },
  {
    collection: 'conversations',
    fields: ['status', 'workshop', 'language', 'message_count', 'last_message_at'],
    sort: ['-last_message_at'],
  },
  { collection: 'consents', fields: ['purpose', 'policy_version', 'granted', 'date_created'], sort: ['-date_created'] },
  { collection: 'client_keys', fields: ['name', 'status', 'allowed_origins', 'last_used_at'], sort: ['name'] },
  // Staff plan the day in a calendar; the table fields are what the calendar's list toggle shows.
  {
    collection: 'appointments',
    fields: ['start', 'status', 'customer_name', 'service', 'customer_phone'],
    sort: ['start'],
    widths: { start: 160, status: 120, customer_name: 170, service: 160, customer_phone: 140 },
    calendar: { start: 'start', end: 'end', template: '{{customer_name}} – {{car}}' },
  },
  {
    collection: 'booking_blocks',
    fields: ['start', 'end', 'bays', 'reason'],
    sort: ['-start'],
    calendar: { start: 'start', end: 'end', template: '{{reason}}' },
  },
];

export const bookmarks: Bookmark[] = [
  {
    collection: 'appointments',
    bookmark: 'Offene Terminanfragen',
    icon: 'pending_actions',
    fields: ['start', 'customer_name', 'service', 'customer_phone', 'date_created'],
    sort: ['start'],
    widths: { start: 160, customer_name: 170, service: 160, customer_phone: 140, date_created: 120 },
    filter: { status: { _eq: 'requested' } },
  },
];

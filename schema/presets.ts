/**
 * Default list layouts of the admin: the columns a workshop owner or staff member wants to see first,
 * few enough to fit a 1366 px laptop screen between the navigation and the open sidebar (about 730 px,
 * widths in px, the rest Directus's default). They are defaults — applied only where no global layout exists yet — so changes made in
 * the admin are kept.
 */
export type LayoutDefault = { collection: string; fields: string[]; sort: string[]; widths?: Record<string, number> };

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
];

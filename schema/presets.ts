/**
 * Default list layouts of the admin: the columns a workshop owner or staff member wants to see first,
 * few enough to fit a 1366 px laptop screen beside the navigation (widths in px, the rest Directus's
 * default). They are defaults — applied only where no global layout exists yet — so changes made in
 * the admin are kept.
 */
export type LayoutDefault = { collection: string; fields: string[]; sort: string[]; widths?: Record<string, number> };

export const layouts: LayoutDefault[] = [
  { collection: 'tenants', fields: ['name', 'plan', 'subscription_status', 'trial_ends_at'], sort: ['name'] },
  { collection: 'workshops', fields: ['name', 'city', 'status', 'template', 'phone'], sort: ['name'] },
  {
    collection: 'services',
    fields: ['translations', 'price', 'price_from', 'duration_minutes', 'status'],
    sort: ['sort'],
    widths: { translations: 300, price: 130, price_from: 90, duration_minutes: 120, status: 140 },
  },
  {
    collection: 'faqs',
    fields: ['translations', 'category', 'status'],
    sort: ['sort'],
    widths: { translations: 420, category: 160, status: 140 },
  },
  // Undated drafts first, then newest (sort_date: see core/admin/shell).
  {
    collection: 'posts',
    fields: ['translations', 'status', 'published_at', 'workshop'],
    sort: ['-sort_date', '-date_created'],
    widths: { translations: 340, status: 140, published_at: 170, workshop: 200 },
  },
  {
    collection: 'vehicles',
    fields: ['make', 'model', 'year', 'mileage_km', 'fuel', 'price', 'status'],
    sort: ['-date_created'],
    widths: { make: 130, model: 160, year: 80, mileage_km: 110, fuel: 110, price: 120, status: 120 },
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
    widths: { status: 130, name: 200, phone: 160, car: 180, date_created: 170 },
  },
  {
    collection: 'conversations',
    fields: ['status', 'workshop', 'language', 'message_count', 'last_message_at'],
    sort: ['-last_message_at'],
  },
  { collection: 'consents', fields: ['purpose', 'policy_version', 'granted', 'date_created'], sort: ['-date_created'] },
  { collection: 'client_keys', fields: ['name', 'status', 'allowed_origins', 'last_used_at'], sort: ['name'] },
];

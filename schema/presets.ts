/**
 * Default list layouts of the admin: the columns a workshop owner or staff member wants to see first.
 * They are defaults — applied only where no global layout exists yet — so changes made in the admin
 * are kept.
 */
export type LayoutDefault = { collection: string; fields: string[]; sort: string[] };

export const layouts: LayoutDefault[] = [
  { collection: 'tenants', fields: ['name', 'plan', 'subscription_status', 'trial_ends_at'], sort: ['name'] },
  { collection: 'workshops', fields: ['name', 'city', 'status', 'template', 'phone'], sort: ['name'] },
  {
    collection: 'services',
    fields: ['translations', 'price', 'price_from', 'duration_minutes', 'category', 'status', 'workshop'],
    sort: ['sort'],
  },
  { collection: 'faqs', fields: ['translations', 'category', 'status', 'workshop'], sort: ['sort'] },
  { collection: 'posts', fields: ['translations', 'status', 'published_at', 'workshop'], sort: ['-published_at'] },
  {
    collection: 'vehicles',
    fields: ['make', 'model', 'year', 'mileage_km', 'fuel', 'price', 'status'],
    sort: ['-date_created'],
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
    fields: ['status', 'name', 'phone', 'email', 'car', 'workshop', 'date_created'],
    sort: ['-date_created'],
  },
  {
    collection: 'conversations',
    fields: ['status', 'workshop', 'language', 'message_count', 'last_message_at'],
    sort: ['-last_message_at'],
  },
  { collection: 'consents', fields: ['purpose', 'policy_version', 'granted', 'date_created'], sort: ['-date_created'] },
  { collection: 'client_keys', fields: ['name', 'status', 'allowed_origins', 'last_used_at'], sort: ['name'] },
];

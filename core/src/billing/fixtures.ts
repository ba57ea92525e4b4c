import type { Plan } from './plans.ts';

/** The three plans as seeded (seeds/base), for tests of the rules that read them. */
export const PLANS: Plan[] = [
  {
    key: 'basic',
    name: 'Basic',
    price_net: 49,
    sort: 1,
    max_client_keys: 3,
    max_leads_per_month: 100,
    max_locations: 1,
    website: false,
    all_templates: false,
    custom_templates: false,
    custom_domain: false,
    api_access: false,
    trial_days: 14,
    stripe_price_id: null,
  },
  {
    key: 'premium',
    name: 'Premium',
    price_net: '99.00',
    sort: 2,
    max_client_keys: 10,
    max_leads_per_month: null,
    max_locations: 1,
    website: true,
    all_templates: true,
    custom_templates: false,
    custom_domain: true,
    api_access: false,
    trial_days: 14,
    stripe_price_id: 'price_premium',
  },
  {
    key: 'enterprise',
    name: 'Enterprise',
    price_net: 199,
    sort: 3,
    max_client_keys: null,
    max_leads_per_month: null,
    max_locations: null,
    website: true,
    all_templates: true,
    custom_templates: true,
    custom_domain: true,
    api_access: true,
    trial_days: 14,
    stripe_price_id: null,
  },
];

export const plan = (key: string): Plan => {
  const found = PLANS.find((p) => p.key === key);
  if (!found) throw new Error(key);
  return found;
};

import { admin } from './http.ts';

export type Probe = { id: string | number; marker: string };
export type Probes = Record<string, Probe>;

/** Creates, as platform admin, one row per tenant-owned collection for a tenant; returns ids and markers. */
export async function createProbes(tenant: string, label: string): Promise<Probes> {
  const probes: Probes = {};
  const marker = (c: string) => `probe-${c}-${label}-${Math.random().toString(36).slice(2, 8)}`;
  const create = async (collection: string, payload: (m: string) => Record<string, unknown>) => {
    const m = marker(collection);
    const res = await admin().post(`/items/${collection}`, payload(m));
    if (res.status !== 200) throw new Error(`Probe ${collection}: ${res.status} ${res.text}`);
    probes[collection] = { id: res.body.data.id, marker: m };
    return res.body.data.id as string;
  };
  const W = await create('workshops', (m) => ({ tenant, name: m, slug: m.toLowerCase(), status: 'draft' }));
  await create('workshops_translations', (m) => ({ workshops_id: W, languages_code: 'pl', tagline: m }));
  const S = await create('services', () => ({ workshop: W, price: 123.45, category: 'sonstiges' }));
  await create('services_translations', (m) => ({ services_id: S, languages_code: 'pl', name: m }));
  const F = await create('faqs', (m) => ({ workshop: W, category: m }));
  await create('faqs_translations', (m) => ({ faqs_id: F, languages_code: 'pl', question: m }));
  const P = await create('posts', (m) => ({ workshop: W, slug: m.toLowerCase(), status: 'draft' }));
  await create('posts_translations', (m) => ({ posts_id: P, languages_code: 'pl', title: m }));
  const V = await create('vehicles', (m) => ({ workshop: W, make: m, model: 'Probe' }));
  await create('workshop_photos', (m) => ({ workshop: W, caption: m, status: 'draft' }));
  await create('testimonials', (m) => ({ workshop: W, author: m, status: 'draft' }));
  const O = await create('offers', (m) => ({
    workshop: W,
    title: m,
    status: 'draft',
    valid_until: '2099-12-31T00:00:00Z',
  }));
  await create('offers_translations', (m) => ({ offers_id: O, languages_code: 'pl', title: m }));
  await create('vehicle_history', () => ({ vehicle: V, change: 'created' }));
  await create('vehicle_photos', (m) => ({ vehicle: V, alt: m }));
  const IF = await create('inventory_feeds', (m) => ({ workshop: W, name: m }));
  await create('sync_runs', (m) => ({ feed: IF, status: 'ok', trigger: 'manual', message: m }));
  const C = await create('conversations', (m) => ({ workshop: W, origin: m }));
  await create('messages', (m) => ({ conversation: C, role: 'visitor', content: m }));
  await create('leads', (m) => ({ workshop: W, name: m, phone: '+49 30 1234567', conversation: C }));
  await create('consents', (m) => ({ workshop: W, purpose: 'lead_contact', policy_version: 'v1', text_shown: m }));
  await create('client_keys', (m) => ({ workshop: W, name: m, key: `cbk_${m}` }));
  await create('analytics_events', (m) => ({ workshop: W, type: 'page_view', path: `/${m}` }));
  await create('analytics_daily', (m) => ({
    workshop: W,
    day: '2026-01-01',
    metric: 'page_path',
    dimension: `/${m}`,
    value: 1,
  }));
  await create('appointments', (m) => ({
    workshop: W,
    service: S,
    start: '2027-06-01T08:00:00.000Z',
    end: '2027-06-01T09:00:00.000Z',
    customer_name: m,
    status: 'requested',
  }));
  await create('booking_blocks', (m) => ({
    workshop: W,
    start: '2027-06-02T08:00:00.000Z',
    end: '2027-06-02T09:00:00.000Z',
    reason: m,
  }));
  await create('privacy_requests', (m) => ({ tenant, kind: 'export', source: 'admin', matched_by: m, total: 0 }));
  return probes;
}

/**
 * Test and benchmark data for the sites: one published workshop per template (Enterprise tenant) and a
 * published workshop on the Basic plan. Plain data plus an idempotent writer that takes any HTTP client,
 * so the integration tests and `npm run bench:sites` create exactly the same sites.
 */
export const TEMPLATES = ['klassisch', 'modern', 'premium', 'elektro', 'oldtimer'] as const;
export const TEST_TENANT = '5e5e0000-0000-4000-a000-000000000001';
export const BASIC_TENANT = '5e5e0000-0000-4000-a000-000000000002';
export const BASIC_WORKSHOP = '5e5e0000-0000-4000-b000-000000000009';
export const workshopId = (i: number) => `5e5e0000-0000-4000-b000-00000000000${i + 1}`;
export const templateSlug = (template: string) => `vorlage-${template}`;

export type Call = (method: 'GET' | 'POST', path: string, body?: unknown) => Promise<{ status: number; text: string }>;

const hours = {
  mo: [['08:00', '17:00']],
  tu: [['08:00', '17:00']],
  we: [['08:00', '17:00']],
  th: [['08:00', '17:00']],
  fr: [['08:00', '15:00']],
  sa: [],
  su: [],
};

/** What each template's audience components show: owner-ticked badges, brands, founding year. */
const TEMPLATE_EXTRAS: Record<(typeof TEMPLATES)[number], Record<string, unknown>> = {
  klassisch: { badges: ['meisterbetrieb', 'innungsbetrieb', 'tuev'], founded_year: 1990 },
  modern: { badges: ['festpreise', 'ersatzwagen'] },
  premium: { badges: ['meisterbetrieb', 'alle-marken'], brands: ['Mercedes-Benz', 'BMW', 'Porsche'] },
  elektro: { badges: ['hochvolt', 'ladestation'] },
  oldtimer: { badges: ['oldtimer', 'meisterbetrieb'], founded_year: 1962 },
};

async function ensure(call: Call, collection: string, row: Record<string, unknown>) {
  const found = await call('GET', `/items/${collection}/${row.id}`);
  if (found.status === 200) return;
  const created = await call('POST', `/items/${collection}`, row);
  if (created.status !== 200) throw new Error(`${collection} anlegen: ${created.status} ${created.text}`);
}

/** Idempotent: several test files share one Directus per run. */
export async function ensureTemplateWorkshops(call: Call) {
  await ensure(call, 'tenants', {
    id: TEST_TENANT,
    name: 'Vorlagen-Test GmbH',
    plan: 'enterprise',
    subscription_status: 'active',
    billing_country: 'DE',
  });
  await ensure(call, 'tenants', {
    id: BASIC_TENANT,
    name: 'Nur-Widget-Test',
    plan: 'basic',
    subscription_status: 'active',
    billing_country: 'DE',
  });
  for (const [i, template] of TEMPLATES.entries()) {
    await ensure(call, 'workshops', {
      id: workshopId(i),
      tenant: TEST_TENANT,
      status: 'published',
      name: `Testwerkstatt ${template}`,
      slug: templateSlug(template),
      template,
      languages: ['de', 'en', 'tr', 'pl'],
      street: 'Teststraße 1',
      postal_code: '10115',
      city: 'Berlin',
      country: 'DE',
      latitude: 52.53,
      longitude: 13.38,
      phone: '+49 30 23125-000',
      email: `${template}@example.com`,
      opening_hours: hours,
      legal_name: `Testwerkstatt ${template} GmbH`,
      legal_form: 'GmbH',
      managing_director: 'Erika Mustermann',
      handwerkskammer: 'Handwerkskammer Berlin',
      register_court: 'Amtsgericht Charlottenburg',
      register_number: 'HRB 000000',
      vat_id: 'DE000000000',
      custom_domains: template === 'klassisch' ? ['www.vorlage-klassisch.example'] : [],
      ...TEMPLATE_EXTRAS[template],
      // Online booking on every template, so the booking page is checked like every other page type.
      booking_enabled: true,
      booking_lead_hours: 0,
      booking_capacity: 2,
      translations: [
        { languages_code: 'de', tagline: `Ihre ${template}-Werkstatt in Berlin`, about: 'Seit 1990 **für Sie** da.' },
        { languages_code: 'en', tagline: `Your ${template} workshop in Berlin` },
      ],
      services: [
        {
          status: 'published',
          price: 89,
          price_from: true,
          duration_minutes: 45,
          bookable: true,
          sort: 1,
          category: template === 'elektro' ? 'eauto' : 'inspektion',
          translations: [
            { languages_code: 'de', name: 'Ölwechsel', description: 'Mit Filter und Entsorgung.' },
            { languages_code: 'en', name: 'Oil change', description: 'With filter and disposal.' },
          ],
        },
        {
          status: 'published',
          price: 149,
          price_from: false,
          duration_minutes: 120,
          sort: 2,
          category: 'hu_au',
          translations: [{ languages_code: 'de', name: 'HU/AU', description: 'Hauptuntersuchung im Haus.' }],
        },
      ],
    });
    await ensure(call, 'faqs', {
      id: `5e5e0000-0000-4000-c000-00000000000${i + 1}`,
      workshop: workshopId(i),
      status: 'published',
      sort: 1,
      translations: [
        { languages_code: 'de', question: 'Brauche ich einen Termin?', answer: 'Ja, bitte **vorher** anrufen.' },
      ],
    });
    await ensure(call, 'posts', {
      id: `5e5e0000-0000-4000-d000-00000000000${i + 1}`,
      workshop: workshopId(i),
      status: 'published',
      slug: 'reifenwechsel-tipps',
      published_at: '2026-03-01T08:00:00Z',
      author: 'Erika Mustermann',
      translations: [
        {
          languages_code: 'de',
          title: 'Tipps zum Reifenwechsel',
          excerpt: 'Wann wechseln?',
          content: 'Von O bis O.\n\n## Profil\n\nMindestens 4 mm.',
        },
        {
          languages_code: 'en',
          title: 'Tyre change tips',
          excerpt: 'When to change?',
          content: 'From October to Easter.',
        },
      ],
    });
  }
  await ensure(call, 'workshops', {
    id: BASIC_WORKSHOP,
    tenant: BASIC_TENANT,
    status: 'published',
    name: 'Basis-Werkstatt',
    slug: 'basis-werkstatt',
    template: 'klassisch',
    languages: ['de'],
    custom_domains: ['www.basis-werkstatt.example'],
  });
}

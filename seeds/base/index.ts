/**
 * Base data every installation needs: languages, plans and the five site templates.
 * These collections use a string key as primary key (`code` / `key`), not `id`.
 */

/** Website and assistant languages. German is the default and always present. */
export const languages: Record<string, unknown>[] = [
  { code: 'de', name: 'Deutsch', direction: 'ltr', sort: 1 },
  { code: 'en', name: 'English', direction: 'ltr', sort: 2 },
  { code: 'tr', name: 'Türkçe', direction: 'ltr', sort: 3 },
  { code: 'pl', name: 'Polski', direction: 'ltr', sort: 4 },
];

/** Plans with their limits. `null` in a limit means unlimited. Prices are net EUR per month. */
export const plans: Record<string, unknown>[] = [
  {
    key: 'basic',
    name: 'Basic',
    price_net: 49,
    max_client_keys: 3,
    max_leads_per_month: 100,
    max_locations: 1,
    website: false,
    all_templates: false,
    custom_templates: false,
    custom_domain: false,
    api_access: false,
    ai_budget_eur: 5,
    retention_days: 90,
    trial_days: 14,
    stripe_price_id: null,
    sort: 1,
  },
  {
    key: 'premium',
    name: 'Premium',
    price_net: 99,
    max_client_keys: 10,
    max_leads_per_month: null,
    max_locations: 1,
    website: true,
    all_templates: true,
    custom_templates: false,
    custom_domain: true,
    api_access: false,
    ai_budget_eur: 20,
    retention_days: 180,
    trial_days: 14,
    stripe_price_id: null,
    sort: 2,
  },
  {
    key: 'enterprise',
    name: 'Enterprise',
    price_net: 199,
    max_client_keys: null,
    max_leads_per_month: null,
    max_locations: null,
    website: true,
    all_templates: true,
    custom_templates: true,
    custom_domain: true,
    api_access: true,
    ai_budget_eur: 60,
    retention_days: 365,
    trial_days: 14,
    stripe_price_id: null,
    sort: 3,
  },
];

/**
 * The five website templates. Fonts are open-licence (SIL OFL) families that are self-hosted by the site server;
 * nothing is loaded from a third-party CDN. Basic has no website, so every template starts at Premium.
 */
export const siteTemplates: Record<string, unknown>[] = [
  {
    key: 'klassisch',
    name: 'Klassische Werkstatt',
    description:
      'Solide und vertrauenswürdig: klare Struktur, ruhige Farben und gut lesbare Schrift. Passt zum ' +
      'inhabergeführten Meisterbetrieb mit Stammkundschaft aus der Nachbarschaft.',
    min_plan: 'premium',
    color_primary: '#1e3a5f',
    color_accent: '#c2410c',
    font_heading: 'Bitter',
    font_body: 'Source Sans 3',
    sort: 1,
  },
  {
    key: 'modern',
    name: 'Moderne Autowerkstatt',
    description:
      'Kräftige Kontraste, große Bilder und kurze Wege zum Termin. Für Werkstätten, die jüngere Kundschaft ' +
      'ansprechen und vor allem auf dem Smartphone gefunden werden wollen.',
    min_plan: 'premium',
    color_primary: '#b91c1c',
    color_accent: '#1f2937',
    font_heading: 'Oswald',
    font_body: 'Inter',
    sort: 2,
  },
  {
    key: 'premium',
    name: 'Premium Service Center',
    description:
      'Elegant und zurückhaltend mit viel Weißraum, edler Serifenschrift und goldenen Akzenten. Ideal für ' +
      'Autohäuser und Service-Center mit Fahrzeugbestand und gehobenem Anspruch.',
    min_plan: 'premium',
    color_primary: '#1a1a1a',
    color_accent: '#b08d57',
    font_heading: 'Cormorant Garamond',
    font_body: 'Jost',
    sort: 3,
  },
  {
    key: 'elektro',
    name: 'Elektro & Hybrid Spezialist',
    description:
      'Frisch, technisch und klar: Grün- und Blautöne, Icons für Hochvolt-Leistungen und eine übersichtliche ' +
      'Darstellung von E-Auto-Services. Für Betriebe mit Schwerpunkt Elektromobilität.',
    min_plan: 'premium',
    color_primary: '#047857',
    color_accent: '#0284c7',
    font_heading: 'Space Grotesk',
    font_body: 'Inter',
    sort: 4,
  },
  {
    key: 'oldtimer',
    name: 'Oldtimer Spezialwerkstatt',
    description:
      'Warme Töne, klassische Typografie und Raum für Geschichten und Fotos von Restaurierungen. Für ' +
      'Werkstätten, die Klassiker pflegen, restaurieren und zum H-Kennzeichen begleiten.',
    min_plan: 'premium',
    color_primary: '#7c2d12',
    color_accent: '#b45309',
    font_heading: 'Fraunces',
    font_body: 'Lora',
    sort: 5,
  },
];

/**
 * German for the admin texts Directus 11 ships only in English (its de-DE file lacks these keys). The
 * admin merges custom translations into its own, so these replace the English fallback for everybody
 * whose admin language is German; an administrator may reword them in Settings → Translations.
 */
export const adminTranslations: { language: string; key: string; value: string }[] = [
  { language: 'de-DE', key: 'active_users', value: 'Aktive Benutzer' },
  { language: 'de-DE', key: 'suspended_users', value: 'Gesperrte Benutzer' },
  { language: 'de-DE', key: 'invited_users', value: 'Eingeladene Benutzer' },
  {
    language: 'de-DE',
    key: 'relationship_not_setup',
    value: 'Diese Verknüpfung ist nicht eingerichtet, oder Sie haben keinen Zugriff auf die verknüpften Daten.',
  },
];

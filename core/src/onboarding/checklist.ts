/**
 * The owner's first steps after registering, each derived from data that already exists (nothing to
 * tick off by hand, nothing that can drift): a step is done when the thing it asks for is there. The
 * input is the tenant's data, never one user's view of it, so owner and staff see the same result.
 */
export type ChecklistWorkshop = {
  id: string;
  status: string | null;
  opening_hours: unknown;
  legal_name: string | null;
  managing_director: string | null;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  handwerkskammer: string | null;
};

export type ChecklistInput = {
  website: boolean;
  workshop: ChecklistWorkshop | null;
  services: number;
  faqs: number;
  activeClientKeys: number;
};

export type Step = { key: string; label: string; hint: string; done: boolean; path: string };

const filled = (v: string | null | undefined) => typeof v === 'string' && v.trim() !== '';

export function hasOpeningHours(value: unknown): boolean {
  let hours = value;
  if (typeof hours === 'string') {
    try {
      hours = JSON.parse(hours);
    } catch {
      return false;
    }
  }
  if (!hours || typeof hours !== 'object' || Array.isArray(hours)) return false;
  return Object.values(hours as Record<string, unknown>).some((ranges) => Array.isArray(ranges) && ranges.length > 0);
}

export const LEGAL_FIELDS = [
  'legal_name',
  'managing_director',
  'street',
  'postal_code',
  'city',
  'phone',
  'email',
  'handwerkskammer',
] as const;

export function checklist(input: ChecklistInput): Step[] {
  const w = input.workshop;
  const workshopPath = w ? `/content/workshops/${w.id}` : '/content/workshops';
  const steps: Step[] = [
    {
      key: 'services',
      label: 'Leistungen mit Preisen anlegen',
      hint: 'Was bieten Sie an, und was kostet es? Darauf antwortet auch der Chat-Assistent.',
      done: input.services > 0,
      path: '/content/services',
    },
    {
      key: 'hours',
      label: 'Öffnungszeiten eintragen',
      hint: 'Für Website, Google und die Frage „Haben Sie heute offen?“.',
      done: hasOpeningHours(w?.opening_hours),
      path: workshopPath,
    },
    {
      key: 'faq',
      label: 'Häufige Fragen beantworten',
      hint: 'Drei bis fünf Fragen, die Kunden am Telefon oft stellen.',
      done: input.faqs > 0,
      path: '/content/faqs',
    },
    {
      key: 'legal',
      label: 'Impressumsangaben vervollständigen',
      hint: 'Firmenname, Inhaber:in, Anschrift, Telefon, E-Mail und Handwerkskammer (§ 5 DDG).',
      done: Boolean(w) && LEGAL_FIELDS.every((f) => filled(w?.[f])),
      path: workshopPath,
    },
  ];
  if (input.website) {
    steps.push({
      key: 'publish',
      label: 'Website veröffentlichen',
      hint: 'Status der Werkstatt auf „Veröffentlicht“ setzen – dann ist Ihre Website erreichbar.',
      done: w?.status === 'published',
      path: workshopPath,
    });
  }
  // A published CarBot website shows the chat on its own; a widget key is for the workshop's other sites.
  const siteShowsChat = input.website && w?.status === 'published';
  steps.push({
    key: 'widget',
    label: 'Chat-Widget einbauen',
    hint: siteShowsChat
      ? 'Ihre CarBot-Website zeigt den Chat bereits. Für weitere eigene Websites legen Sie einen Widget-Key an.'
      : 'Widget-Key anlegen, Ihre Website als erlaubte Herkunft eintragen und das Script einfügen.',
    done: siteShowsChat || input.activeClientKeys > 0,
    path: '/content/client_keys',
  });
  return steps;
}

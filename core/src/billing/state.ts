/**
 * What a tenant's subscription state means for the product right now: whether its website and widget
 * are live, and what the admin tells the owner. Nothing here ever deletes data; a paused tenant keeps
 * everything and comes back the moment it pays.
 */

export const GRACE_DAYS = 7;
const DAY = 24 * 60 * 60 * 1000;

/** A moment as Directus or the raw driver gives it: ISO text, a Date (PostgreSQL), or epoch ms (SQLite). */
export type Moment = string | number | Date | null;

export type BillingTenant = {
  plan: string | null;
  subscription_status: string | null;
  trial_ends_at: Moment;
  past_due_since: Moment;
  current_period_end?: Moment;
  cancel_at?: Moment;
  stripe_subscription_id?: string | null;
};

export type Phase = 'trial' | 'active' | 'grace' | 'trial_expired' | 'suspended' | 'canceled' | 'pending';

export type Banner = { level: 'info' | 'warning' | 'danger'; text: string };

export type ServiceState = {
  phase: Phase;
  /** Website and widget are served. */
  live: boolean;
  banner: Banner | null;
  trialEndsAt: Date | null;
  graceEndsAt: Date | null;
};

export function toDate(value: Moment | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  // SQLite hands out epoch milliseconds, sometimes as text.
  const date =
    value instanceof Date ? value : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);
  return Number.isNaN(date.getTime()) ? null : date;
}

const dateDe = (date: Date) =>
  new Intl.DateTimeFormat('de-DE', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Berlin',
  }).format(date);

/** Days left until `end`, rounded up, for "noch 3 Tage". */
const daysLeft = (end: Date, now: Date) => Math.max(0, Math.ceil((end.getTime() - now.getTime()) / DAY));

export function serviceState(tenant: BillingTenant, now: Date = new Date()): ServiceState {
  const status = tenant.subscription_status ?? 'trialing';
  const trialEndsAt = toDate(tenant.trial_ends_at);
  const cancelAt = toDate(tenant.cancel_at);
  const hasSubscription = Boolean(tenant.stripe_subscription_id);
  const base = { trialEndsAt, graceEndsAt: null };
  const cancelNotice = (): Banner | null =>
    cancelAt && cancelAt > now
      ? {
          level: 'info',
          text: `Ihr Abo ist gekündigt und endet am ${dateDe(cancelAt)}. Bis dahin läuft alles wie gewohnt.`,
        }
      : null;

  switch (status) {
    case 'active':
      return { ...base, phase: 'active', live: true, banner: cancelNotice() };
    case 'trialing':
    case 'incomplete': {
      if (trialEndsAt === null || trialEndsAt > now) {
        const left = trialEndsAt ? daysLeft(trialEndsAt, now) : null;
        const text = hasSubscription
          ? `Ihre Testphase läuft bis zum ${trialEndsAt ? dateDe(trialEndsAt) : '–'}; danach beginnt Ihr Abo automatisch.`
          : `Ihre kostenlose Testphase läuft noch ${left === 1 ? '1 Tag' : `${left ?? 14} Tage`}${trialEndsAt ? ` (bis zum ${dateDe(trialEndsAt)})` : ''}. Wählen Sie rechtzeitig einen Tarif, damit Website und Chat ohne Unterbrechung weiterlaufen.`;
        return {
          ...base,
          phase: 'trial',
          live: true,
          banner: cancelNotice() ?? {
            level: left !== null && left <= 3 && !hasSubscription ? 'warning' : 'info',
            text,
          },
        };
      }
      if (status === 'trialing' && hasSubscription) {
        // Stripe converts the subscription at the trial's end and tells us a moment later; until
        // its event arrives the paying customer must not be switched off.
        return { ...base, phase: 'pending', live: true, banner: null };
      }
      return {
        ...base,
        phase: 'trial_expired',
        live: false,
        banner: {
          level: 'danger',
          text: 'Ihre Testphase ist abgelaufen. Website und Chat-Widget sind pausiert – Ihre Daten bleiben vollständig erhalten. Wählen Sie einen Tarif, um sofort weiterzumachen.',
        },
      };
    }
    case 'past_due':
    case 'unpaid': {
      const since = toDate(tenant.past_due_since) ?? now;
      const graceEndsAt = new Date(since.getTime() + GRACE_DAYS * DAY);
      if (now < graceEndsAt) {
        return {
          phase: 'grace',
          live: true,
          trialEndsAt,
          graceEndsAt,
          banner: {
            level: 'warning',
            text: `Ihre letzte Zahlung ist fehlgeschlagen. Bitte aktualisieren Sie Ihre Zahlungsdaten im Kundenportal bis zum ${dateDe(graceEndsAt)}; danach pausieren Website und Chat-Widget.`,
          },
        };
      }
      return {
        phase: 'suspended',
        live: false,
        trialEndsAt,
        graceEndsAt,
        banner: {
          level: 'danger',
          text: 'Ihre Zahlung ist seit mehr als 7 Tagen offen. Website und Chat-Widget sind pausiert – Ihre Daten bleiben vollständig erhalten. Sobald die Rechnung bezahlt ist, geht alles automatisch wieder online.',
        },
      };
    }
    case 'paused':
      return {
        ...base,
        phase: 'suspended',
        live: false,
        banner: {
          level: 'danger',
          text: 'Ihr Abo ist pausiert. Website und Chat-Widget sind offline; Ihre Daten bleiben erhalten. Hinterlegen Sie im Kundenportal eine Zahlungsmethode, um fortzufahren.',
        },
      };
    default:
      // canceled, incomplete_expired and anything Stripe may add later: off, but never deleted.
      return {
        ...base,
        phase: 'canceled',
        live: false,
        banner: {
          level: 'danger',
          text: 'Ihr Abo ist beendet. Website und Chat-Widget sind pausiert; Ihre Daten bleiben erhalten. Wählen Sie einen Tarif, um wieder online zu gehen.',
        },
      };
  }
}

/** Statuses under which a Stripe subscription still exists and must be managed in the portal. */
export const OPEN_SUBSCRIPTION = new Set(['trialing', 'active', 'past_due', 'unpaid', 'incomplete', 'paused']);

/** What the site server does with a request for a workshop of this tenant. */
export type SiteDecision = { serve: true } | { serve: false; reason: 'no_website' | 'paused' | 'custom_domain' };

export function siteDecision(
  tenant: BillingTenant,
  plan: { website: boolean; custom_domain: boolean } | null | undefined,
  via: 'slug' | 'custom-domain',
  now: Date = new Date(),
): SiteDecision {
  if (!plan?.website) return { serve: false, reason: 'no_website' };
  if (!serviceState(tenant, now).live) return { serve: false, reason: 'paused' };
  if (via === 'custom-domain' && !plan.custom_domain) return { serve: false, reason: 'custom_domain' };
  return { serve: true };
}

/** The widget's answer while a tenant is paused: polite, in the visitor's language, without internals. */
export const WIDGET_PAUSED_MESSAGES = {
  de: 'Der Chat ist gerade nicht verfügbar. Bitte kontaktieren Sie die Werkstatt telefonisch oder per E-Mail.',
  en: 'The chat is not available right now. Please contact the workshop by phone or e-mail.',
  tr: 'Sohbet şu anda kullanılamıyor. Lütfen servise telefonla veya e-posta ile ulaşın.',
  pl: 'Czat jest chwilowo niedostępny. Prosimy o kontakt z warsztatem telefonicznie lub e-mailem.',
} as const;

export const widgetPausedMessage = (language: string): string =>
  WIDGET_PAUSED_MESSAGES[(language in WIDGET_PAUSED_MESSAGES ? language : 'de') as keyof typeof WIDGET_PAUSED_MESSAGES];

// Building an Intl.DateTimeFormat with a time zone costs milliseconds; the chat checks the month on every answer.
const formatters = new Map<string, Intl.DateTimeFormat>();
const formatter = (key: string, make: () => Intl.DateTimeFormat) => {
  let f = formatters.get(key);
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
};

/** Start of the calendar month that contains `now`, in German time, as an instant. */
export function monthStart(now: Date = new Date(), timeZone = 'Europe/Berlin'): Date {
  const parts = formatter(
    `month:${timeZone}`,
    () => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }),
  ).formatToParts(now);
  const year = Number(parts.find((p) => p.type === 'year')?.value);
  const month = Number(parts.find((p) => p.type === 'month')?.value);
  // Midnight of the 1st in that zone: start from UTC midnight and correct by the zone's offset then.
  const guess = Date.UTC(year, month - 1, 1);
  return new Date(guess - offsetMs(new Date(guess), timeZone));
}

function offsetMs(at: Date, timeZone: string): number {
  const parts = formatter(
    `offset:${timeZone}`,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }),
  ).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - at.getTime();
}

/**
 * How long a workshop keeps what the chat collects (GDPR Art. 5 (1) e, storage limitation): per tenant,
 * starting from the plan's defaults, changeable by the owner within bounds that keep the data useful and
 * lawful; and what the nightly purge removes for a given moment.
 */

export type Retention = {
  /** Conversations (with their messages) after their last message. */
  conversationsDays: number;
  /** Leads after they came in. */
  leadsMonths: number;
  /** Consent records after the lead they belong to is gone: the limitation period for claims (§ 195 BGB). */
  consentsYearsAfterLead: number;
};

/** Plan defaults; every plan starts the same today, the table is where a plan would differ. */
export const PLAN_DEFAULTS: Record<string, Retention> = {
  basic: { conversationsDays: 90, leadsMonths: 12, consentsYearsAfterLead: 3 },
  premium: { conversationsDays: 90, leadsMonths: 12, consentsYearsAfterLead: 3 },
  enterprise: { conversationsDays: 90, leadsMonths: 12, consentsYearsAfterLead: 3 },
};
const FALLBACK: Retention = { conversationsDays: 90, leadsMonths: 12, consentsYearsAfterLead: 3 };

/**
 * What an owner may choose. Conversations: at least a week (a visitor comes back to a question), at most a
 * year. Leads: one month to three years (quotes and repairs take time; longer needs a reason the chat
 * cannot know). Consent proof is not the owner's to shorten: it must outlive the lead by the limitation period.
 */
export const BOUNDS = {
  conversationsDays: { min: 7, max: 365 },
  leadsMonths: { min: 1, max: 36 },
} as const;

export type RetentionChoice = { conversationsDays?: number | null; leadsMonths?: number | null };

/** The tenant's retention: its own choices where set, the plan's defaults otherwise. */
export function effectiveRetention(plan: string | null | undefined, choice: RetentionChoice = {}): Retention {
  const base = (plan && PLAN_DEFAULTS[plan]) || FALLBACK;
  return {
    conversationsDays: choice.conversationsDays ?? base.conversationsDays,
    leadsMonths: choice.leadsMonths ?? base.leadsMonths,
    consentsYearsAfterLead: base.consentsYearsAfterLead,
  };
}

/** German messages for choices outside the bounds; empty when the choice may be saved. */
/**
 * The owner's choice as the admin form sends it: a number, digits in a string, or nothing (null, empty)
 * for the plan's default. Anything else (true, a list, an object) is no number, so `checkChoice` refuses
 * it instead of `Number()` turning `true` into 1 and `[90]` into 90.
 */
export function choiceOf(body: unknown): { conversationsDays: number | null; leadsMonths: number | null } {
  // A body that is no object (a list, a string) chooses nothing, and must not reset the choice to the defaults.
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { conversationsDays: Number.NaN, leadsMonths: Number.NaN };
  }
  const fields = body as Record<string, unknown>;
  const number = (v: unknown) => {
    if (v === null || v === undefined || v === '') return null;
    if (typeof v === 'number') return v;
    if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
    return Number.NaN;
  };
  return { conversationsDays: number(fields.conversationsDays), leadsMonths: number(fields.leadsMonths) };
}

export function checkChoice(choice: RetentionChoice): string[] {
  const errors: string[] = [];
  const within = (value: number | null | undefined, { min, max }: { min: number; max: number }) =>
    value === null || value === undefined || (Number.isInteger(value) && value >= min && value <= max);
  if (!within(choice.conversationsDays, BOUNDS.conversationsDays)) {
    errors.push(
      `Gespräche: bitte ganze Tage zwischen ${BOUNDS.conversationsDays.min} und ${BOUNDS.conversationsDays.max}.`,
    );
  }
  if (!within(choice.leadsMonths, BOUNDS.leadsMonths)) {
    errors.push(`Anfragen: bitte ganze Monate zwischen ${BOUNDS.leadsMonths.min} und ${BOUNDS.leadsMonths.max}.`);
  }
  return errors;
}

const addMonths = (date: Date, months: number) => {
  const d = new Date(date);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
};

/** The moments before which records are purged at `now`. */
export function cutoffs(now: Date, retention: Retention) {
  return {
    conversations: new Date(now.getTime() - retention.conversationsDays * 86_400_000),
    leads: addMonths(now, retention.leadsMonths),
    /** A consent no lead refers to any more goes once it is older than a lead's life plus the limitation period. */
    orphanConsents: addMonths(now, retention.leadsMonths + retention.consentsYearsAfterLead * 12),
  };
}

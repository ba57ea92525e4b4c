/**
 * The owner's dashboard asks for a period, a granularity and optionally one workshop. A value that is
 * there but malformed (a date that does not exist, a repeated parameter, an unknown granularity) is
 * refused with a German message instead of being quietly replaced by a default the owner did not ask for.
 */
import { calendarDay } from '../text/input.ts';
import type { Granularity } from './rollup.ts';

export type InsightsQuery = { from: string; to: string; granularity: Granularity; workshop: string | null };

const GRANULARITIES: readonly Granularity[] = ['day', 'week', 'month'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The longest period one dashboard request covers (two years of days). */
export const MAX_DAYS = 731;
const DAY_MS = 86_400_000;

const given = (value: unknown) => value !== undefined && value !== '';

/** The query, with defaults for what is absent (`today` is the Berlin day), or the messages for what is wrong. */
export function parseInsightsQuery(
  query: Record<string, unknown>,
  today: string,
): { ok: true; query: InsightsQuery } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const granularity = given(query.granularity) ? query.granularity : 'day';
  if (!GRANULARITIES.includes(granularity as Granularity)) {
    errors.push('„granularity“ muss einmal angegeben sein: day, week oder month.');
  }
  const day = (name: 'from' | 'to', value: unknown) => {
    if (!given(value)) return null;
    if (calendarDay.safeParse(value).success) return value as string;
    errors.push(`„${name}“ muss einmal angegeben sein, als Datum, das es gibt (JJJJ-MM-TT).`);
    return null;
  };
  const to = day('to', query.to) ?? today;
  const defaultDays = granularity === 'month' ? 365 : granularity === 'week' ? 84 : 30;
  const from =
    day('from', query.from) ??
    new Date(Date.parse(`${to}T00:00:00Z`) - (defaultDays - 1) * DAY_MS).toISOString().slice(0, 10);
  const workshop = given(query.workshop) ? query.workshop : null;
  if (workshop !== null && (typeof workshop !== 'string' || !UUID.test(workshop))) {
    errors.push('„workshop“ muss einmal angegeben sein, als ID einer Werkstatt.');
  }
  if (errors.length) return { ok: false, errors };
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;
  if (!(days >= 1 && days <= MAX_DAYS)) {
    return { ok: false, errors: ['Der Zeitraum muss zwischen einem Tag und zwei Jahren liegen.'] };
  }
  return {
    ok: true,
    query: {
      from,
      to,
      granularity: granularity as Granularity,
      workshop: workshop === null ? null : (workshop as string).toLowerCase(),
    },
  };
}

/**
 * Opening hours as stored on a workshop: per weekday a list of [from, to] intervals in local German time,
 * e.g. { mo: [['07:30', '12:00'], ['13:00', '18:00']], su: [] }. "Open now" is always computed in
 * Europe/Berlin, whatever the server's time zone, so the badge is right on any host and across DST.
 */
export const DAYS = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const;
export type Day = (typeof DAYS)[number];
export type OpeningHours = Partial<Record<Day, [string, string][]>>;

const SCHEMA_DAY: Record<Day, string> = {
  mo: 'Monday',
  tu: 'Tuesday',
  we: 'Wednesday',
  th: 'Thursday',
  fr: 'Friday',
  sa: 'Saturday',
  su: 'Sunday',
};
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** Keeps only well-formed intervals, so bad data in the admin never breaks a page. */
export function normaliseHours(raw: unknown): OpeningHours {
  const out: OpeningHours = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const day of DAYS) {
    const list = (raw as Record<string, unknown>)[day];
    if (!Array.isArray(list)) continue;
    out[day] = list.filter(
      (i): i is [string, string] =>
        Array.isArray(i) &&
        i.length === 2 &&
        typeof i[0] === 'string' &&
        typeof i[1] === 'string' &&
        TIME.test(i[0]) &&
        TIME.test(i[1]) &&
        minutes(i[0]) < minutes(i[1]),
    );
  }
  return out;
}

const BERLIN = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const WEEKDAY: Record<string, Day> = { Mon: 'mo', Tue: 'tu', Wed: 'we', Thu: 'th', Fri: 'fr', Sat: 'sa', Sun: 'su' };

/** Weekday and minute of the day in Europe/Berlin at an instant. */
export function berlinClock(at: Date): { day: Day; minute: number } {
  const parts = Object.fromEntries(BERLIN.formatToParts(at).map((p) => [p.type, p.value]));
  return { day: WEEKDAY[parts.weekday as string] ?? 'mo', minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

export type OpenState = { open: boolean; until?: string; opensDay?: Day; opensAt?: string };

/** Whether the workshop is open at `at`, until when, or when it opens next (within a week). */
export function openState(hours: OpeningHours, at: Date): OpenState {
  const { day, minute } = berlinClock(at);
  const today = hours[day] ?? [];
  const current = today.find(([from, to]) => minutes(from) <= minute && minute < minutes(to));
  if (current) return { open: true, until: current[1] };
  const index = DAYS.indexOf(day);
  for (let offset = 0; offset < 8; offset++) {
    const d = DAYS[(index + offset) % 7] as Day;
    const next = (hours[d] ?? []).find(([from]) => offset > 0 || minutes(from) > minute);
    if (next) return { open: false, opensDay: d, opensAt: next[0] };
  }
  return { open: false };
}

/** schema.org `openingHoursSpecification`, one entry per interval. */
export function openingHoursSpecification(hours: OpeningHours) {
  return DAYS.flatMap((day) =>
    (hours[day] ?? []).map(([opens, closes]) => ({
      '@type': 'OpeningHoursSpecification',
      dayOfWeek: `https://schema.org/${SCHEMA_DAY[day]}`,
      opens,
      closes,
    })),
  );
}

/** Consecutive days with identical hours grouped for display: [['mo','fr', intervals], ['sa','sa', …]]. */
export function groupHours(hours: OpeningHours): { from: Day; to: Day; intervals: [string, string][] }[] {
  const groups: { from: Day; to: Day; intervals: [string, string][] }[] = [];
  for (const day of DAYS) {
    const intervals = hours[day] ?? [];
    const last = groups.at(-1);
    if (last && JSON.stringify(last.intervals) === JSON.stringify(intervals)) last.to = day;
    else groups.push({ from: day, to: day, intervals });
  }
  return groups;
}

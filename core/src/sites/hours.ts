/**
 * Opening hours as stored on a workshop: per weekday a list of [from, to] intervals in local German time,
 * e.g. { mo: [['07:30', '12:00'], ['13:00', '18:00']], su: [] }, and optionally closing days (holidays,
 * company holidays) as inclusive date ranges: closures: [{ from: '2026-12-24', to: '2026-12-31', note: … }].
 * "Open now" is always computed in Europe/Berlin, whatever the server's time zone, so the badge is right
 * on any host and across DST.
 */
export const DAYS = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const;
export type Day = (typeof DAYS)[number];
/** German weekday names, as the admin and the German website write them. */
export const DAY_NAMES_DE: Readonly<Record<Day, string>> = {
  mo: 'Montag',
  tu: 'Dienstag',
  we: 'Mittwoch',
  th: 'Donnerstag',
  fr: 'Freitag',
  sa: 'Samstag',
  su: 'Sonntag',
};
/** A closed period, both ends inclusive, as local Berlin dates. */
export type Closure = { from: string; to: string; note?: string };
export type OpeningHours = Partial<Record<Day, [string, string][]>> & { closures?: Closure[] };

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

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Keeps only well-formed closing periods (a single day may omit `to`), sorted by start. */
export function normaliseClosures(raw: unknown): Closure[] {
  if (!Array.isArray(raw)) return [];
  const out: Closure[] = [];
  for (const item of raw) {
    if (!item || typeof item !== 'object') continue;
    const { from, to, note } = item as Record<string, unknown>;
    const end = to === undefined || to === null || to === '' ? from : to;
    if (typeof from !== 'string' || typeof end !== 'string' || !DATE.test(from) || !DATE.test(end) || end < from)
      continue;
    const text = typeof note === 'string' ? note.trim().slice(0, 80) : '';
    out.push(text ? { from, to: end, note: text } : { from, to: end });
  }
  return out.sort((a, b) => a.from.localeCompare(b.from));
}

/** Keeps only well-formed intervals and closing days, so bad data in the admin never breaks a page. */
export function normaliseHours(raw: unknown): OpeningHours {
  const out: OpeningHours = {};
  if (typeof raw === 'string') {
    try {
      return normaliseHours(JSON.parse(raw));
    } catch {
      return out;
    }
  }
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
  const closures = normaliseClosures((raw as Record<string, unknown>).closures);
  if (closures.length > 0) out.closures = closures;
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

const BERLIN_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Europe/Berlin at an instant, `YYYY-MM-DD`. */
export function berlinDate(at: Date): string {
  return BERLIN_DATE.format(at);
}

/** `YYYY-MM-DD` plus some days, in plain calendar arithmetic (no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/** The closing period that covers a date, if any. */
export function closureOn(hours: OpeningHours, date: string): Closure | undefined {
  return hours.closures?.find((c) => c.from <= date && date <= c.to);
}

/** Closing periods that have not ended yet at `at`, in order. */
export function upcomingClosures(hours: OpeningHours, at: Date): Closure[] {
  const today = berlinDate(at);
  return (hours.closures ?? []).filter((c) => c.to >= today);
}

export type OpenState = {
  open: boolean;
  until?: string;
  opensDay?: Day;
  opensAt?: string;
  /** Set when today is a closing day (holiday, company holidays). */
  closure?: Closure;
};

/** Whether the workshop is open at `at`, until when, or when it opens next (within a month of closures). */
export function openState(hours: OpeningHours, at: Date): OpenState {
  const { day, minute } = berlinClock(at);
  const date = berlinDate(at);
  const closedToday = closureOn(hours, date);
  const today = closedToday ? [] : (hours[day] ?? []);
  const current = today.find(([from, to]) => minutes(from) <= minute && minute < minutes(to));
  if (current) return { open: true, until: current[1] };
  const index = DAYS.indexOf(day);
  // A week normally; longer only when closing days are in the way (company holidays of a few weeks).
  const horizon = hours.closures?.length ? 45 : 8;
  for (let offset = 0; offset < horizon; offset++) {
    if (offset > 0 && closureOn(hours, addDays(date, offset))) continue;
    if (offset === 0 && closedToday) continue;
    const d = DAYS[(index + offset) % 7] as Day;
    const next = (hours[d] ?? []).find(([from]) => offset > 0 || minutes(from) > minute);
    if (next) return { open: false, opensDay: d, opensAt: next[0], ...(closedToday ? { closure: closedToday } : {}) };
  }
  return closedToday ? { open: false, closure: closedToday } : { open: false };
}

/**
 * schema.org `openingHoursSpecification`, one entry per interval; closing periods as the convention for
 * "closed" (opens = closes = 00:00 with validFrom/validThrough), so search engines show holidays too.
 */
export function openingHoursSpecification(hours: OpeningHours) {
  const regular = DAYS.flatMap((day) =>
    (hours[day] ?? []).map(([opens, closes]) => ({
      '@type': 'OpeningHoursSpecification',
      dayOfWeek: `https://schema.org/${SCHEMA_DAY[day]}`,
      opens,
      closes,
    })),
  );
  const closed = (hours.closures ?? []).map((c) => ({
    '@type': 'OpeningHoursSpecification',
    opens: '00:00',
    closes: '00:00',
    validFrom: c.from,
    validThrough: c.to,
  }));
  return [...regular, ...closed];
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

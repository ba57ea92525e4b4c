/**
 * The admin's date picker as a German workshop reads a calendar: weeks start on Monday, weekdays and
 * months in German, dates as 29.11.2026. Directus 11's own picker renders its calendar without a locale,
 * so it always shows "Sun Mon …" Sunday-first, whatever the user's language.
 *
 * Values are stored the way Directus's datetime interface stores them, per field type:
 * `date` → "2026-11-29", `dateTime` → "2026-11-29T14:30:00" (wall-clock), `timestamp` → ISO 8601 with the
 * browser's offset. The picker works on local wall-clock parts.
 */
import { DAY_NAMES_DE, DAYS } from '../sites/hours.ts';

export type DateField = 'date' | 'dateTime' | 'timestamp';
/** A local calendar day and time of day, as the person picked them. */
export type WallClock = { date: string; time: string };
export type CalendarDay = { date: string; day: number; inMonth: boolean };

/** "Mo", "Di", … in calendar order (Monday first). */
export const WEEKDAYS_SHORT_DE: readonly string[] = DAYS.map((d) => DAY_NAMES_DE[d].slice(0, 2));
/** Full names in the same order, for screen readers. */
export const WEEKDAYS_DE: readonly string[] = DAYS.map((d) => DAY_NAMES_DE[d]);
export const MONTHS_DE: readonly string[] = [
  'Januar',
  'Februar',
  'März',
  'April',
  'Mai',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'Dezember',
];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Monday = 0 … Sunday = 6 for a calendar date. */
export function weekdayIndex(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/**
 * The month as six Monday-first weeks (always six, so the picker does not jump in height), with the
 * neighbouring months' days marked as outside.
 */
export function monthGrid(year: number, month: number): CalendarDay[][] {
  const first = iso(year, month, 1);
  const lead = weekdayIndex(first);
  const start = new Date(Date.UTC(year, month - 1, 1 - lead));
  const weeks: CalendarDay[][] = [];
  for (let w = 0; w < 6; w++) {
    const week: CalendarDay[] = [];
    for (let i = 0; i < 7; i++) {
      const day = new Date(start.getTime() + (w * 7 + i) * 86_400_000);
      week.push({
        date: iso(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()),
        day: day.getUTCDate(),
        inMonth: day.getUTCMonth() + 1 === month,
      });
    }
    weeks.push(week);
  }
  return weeks;
}

/** The month before or after, as [year, month]. */
export function shiftMonth(year: number, month: number, by: number): [number, number] {
  const index = year * 12 + (month - 1) + by;
  return [Math.floor(index / 12), (index % 12) + 1];
}

/** "Sonntag, 29. November 2026" — the accessible name of a day. */
export function longDateDe(date: string): string {
  const match = DATE.exec(date);
  if (!match) return date;
  const [, y, m, d] = match;
  return `${WEEKDAYS_DE[weekdayIndex(date)]}, ${Number(d)}. ${MONTHS_DE[Number(m) - 1]} ${y}`;
}

/** "So., 29.11.2026, 14:30 Uhr" for the field; date only for `date` fields. */
export function formatDe(type: DateField, value: WallClock | null): string {
  if (!value) return '';
  const [y, m, d] = value.date.split('-');
  const day = `${WEEKDAYS_SHORT_DE[weekdayIndex(value.date)]}., ${d}.${m}.${y}`;
  return type === 'date' ? day : `${day}, ${value.time} Uhr`;
}

export function isValidDate(date: string): boolean {
  const match = DATE.exec(date);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
}

export function isValidTime(time: string): boolean {
  return TIME.test(time);
}

/** The local wall-clock parts of a stored value; null for empty or unreadable values. */
export function fromStored(type: DateField, stored: unknown): WallClock | null {
  if (typeof stored !== 'string' || stored.trim() === '') return null;
  if (type === 'date') {
    const date = stored.slice(0, 10);
    return isValidDate(date) ? { date, time: '00:00' } : null;
  }
  if (type === 'dateTime') {
    const [date = '', time = ''] = stored.split(/[T ]/);
    return isValidDate(date) && isValidTime(time.slice(0, 8)) ? { date, time: time.slice(0, 5) } : null;
  }
  const instant = new Date(stored);
  if (Number.isNaN(instant.getTime())) return null;
  return {
    date: iso(instant.getFullYear(), instant.getMonth() + 1, instant.getDate()),
    time: `${pad(instant.getHours())}:${pad(instant.getMinutes())}`,
  };
}

/** The value to store for local wall-clock parts, in the format Directus's own interface writes. */
export function toStored(type: DateField, value: WallClock | null): string | null {
  if (!value || !isValidDate(value.date)) return null;
  if (type === 'date') return value.date;
  const time = isValidTime(value.time) ? value.time.slice(0, 5) : '00:00';
  if (type === 'dateTime') return `${value.date}T${time}:00`;
  const [y, m, d] = value.date.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  const local = new Date(y, m - 1, d, h, min, 0, 0);
  const offset = -local.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return `${value.date}T${time}:00${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/**
 * What a person typed into the field: "29.11.2026", "29.11.26 14:30", "So., 29.11.2026, 14:30 Uhr" or
 * "2026-11-29 14:30". Null when it is not a real date or time; `time` is null when none was typed.
 */
export function parseDe(text: string): { date: string; time: string | null } | null {
  const t = text.trim();
  const german = /(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?!\d)(?:\D+(\d{1,2})[:.](\d{2}))?/.exec(t);
  const isoLike = /(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2}))?/.exec(t);
  let parts: [number, number, number, string | undefined, string | undefined];
  if (german) {
    const year = german[3] as string;
    parts = [
      year.length === 2 ? 2000 + Number(year) : Number(year),
      Number(german[2]),
      Number(german[1]),
      german[4],
      german[5],
    ];
  } else if (isoLike) {
    parts = [Number(isoLike[1]), Number(isoLike[2]), Number(isoLike[3]), isoLike[4], isoLike[5]];
  } else {
    return null;
  }
  const [y, m, d, h, min] = parts;
  const date = iso(y, m, d);
  const time = h === undefined ? null : `${pad(Number(h))}:${min}`;
  return isValidDate(date) && (time === null || isValidTime(time)) ? { date, time } : null;
}

/** Today and the current minute in the browser's local time. */
export function nowWallClock(now = new Date()): WallClock {
  return {
    date: iso(now.getFullYear(), now.getMonth() + 1, now.getDate()),
    time: `${pad(now.getHours())}:${pad(now.getMinutes())}`,
  };
}

/**
 * Local Berlin wall time ↔ instants. Appointments are stored as instants (UTC) and always shown, mailed
 * and put into calendars as Europe/Berlin wall time, whatever the server's zone. Around a clock change a
 * wall time can be missing (spring: 02:00–02:59 on the last Sunday of March) or occur twice (autumn:
 * 02:00–02:59 on the last Sunday of October); both are handled explicitly here instead of by accident.
 */
const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Berlin's offset from UTC at an instant, in minutes (60 in winter, 120 in summer). */
export function berlinOffset(at: Date): number {
  const p = Object.fromEntries(PARTS.formatToParts(at).map((x) => [x.type, x.value]));
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), 0);
  const exact = Math.floor(at.getTime() / 60_000) * 60_000;
  return Math.round((wall - exact) / 60_000);
}

/** Local date and minute of the day in Berlin at an instant. */
export function berlinWall(at: Date): { date: string; minute: number } {
  const p = Object.fromEntries(PARTS.formatToParts(at).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, minute: Number(p.hour) * 60 + Number(p.minute) };
}

/**
 * The instant of a Berlin wall time (`date` YYYY-MM-DD, minute of the day), or null when that wall time
 * does not exist (the hour skipped in spring). A wall time that occurs twice (autumn) is its first
 * occurrence, summer time, as a person who says "halb drei" that night most likely means.
 */
export function berlinInstant(date: string, minute: number): Date | null {
  const [y, m, d] = date.split('-').map(Number);
  const wallUtc = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 0, minute);
  // Try the summer offset first, so the earlier of two occurrences wins.
  for (const offset of [120, 60]) {
    const at = new Date(wallUtc - offset * 60_000);
    if (berlinOffset(at) === offset) {
      const wall = berlinWall(at);
      if (wall.date === date && wall.minute === minute % 1440) return at;
    }
  }
  return null;
}

/**
 * The instants of many wall times on one Berlin date. On all but two days a year the offset is the same
 * from midnight to midnight, so one offset serves the whole day; on the changeover days every wall time
 * goes through berlinInstant. Slot computation calls this for thousands of times, so it matters.
 */
export function berlinDay(date: string): (minute: number) => Date | null {
  const first = berlinInstant(date, 0);
  const last = berlinInstant(date, 1439);
  if (!first || !last || berlinOffset(first) !== berlinOffset(last)) return (minute) => berlinInstant(date, minute);
  const midnight = first.getTime();
  return (minute) =>
    minute >= 0 && minute < 1440 ? new Date(midnight + minute * 60_000) : berlinInstant(date, minute);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO 8601 with Berlin's offset, as the API answers: `2027-03-29T08:00:00+02:00`. */
export function isoBerlin(at: Date): string {
  const offset = berlinOffset(at);
  const { date, minute } = berlinWall(at);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${date}T${pad(Math.floor(minute / 60))}:${pad(minute % 60)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Minutes of the day of `HH:MM` (`24:00` is 1440). */
export function minuteOf(text: string): number {
  const [h, m] = text.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Parses an ISO 8601 instant that states its offset (or Z); anything else is null. */
export function parseInstant(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return null;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return null;
  // A 30 February would roll over into March; the date written must be the date meant.
  const zone = value.match(/([+-])(\d{2}):(\d{2})$/);
  const offset = zone ? (zone[1] === '-' ? -1 : 1) * (Number(zone[2]) * 60 + Number(zone[3])) : 0;
  return new Date(at.getTime() + offset * 60_000).toISOString().slice(0, 10) === value.slice(0, 10) ? at : null;
}

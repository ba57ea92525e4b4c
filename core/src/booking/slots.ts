/**
 * Free appointment times of a workshop. A slot is a start time in Berlin wall time on the step grid of an
 * opening interval (07:30, 08:00, … for a 30-minute step from 07:30) where the service fits before the
 * interval closes, the day is neither a closing day nor a public holiday of the workshop's Bundesland, it
 * lies between the minimum lead time and the booking horizon, and fewer cars than the workshop has bays
 * are in the shop at every moment of [start, end + buffer). The same function decides what the site offers
 * and whether the server accepts a requested start, so both always agree.
 */
import { addDays, closureOn, DAYS, type Day, type OpeningHours } from '../sites/hours.ts';
import { isHoliday } from './holidays.ts';
import { berlinDay, berlinInstant, berlinWall, minuteOf } from './time.ts';

export type BookingSettings = {
  /** Cars at the same time (bays, lifts). */
  capacity: number;
  /** How far ahead visitors may book, in days from today (Berlin). */
  horizonDays: number;
  /** Earliest start from now, in minutes. */
  leadMinutes: number;
  /** Grid of start times within an opening interval, in minutes. */
  stepMinutes: number;
  /** Bundesland code (`BY`, `NW`, …) whose public holidays are closing days; null: none. */
  state: string | null;
};

export type BookableService = { durationMinutes: number; bufferMinutes: number };

/** Something that takes bays: an appointment (1 bay, until its end plus buffer) or a blocked time. */
export type Busy = { start: Date; end: Date; bays: number };

export type Slot = { start: Date; end: Date };

export const DEFAULT_SETTINGS: BookingSettings = {
  capacity: 1,
  horizonDays: 42,
  leadMinutes: 24 * 60,
  stepMinutes: 30,
  state: null,
};

const MINUTE = 60_000;
const DAY = 86_400_000;
// Monday is 1 in getUTCDay order shifted: DAYS starts with Monday.
const dayOf = (date: string): Day => {
  const [y, m, d] = date.split('-').map(Number);
  const weekday = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).getUTCDay();
  return DAYS[(weekday + 6) % 7] as Day;
};

/** Whether the workshop takes appointments on a Berlin date at all (not closed, not a public holiday). */
export function isBookableDay(hours: OpeningHours, settings: BookingSettings, date: string): boolean {
  if (closureOn(hours, date)) return false;
  if (settings.state && isHoliday(settings.state, date)) return false;
  return (hours[dayOf(date)] ?? []).length > 0;
}

/**
 * The highest number of bays taken at any moment of [start, end) by `busy` (sorted or not). Only the
 * starts of overlapping entries (and `start` itself) can be maxima, so those are the points checked.
 */
export function peakLoad(busy: readonly Busy[], start: Date, end: Date): number {
  const s = start.getTime();
  const e = end.getTime();
  let peak = 0;
  // Called for every candidate start: no arrays allocated, two plain loops over the day's few entries.
  for (const p of busy) {
    const ps = p.start.getTime();
    if (ps >= e || p.end.getTime() <= s) continue;
    const t = ps > s ? ps : s;
    let load = 0;
    for (const b of busy) if (b.start.getTime() <= t && b.end.getTime() > t) load += b.bays;
    if (load > peak) peak = load;
  }
  return peak;
}

export type SlotQuery = {
  hours: OpeningHours;
  settings: BookingSettings;
  service: BookableService;
  busy: readonly Busy[];
  now: Date;
  /** Inclusive Berlin dates; clipped to today … today + horizon. */
  from: string;
  to: string;
};

/** The bookable window at `now`: first and last Berlin date and the earliest start. */
export function bookingWindow(settings: BookingSettings, now: Date) {
  const today = berlinWall(now).date;
  return {
    firstDate: today,
    lastDate: addDays(today, Math.max(0, settings.horizonDays)),
    earliest: new Date(now.getTime() + Math.max(0, settings.leadMinutes) * MINUTE),
  };
}

/** Every start a visitor could book between `from` and `to`, in time order. */
export function freeSlots(q: SlotQuery): Slot[] {
  const { settings, service } = q;
  const window = bookingWindow(settings, q.now);
  const from = q.from > window.firstDate ? q.from : window.firstDate;
  const to = q.to < window.lastDate ? q.to : window.lastDate;
  const step = Math.max(5, settings.stepMinutes);
  const duration = service.durationMinutes * MINUTE;
  const occupied = (service.durationMinutes + Math.max(0, service.bufferMinutes)) * MINUTE;
  const capacity = Math.max(0, settings.capacity);
  const busy = [...q.busy].sort((a, b) => a.start.getTime() - b.start.getTime());
  const out: Slot[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    if (!isBookableDay(q.hours, settings, date)) continue;
    // Only what touches this day (with a day's margin either side) can collide with its slots.
    const at = berlinDay(date);
    const dayStart = at(0)?.getTime() ?? 0;
    const today = busy.filter((b) => b.end.getTime() > dayStart - DAY && b.start.getTime() < dayStart + 2 * DAY);
    for (const [open, close] of q.hours[dayOf(date)] ?? []) {
      const closeMinute = minuteOf(close);
      const closesAt = closeMinute >= 1440 ? berlinInstant(addDays(date, 1), closeMinute - 1440) : at(closeMinute);
      if (!closesAt) continue;
      for (let minute = minuteOf(open); minute < closeMinute && minute < 1440; minute += step) {
        const start = at(minute);
        // A wall time skipped by the clock change does not exist, so nobody can come then.
        if (!start || start < window.earliest) continue;
        const end = new Date(start.getTime() + duration);
        if (end > closesAt) break;
        if (peakLoad(today, start, new Date(start.getTime() + occupied)) + 1 > capacity) continue;
        out.push({ start, end });
      }
    }
  }
  return out;
}

export type SlotCheck = { ok: true; slot: Slot } | { ok: false; reason: 'not_offered' | 'taken' };

/**
 * Whether a requested start can be booked: it must be one of the starts `freeSlots` offers. `taken` means
 * the time itself is valid but the bays are full, so the visitor gets alternatives instead of an error.
 */
export function checkSlot(q: Omit<SlotQuery, 'from' | 'to'>, start: Date): SlotCheck {
  const date = berlinWall(start).date;
  const free = freeSlots({ ...q, from: date, to: date }).find((s) => s.start.getTime() === start.getTime());
  if (free) return { ok: true, slot: free };
  const unconstrained = freeSlots({ ...q, busy: [], from: date, to: date }).some(
    (s) => s.start.getTime() === start.getTime(),
  );
  return { ok: false, reason: unconstrained ? 'taken' : 'not_offered' };
}

/** Up to `count` free starts nearest after `around` (the alternatives offered when a slot was taken). */
export function alternatives(q: Omit<SlotQuery, 'from' | 'to'>, around: Date, count = 3): Slot[] {
  const window = bookingWindow(q.settings, q.now);
  const from = berlinWall(around).date;
  const all = freeSlots({ ...q, from, to: window.lastDate });
  const after = all.filter((s) => s.start >= around);
  return (after.length >= count ? after : all).slice(0, count);
}

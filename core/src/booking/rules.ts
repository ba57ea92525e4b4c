/**
 * Booking rules that are not about time: the workshop's settings as stored, which statuses hold a bay,
 * what a new booking's status is in each confirmation mode, which status change mails the customer, and
 * when the reminder is due.
 */
import { BUNDESLAENDER } from './holidays.ts';
import { type BookingSettings, DEFAULT_SETTINGS } from './slots.ts';

export const STATUSES = ['requested', 'confirmed', 'declined', 'cancelled', 'no_show', 'done'] as const;
export type Status = (typeof STATUSES)[number];

/** Statuses that take a bay: a request holds its time until staff decide, so nobody else is offered it. */
export const ACTIVE: readonly Status[] = ['requested', 'confirmed'];
export const isActive = (status: unknown): boolean => ACTIVE.includes(status as Status);

export type ConfirmationMode = 'instant' | 'request';

/** Booking settings as stored on a workshop (see schema/collections/workshops.yaml, group Terminbuchung). */
export type WorkshopBookingRow = {
  booking_enabled?: unknown;
  booking_capacity?: unknown;
  booking_horizon_days?: unknown;
  booking_lead_hours?: unknown;
  booking_step_minutes?: unknown;
  booking_confirmation?: unknown;
  booking_state?: unknown;
  booking_cancel_hours?: unknown;
};

const int = (value: unknown, fallback: number, min: number, max: number): number => {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? Math.min(max, Math.max(min, Math.round(n))) : fallback;
};

/** Whatever is stored, a usable configuration (bad values fall back or are clamped). */
export function bookingConfig(row: WorkshopBookingRow): {
  enabled: boolean;
  settings: BookingSettings;
  mode: ConfirmationMode;
  cancelHours: number;
} {
  const state = typeof row.booking_state === 'string' && BUNDESLAENDER[row.booking_state] ? row.booking_state : null;
  return {
    enabled: row.booking_enabled === true || row.booking_enabled === 1 || row.booking_enabled === '1',
    settings: {
      capacity: int(row.booking_capacity, DEFAULT_SETTINGS.capacity, 0, 50),
      horizonDays: int(row.booking_horizon_days, DEFAULT_SETTINGS.horizonDays, 1, 366),
      leadMinutes: int(row.booking_lead_hours, DEFAULT_SETTINGS.leadMinutes / 60, 0, 24 * 60) * 60,
      stepMinutes: int(row.booking_step_minutes, DEFAULT_SETTINGS.stepMinutes, 5, 240),
      state,
    },
    mode: row.booking_confirmation === 'instant' ? 'instant' : 'request',
    cancelHours: int(row.booking_cancel_hours, 24, 0, 24 * 14),
  };
}

/** The status of a new booking from a visitor. */
export const initialStatus = (mode: ConfirmationMode): Status => (mode === 'instant' ? 'confirmed' : 'requested');

/** The customer mail a status change sends, if any. */
export function mailForChange(from: unknown, to: unknown): 'confirmed' | 'declined' | 'cancelled' | null {
  if (from === to) return null;
  if (to === 'confirmed' && from === 'requested') return 'confirmed';
  if (to === 'declined' && from === 'requested') return 'declined';
  if (to === 'cancelled' && isActive(from)) return 'cancelled';
  return null;
}

export const REMINDER_LEAD_MS = 24 * 3_600_000;

/** Whether the reminder for a confirmed appointment is due at `now` (within 24 h, not yet started). */
export const reminderDue = (status: unknown, start: Date, now: Date): boolean =>
  status === 'confirmed' && start > now && start.getTime() - now.getTime() <= REMINDER_LEAD_MS;

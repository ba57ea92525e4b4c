/** Opening hours Monday to Friday from `from` to `to`, closed at the weekend. */
export function weekdayHours(from: string, to: string) {
  const day = [[from, to]];
  return { mo: day, tu: day, we: day, th: day, fr: day, sa: [], su: [] };
}

/**
 * A workshop taking online requests: two bays, hourly times from now on, a year ahead, cancellable up to a
 * day before, Bavarian holidays.
 */
export const BOOKING_BY_REQUEST = {
  booking_enabled: true,
  booking_confirmation: 'request',
  booking_capacity: 2,
  booking_step_minutes: 60,
  booking_lead_hours: 0,
  booking_horizon_days: 366,
  booking_cancel_hours: 24,
  booking_state: 'BY',
} as const;

import { describe, expect, test } from 'vitest';
import { bookingConfig, initialStatus, mailForChange, reminderDue } from './rules.ts';

describe('booking rules', () => {
  test.each([
    [
      {},
      {
        enabled: false,
        capacity: 1,
        horizonDays: 42,
        leadMinutes: 1440,
        stepMinutes: 30,
        state: null,
        mode: 'request',
      },
    ],
    [
      {
        booking_enabled: true,
        booking_capacity: 3,
        booking_horizon_days: '14',
        booking_lead_hours: 2,
        booking_step_minutes: 15,
        booking_state: 'BY',
        booking_confirmation: 'instant',
      },
      { enabled: true, capacity: 3, horizonDays: 14, leadMinutes: 120, stepMinutes: 15, state: 'BY', mode: 'instant' },
    ],
    // SQLite booleans, nonsense and out-of-range values
    [
      {
        booking_enabled: 1,
        booking_capacity: -4,
        booking_step_minutes: 'x',
        booking_state: 'XX',
        booking_confirmation: 'maybe',
      },
      { enabled: true, capacity: 0, horizonDays: 42, leadMinutes: 1440, stepMinutes: 30, state: null, mode: 'request' },
    ],
  ])('config of %j', (row, expected) => {
    const c = bookingConfig(row);
    expect({ enabled: c.enabled, ...c.settings, mode: c.mode }).toEqual(expected);
  });

  test.each([
    ['instant', 'confirmed'],
    ['request', 'requested'],
  ] as const)('a new booking in mode %s is %s', (mode, status) => {
    expect(initialStatus(mode)).toBe(status);
  });

  test.each([
    ['requested', 'confirmed', 'confirmed'],
    ['requested', 'declined', 'declined'],
    ['requested', 'cancelled', 'cancelled'],
    ['confirmed', 'cancelled', 'cancelled'],
    ['confirmed', 'confirmed', null],
    ['confirmed', 'done', null],
    ['confirmed', 'no_show', null],
    ['declined', 'cancelled', null],
    ['cancelled', 'confirmed', null],
  ])('%s → %s mails %s', (from, to, mail) => {
    expect(mailForChange(from, to)).toBe(mail);
  });

  const now = new Date('2027-03-27T09:00:00Z');
  test.each([
    ['confirmed', '2027-03-28T08:00:00Z', true],
    ['confirmed', '2027-03-28T09:00:00Z', true],
    ['confirmed', '2027-03-28T09:00:01Z', false],
    ['confirmed', '2027-03-27T08:59:00Z', false],
    ['requested', '2027-03-28T08:00:00Z', false],
  ])('reminder for %s at %s due: %s', (status, start, due) => {
    expect(reminderDue(status, new Date(start), now)).toBe(due);
  });
});

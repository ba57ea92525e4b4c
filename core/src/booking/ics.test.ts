import { describe, expect, test } from 'vitest';
import { appointmentIcs } from './ics.ts';

const event = (start: string, end: string) => ({
  uid: '6f1c1a52@carbot',
  start: new Date(start),
  end: new Date(end),
  summary: 'Inspektion – Autohaus Beispiel',
  description: 'Inspektion',
  location: 'Autohaus Beispiel, Musterstraße 1, 80331 München',
  organizer: { name: 'Autohaus Beispiel', email: 'service@example.com' },
  sequence: 0,
});

describe('.ics of an appointment', () => {
  test.each([
    // Friday before and Monday after the spring change, the changeover Sunday itself, and autumn.
    ['2027-03-26T07:00:00Z', '2027-03-26T08:30:00Z', '20270326T080000', '20270326T093000'],
    ['2027-03-29T06:00:00Z', '2027-03-29T07:30:00Z', '20270329T080000', '20270329T093000'],
    ['2027-03-28T01:00:00Z', '2027-03-28T02:00:00Z', '20270328T030000', '20270328T040000'],
    ['2027-10-29T06:00:00Z', '2027-10-29T07:30:00Z', '20271029T080000', '20271029T093000'],
    ['2027-11-01T07:00:00Z', '2027-11-01T08:30:00Z', '20271101T080000', '20271101T093000'],
  ])('%s is written as Berlin wall time %s', (start, end, localStart, localEnd) => {
    const ics = appointmentIcs(event(start, end));
    expect(ics).toContain(`DTSTART;TZID=Europe/Berlin:${localStart}`);
    expect(ics).toContain(`DTEND;TZID=Europe/Berlin:${localEnd}`);
  });

  test('carries the Berlin zone definition, the uid and a publish method', () => {
    const ics = appointmentIcs(event('2027-03-29T06:00:00Z', '2027-03-29T07:30:00Z'));
    expect(ics).toMatch(/BEGIN:VTIMEZONE\r?\nTZID:Europe\/Berlin/);
    expect(ics).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    expect(ics).toContain('UID:6f1c1a52@carbot');
    expect(ics).toContain('METHOD:PUBLISH');
    expect(ics).toContain('LOCATION:Autohaus Beispiel\\, Musterstraße 1\\, 80331 München');
  });

  test('a cancellation removes the entry', () => {
    const ics = appointmentIcs({
      ...event('2027-03-29T06:00:00Z', '2027-03-29T07:30:00Z'),
      sequence: 1,
      cancelled: true,
    });
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).toContain('SEQUENCE:1');
  });
});

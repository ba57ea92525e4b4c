/**
 * The calendar file attached to a confirmation: made by ical-generator, times as Berlin wall time with
 * `TZID=Europe/Berlin` and the zone's VTIMEZONE from timezones-ical-library (zone data compiled in, no files read at run time), so calendar programs show
 * the same local time as the mail, before and after a clock change. The instants go in as TZDate
 * (@date-fns/tz), so the wall time written does not depend on the server's own time zone.
 */
import { TZDate } from '@date-fns/tz';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';

export type IcsEvent = {
  /** Stable per appointment, so a rebooked or cancelled appointment updates the same calendar entry. */
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  location: string | null;
  organizer: { name: string; email: string } | null;
  /** Sequence grows with every change the customer is mailed about. */
  sequence: number;
  cancelled?: boolean;
};

export function appointmentIcs(event: IcsEvent): string {
  const calendar = ical({
    prodId: { company: 'CarBot', product: 'Termine', language: 'DE' },
    method: event.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
  });
  calendar.timezone({ name: 'Europe/Berlin', generator: (zone) => tzlib_get_ical_block(zone)[0] ?? null });
  calendar.createEvent({
    id: event.uid,
    start: new TZDate(event.start, 'Europe/Berlin'),
    end: new TZDate(event.end, 'Europe/Berlin'),
    timezone: 'Europe/Berlin',
    summary: event.summary,
    description: event.description,
    location: event.location,
    organizer: event.organizer,
    sequence: event.sequence,
    ...(event.cancelled ? { status: 'CANCELLED' as never } : {}),
  });
  return calendar.toString();
}

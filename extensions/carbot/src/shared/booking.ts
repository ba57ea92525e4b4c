import { appointmentIcs } from '@carbot/core/booking/ics';
import { ACTIVE, bookingConfig } from '@carbot/core/booking/rules';
import type { BookableService, Busy } from '@carbot/core/booking/slots';
import type { Language } from '@carbot/core/chat/language';
import { normaliseHours } from '@carbot/core/sites/hours';
import type { Knex } from 'knex';
import type { Attachment } from './outbox.js';

/** A timestamp as SQLite (epoch milliseconds, or text) or PostgreSQL (Date) returns it. */
export function instant(value: unknown): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date =
    value instanceof Date
      ? value
      : typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value))
        ? new Date(Number(value))
        : new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Serialises every booking decision of one workshop, across all Directus instances: the first statement of
 * a booking transaction bumps the workshop's row in carbot_booking_locks. PostgreSQL holds that row lock
 * until commit, so a second transaction for the same workshop waits there and then reads what the first
 * one wrote; SQLite has one writer at a time anyway. Other workshops are not held up (PostgreSQL).
 */
export async function lockWorkshop(trx: Knex.Transaction, workshop: string): Promise<void> {
  await trx('carbot_booking_locks').insert({ workshop, version: 0 }).onConflict('workshop').ignore();
  await trx('carbot_booking_locks')
    .where({ workshop })
    .update({ version: trx.raw('version + 1') });
}

/** What takes bays between two instants: active appointments (1 bay each) and blocked times. */
export async function busyOf(
  db: Knex,
  workshop: string,
  from: Date,
  to: Date,
  exceptAppointment: string | null = null,
): Promise<Busy[]> {
  const appointments = await db('appointments')
    .select('id', 'start', 'busy_until', 'end')
    .where({ workshop })
    .whereIn('status', [...ACTIVE])
    .where('start', '<', to)
    .where((q) => q.where('busy_until', '>', from).orWhere((q2) => q2.whereNull('busy_until').where('end', '>', from)))
    .modify((q) => {
      if (exceptAppointment) q.whereNot('id', exceptAppointment);
    });
  const blocks = await db('booking_blocks')
    .select('start', 'end', 'bays')
    .where({ workshop })
    .where('start', '<', to)
    .where('end', '>', from);
  const out: Busy[] = [];
  for (const a of appointments) {
    const start = instant(a.start);
    const end = instant(a.busy_until) ?? instant(a.end);
    if (start && end) out.push({ start, end, bays: 1 });
  }
  for (const b of blocks) {
    const start = instant(b.start);
    const end = instant(b.end);
    if (start && end) out.push({ start, end, bays: Math.max(1, Number(b.bays ?? 1)) });
  }
  return out;
}

export type BookingWorkshop = {
  id: string;
  tenant: string;
  name: string;
  slug: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  languages: unknown;
  config: ReturnType<typeof bookingConfig>;
  hours: ReturnType<typeof normaliseHours>;
};

export async function bookingWorkshop(db: Knex, id: string): Promise<BookingWorkshop | undefined> {
  const row = await db('workshops').where({ id }).first();
  if (!row) return undefined;
  const street = [row.street, [row.postal_code, row.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return {
    id: row.id,
    tenant: row.tenant,
    name: row.name,
    slug: row.slug,
    email: row.email,
    phone: row.phone,
    address: street || null,
    languages: row.languages,
    config: bookingConfig(row),
    hours: normaliseHours(row.opening_hours),
  };
}

export type BookingService = BookableService & {
  id: string;
  name: string;
  /** The German name, for the workshop's own notices whatever language the customer booked in. */
  nameDe: string;
  price: number | null;
  priceFrom: boolean;
};

/** Bookable, published services of a workshop with their names in the language (German as fallback). */
export async function bookableServices(
  db: Knex,
  workshop: string,
  language: Language,
  only: string | null = null,
  /** Also services no longer bookable (for the name in mails about an existing appointment). */
  any = false,
): Promise<BookingService[]> {
  type Row = { id: string; price: unknown; price_from: unknown; duration_minutes: unknown; buffer_minutes: unknown };
  const rows: Row[] = await db('services')
    .where({ workshop })
    .modify((q) => {
      if (only) q.where('id', only);
      if (!any)
        q.where('status', 'published')
          .whereIn('bookable', [true, 1])
          .whereNotNull('duration_minutes')
          .where('duration_minutes', '>', 0);
    })
    .orderBy('sort')
    .select('id', 'price', 'price_from', 'duration_minutes', 'buffer_minutes');
  if (rows.length === 0) return [];
  const texts = await db('services_translations')
    .whereIn(
      'services_id',
      rows.map((r) => r.id),
    )
    .whereIn('languages_code', [language, 'de'])
    .select('services_id', 'languages_code', 'name');
  const nameOf = (id: string) =>
    texts.find((t) => t.services_id === id && t.languages_code === language && t.name)?.name ??
    texts.find((t) => t.services_id === id && t.languages_code === 'de')?.name ??
    '';
  return rows.map((r) => ({
    id: r.id,
    name: String(nameOf(r.id)),
    nameDe: String(texts.find((t) => t.services_id === r.id && t.languages_code === 'de')?.name ?? nameOf(r.id)),
    price: r.price === null || r.price === undefined ? null : Number(r.price),
    priceFrom: r.price_from === true || r.price_from === 1,
    durationMinutes: Number(r.duration_minutes ?? 0),
    bufferMinutes: Math.max(0, Number(r.buffer_minutes ?? 0)),
  }));
}

/** Duration and buffer of a service (for appointments staff enter), or null without a usable duration. */
export async function serviceDuration(db: Knex, service: unknown): Promise<BookableService | null> {
  const id =
    service !== null && typeof service === 'object' && 'id' in service ? (service as { id: unknown }).id : service;
  if (typeof id !== 'string' && typeof id !== 'number') return null;
  const row = await db('services').where({ id }).first('duration_minutes', 'buffer_minutes');
  const duration = Number(row?.duration_minutes ?? 0);
  return duration > 0
    ? { durationMinutes: duration, bufferMinutes: Math.max(0, Number(row?.buffer_minutes ?? 0)) }
    : null;
}

/** The .ics attachment of a confirmation (or of a cancellation, which removes the calendar entry). */
export function icsAttachment(
  w: { name: string; email: string | null; address: string | null },
  service: string,
  id: string,
  slot: { start: Date; end: Date },
  sequence: number,
  cancelled = false,
): Attachment {
  return {
    filename: 'termin.ics',
    contentType: `text/calendar; charset=utf-8; method=${cancelled ? 'CANCEL' : 'PUBLISH'}`,
    content: appointmentIcs({
      uid: `${id}@carbot`,
      start: slot.start,
      end: slot.end,
      summary: service ? `${service} – ${w.name}` : w.name,
      description: service,
      location: w.address ? `${w.name}, ${w.address}` : w.name,
      organizer: w.email ? { name: w.name, email: w.email } : null,
      sequence,
      cancelled,
    }),
  };
}

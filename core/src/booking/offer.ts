/**
 * The assistant's booking offer: when a visitor's question is about a service the workshop takes online
 * bookings for, the answer is followed by the next free times for it, to book inside the chat (through the
 * public booking API, source `assistant`).
 */
import type { Language } from '../chat/language.ts';
import { addDays, type OpeningHours } from '../sites/hours.ts';
import { type BookableService, type BookingSettings, type Busy, bookingWindow, freeSlots, type Slot } from './slots.ts';
import { BOOKING_CONSENT, BOOKING_CONSENT_VERSION } from './texts.ts';
import { berlinInstant, berlinWall, isoBerlin } from './time.ts';

/** How many of the best retrieval hits may name the service: further down it is not what was asked about. */
const TOP_HITS = 3;

/**
 * The bookable service the question is about: the best-ranked service passage among the top hits, if the
 * workshop books it online. A question whose best hits are an FAQ or the opening hours still gets an offer
 * when a bookable service is among them ("Was kostet ein Ölwechsel? Kann ich einen Termin machen?").
 */
export function offeredService(
  hits: readonly { kind: string; sourceId: string }[],
  bookable: ReadonlySet<string>,
): string | null {
  for (const hit of hits.slice(0, TOP_HITS)) {
    if (hit.kind === 'service' && bookable.has(hit.sourceId)) return hit.sourceId;
  }
  return null;
}

/**
 * A few times to choose from, not three half-hours in a row: the earliest free start of each of the first
 * days with room, and on a single such day its earliest start and one later in the day.
 */
export function spreadSlots(slots: readonly Slot[], count = 3): Slot[] {
  const out: Slot[] = [];
  const days = new Set<string>();
  for (const slot of slots) {
    const day = berlinWall(slot.start).date;
    if (days.has(day)) continue;
    days.add(day);
    out.push(slot);
    if (out.length === count) return out;
  }
  // Fewer days than wanted: fill with later starts of the same days, at least two hours apart.
  for (const slot of slots) {
    if (out.length === count) break;
    if (out.every((o) => Math.abs(o.start.getTime() - slot.start.getTime()) >= 2 * 3_600_000)) out.push(slot);
  }
  return out.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** The words around the offer, in the conversation's language. */
export const OFFER_TEXTS: Record<
  Language,
  { intro: (service: string) => string; book: string; booked: Record<'requested' | 'confirmed', string> }
> = {
  de: {
    intro: (s) => `Freie Termine für ${s} – wählen Sie eine Zeit, dann buchen Sie direkt hier im Chat:`,
    book: 'Termin buchen',
    booked: {
      requested:
        'Danke! Ihre Terminanfrage ist eingegangen. Die Werkstatt bestätigt sie Ihnen per E-Mail oder Telefon.',
      confirmed: 'Danke! Ihr Termin ist gebucht. Die Bestätigung kommt per E-Mail.',
    },
  },
  en: {
    intro: (s) => `Free times for ${s} – pick one and book right here in the chat:`,
    book: 'Book appointment',
    booked: {
      requested: 'Thank you! Your appointment request has arrived. The workshop will confirm it by e-mail or phone.',
      confirmed: 'Thank you! Your appointment is booked. The confirmation comes by e-mail.',
    },
  },
  tr: {
    intro: (s) => `${s} için boş saatler – birini seçin ve doğrudan burada sohbette randevu alın:`,
    book: 'Randevu al',
    booked: {
      requested: 'Teşekkürler! Randevu talebiniz alındı. Atölye size e-posta veya telefonla onaylayacak.',
      confirmed: 'Teşekkürler! Randevunuz alındı. Onay e-posta ile gelecek.',
    },
  },
  pl: {
    intro: (s) => `Wolne terminy: ${s} – wybierz godzinę i zarezerwuj bezpośrednio tutaj w czacie:`,
    book: 'Zarezerwuj termin',
    booked: {
      requested: 'Dziękujemy! Twoja prośba o termin dotarła. Warsztat potwierdzi ją e-mailem lub telefonicznie.',
      confirmed: 'Dziękujemy! Termin jest zarezerwowany. Potwierdzenie przyjdzie e-mailem.',
    },
  },
};

/** What the offer reads of the workshop's booking data (the extension reads it from the database). */
export type OfferPort = {
  /** The workshop's online booking, or null when it takes no bookings online. */
  booking: () => Promise<{ workshopName: string; settings: BookingSettings; hours: OpeningHours } | null>;
  /** The services it books online, named in the conversation's language. */
  services: () => Promise<(BookableService & { id: string; name: string })[]>;
  /** What takes bays between two instants (appointments, blocked times). */
  busy: (from: Date, to: Date) => Promise<Busy[]>;
};

/** What the chat offers after an answer about a bookable service. */
export type BookingOffer = {
  service: { id: string; name: string };
  text: string;
  /** Free starts and ends, ISO 8601 with Berlin's offset. */
  slots: { start: string; end: string }[];
  consent: { version: string; text: string };
  book: string;
  booked: Record<'requested' | 'confirmed', string>;
};

/** The range of instants that can collide with slots on Berlin dates from … to (a day's margin). */
export function busyRange(from: string, to: string): { from: Date; to: Date } {
  return {
    from: berlinInstant(addDays(from, -1), 0) ?? new Date(0),
    to: berlinInstant(addDays(to, 2), 0) ?? new Date(8.64e15),
  };
}

/**
 * The booking offer for an answer, or null: no bookable service among the best hits, online booking off,
 * or nothing free within the bookable window. Two weeks are looked at first, the whole window only when
 * they are full.
 */
export async function bookingOffer(
  hits: readonly { kind: string; sourceId: string }[],
  language: Language,
  port: OfferPort,
  now = new Date(),
): Promise<BookingOffer | null> {
  if (!hits.some((h) => h.kind === 'service')) return null;
  const booking = await port.booking();
  if (!booking) return null;
  const services = await port.services();
  const id = offeredService(hits, new Set(services.map((s) => s.id)));
  const service = services.find((s) => s.id === id);
  if (!service) return null;
  const window = bookingWindow(booking.settings, now);
  const slotsUntil = async (to: string) => {
    const range = busyRange(window.firstDate, to);
    const busy = await port.busy(range.from, range.to);
    return freeSlots({
      hours: booking.hours,
      settings: booking.settings,
      service,
      busy,
      now,
      from: window.firstDate,
      to,
    });
  };
  const soon = addDays(window.firstDate, 13);
  let free = await slotsUntil(soon < window.lastDate ? soon : window.lastDate);
  if (free.length === 0 && soon < window.lastDate) free = await slotsUntil(window.lastDate);
  const slots = spreadSlots(free);
  if (slots.length === 0) return null;
  const t = OFFER_TEXTS[language];
  return {
    service: { id: service.id, name: service.name },
    text: t.intro(service.name),
    slots: slots.map((s) => ({ start: isoBerlin(s.start), end: isoBerlin(s.end) })),
    consent: { version: BOOKING_CONSENT_VERSION, text: BOOKING_CONSENT[language](booking.workshopName) },
    book: t.book,
    booked: t.booked,
  };
}

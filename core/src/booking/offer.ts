/**
 * The assistant's booking offer: when a visitor's question is about a service the workshop takes online
 * bookings for, the answer is followed by the next free times for it, to book inside the chat (through the
 * public booking API, source `assistant`).
 */
import type { Language } from '../chat/language.ts';
import type { Slot } from './slots.ts';
import { berlinWall } from './time.ts';

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

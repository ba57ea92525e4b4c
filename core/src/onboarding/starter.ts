/**
 * What a newly registered workshop starts with, so that its first minutes go into adjusting rather than
 * typing: services with typical German prices for the template it picked, and the most common opening
 * hours. Everything is ordinary data afterwards — the owner changes or deletes it like anything else.
 */
import type { OpeningHours } from '../sites/hours.ts';

/** Mo–Fr 8–18, Sa 9–13: what most independent workshops publish. */
export const STARTER_HOURS: OpeningHours = {
  mo: [['08:00', '18:00']],
  tu: [['08:00', '18:00']],
  we: [['08:00', '18:00']],
  th: [['08:00', '18:00']],
  fr: [['08:00', '18:00']],
  sa: [['09:00', '13:00']],
  su: [],
};

export type StarterService = {
  category: string;
  name: string;
  description: string;
  /** Euro, gross, as a starting point for the owner. */
  price: number;
  priceFrom: boolean;
  minutes: number;
};

const s = (
  category: string,
  name: string,
  price: number,
  priceFrom: boolean,
  minutes: number,
  description: string,
): StarterService => ({ category, name, description, price, priceFrom, minutes });

const WORKSHOP: StarterService[] = [
  s(
    'inspektion',
    'Inspektion nach Herstellervorgaben',
    169,
    true,
    120,
    'Wartung nach Serviceplan mit Eintrag ins Serviceheft – die Herstellergarantie bleibt erhalten.',
  ),
  s('hu_au', 'HU/AU (TÜV) inklusive Vorabcheck', 139, false, 60, 'Hauptuntersuchung und Abgasuntersuchung im Haus.'),
  s('inspektion', 'Ölwechsel mit Filter', 89, true, 30, 'Markenöl nach Herstellerfreigabe und neuer Ölfilter.'),
  s('reifen', 'Räderwechsel', 39, false, 30, 'Sommer- oder Winterräder montieren, Luftdruck prüfen.'),
  s('bremsen', 'Bremsbeläge vorne erneuern', 179, true, 90, 'Neue Beläge, Scheiben geprüft, Probefahrt.'),
  s('klima', 'Klimaservice', 99, false, 60, 'Kältemittel absaugen, prüfen und neu befüllen.'),
  s('elektrik', 'Fehlerspeicher auslesen', 49, false, 30, 'Diagnose mit Werkstatt-Tester und Erklärung des Befunds.'),
];

const ELECTRIC: StarterService[] = [
  s(
    'eauto',
    'Inspektion für E-Auto und Hybrid',
    159,
    true,
    90,
    'Wartung nach Herstellervorgaben durch geschultes Hochvolt-Personal.',
  ),
  s(
    'eauto',
    'Batterie-Gesundheitscheck',
    89,
    false,
    45,
    'Zustand (State of Health) der Hochvoltbatterie mit Protokoll.',
  ),
  s('klima', 'Klimaservice mit Wärmepumpe', 129, false, 60, 'Prüfung und Befüllung, auch für Wärmepumpen-Systeme.'),
  s('reifen', 'Räderwechsel', 39, false, 30, 'Sommer- oder Winterräder montieren, Luftdruck prüfen.'),
  s('bremsen', 'Bremsen-Service', 149, true, 60, 'Reinigung und Prüfung der wenig genutzten Bremsen von E-Autos.'),
  s('hu_au', 'HU (TÜV) für E-Autos', 119, false, 60, 'Hauptuntersuchung im Haus, ohne Abgasuntersuchung.'),
];

const CLASSIC: StarterService[] = [
  s(
    'oldtimer',
    'Wartung für Klassiker',
    249,
    true,
    180,
    'Durchsicht, Abschmieren, Flüssigkeiten – nach Werksvorgaben.',
  ),
  s(
    'oldtimer',
    'Begleitung zum H-Kennzeichen',
    149,
    true,
    120,
    'Vorabprüfung nach § 23 StVZO und Begleitung zur Begutachtung.',
  ),
  s('motor', 'Vergaser einstellen und synchronisieren', 129, true, 120, 'Für ruhigen Leerlauf und saubere Abgaswerte.'),
  s('oldtimer', 'Wertgutachten', 290, true, 120, 'Gutachten für Versicherung und Verkauf.'),
  s(
    'karosserie',
    'Restaurierung nach Aufwand',
    75,
    true,
    60,
    'Stundensatz; wir besprechen das Projekt vorher mit Ihnen.',
  ),
  s('sonstiges', 'Winterfest machen und einlagern', 99, true, 60, 'Konservieren, Batterie laden, trocken einlagern.'),
];

const BY_TEMPLATE: Record<string, StarterService[]> = {
  klassisch: WORKSHOP,
  modern: WORKSHOP,
  premium: WORKSHOP,
  elektro: ELECTRIC,
  oldtimer: CLASSIC,
};

/** The starter services for a template; a chat-only workshop (no template) gets the general list. */
export function starterServices(template: string | null | undefined): StarterService[] {
  return BY_TEMPLATE[template ?? ''] ?? WORKSHOP;
}

/** Rows for the `services` collection (German only: a new workshop starts with German). */
export function starterServiceRows(template: string | null | undefined, workshop: string) {
  return starterServices(template).map((service, i) => ({
    workshop,
    status: 'published',
    category: service.category,
    price: service.price,
    price_from: service.priceFrom,
    duration_minutes: service.minutes,
    sort: i + 1,
    translations: [{ languages_code: 'de', name: service.name, description: service.description }],
  }));
}

/**
 * Public holidays of a German Bundesland, from the maintained date-holidays library (no hand-written
 * table that goes stale with the next Buß- und Bettag or Frauentag). Only `public` holidays close the
 * workshop; observances such as Heiligabend are the workshop's own closing days.
 */
import Holidays from 'date-holidays';

/** The 16 Bundesländer with their ISO 3166-2 codes, as the booking settings offer them. */
export const BUNDESLAENDER: Readonly<Record<string, string>> = {
  BW: 'Baden-Württemberg',
  BY: 'Bayern',
  BE: 'Berlin',
  BB: 'Brandenburg',
  HB: 'Bremen',
  HH: 'Hamburg',
  HE: 'Hessen',
  MV: 'Mecklenburg-Vorpommern',
  NI: 'Niedersachsen',
  NW: 'Nordrhein-Westfalen',
  RP: 'Rheinland-Pfalz',
  SL: 'Saarland',
  SN: 'Sachsen',
  ST: 'Sachsen-Anhalt',
  SH: 'Schleswig-Holstein',
  TH: 'Thüringen',
};

const cache = new Map<string, Map<string, string>>();

/** Public holidays of a Bundesland in a year: date (YYYY-MM-DD) → German name. Unknown states: none. */
export function publicHolidays(state: string, year: number): Map<string, string> {
  const key = `${state}:${year}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const out = new Map<string, string>();
  if (BUNDESLAENDER[state]) {
    const calendar = new Holidays('DE', state, { languages: ['de'], types: ['public'] });
    for (const h of calendar.getHolidays(year, 'de')) {
      if (h.type === 'public') out.set(h.date.slice(0, 10), h.name);
    }
  }
  cache.set(key, out);
  return out;
}

/** Whether a Berlin date is a public holiday in the Bundesland. */
export function isHoliday(state: string, date: string): boolean {
  return publicHolidays(state, Number(date.slice(0, 4))).has(date);
}

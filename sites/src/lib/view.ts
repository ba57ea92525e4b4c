/** Small view helpers shared by the workshop pages. */
import { normaliseHours } from '@carbot/core/sites/hours';
import { type Lang, translate } from '@carbot/core/sites/i18n';
import type { Service, Workshop } from './directus/index.ts';
import { euro, type Ui } from './ui.ts';

export const hoursOf = (w: Workshop) => normaliseHours(w.opening_hours);
export const workshopText = (w: Workshop, lang: Lang) => translate(w.translations, lang);

export function priceText(s: Service, lang: Lang, t: Ui): string {
  if (s.price === null || s.price === undefined || s.price === '') return t.onRequest;
  const value = euro(lang, Number(s.price));
  return s.price_from ? `${t.from} ${value}` : value;
}

export function durationText(minutes: number | null, t: Ui): string | null {
  if (!minutes || minutes <= 0) return null;
  if (minutes < 90) return `${t.duration} ${minutes} ${t.minutes}`;
  const h = Math.round((minutes / 60) * 2) / 2;
  return `${t.duration} ${String(h).replace('.', ',')} ${t.hours}`;
}

export const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;
export const servicePrices = (services: Service[]) =>
  services.map((s) => Number(s.price)).filter((p) => Number.isFinite(p) && p > 0);

/** A phone number that never wraps in the middle (non-breaking spaces and hyphens). */
export const phoneText = (phone: string) => phone.replace(/ /g, '\u00a0').replace(/-/g, '\u2011');

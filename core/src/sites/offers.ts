/**
 * Seasonal offers (Reifenwechsel, Klimacheck) are shown between their start and end. A cached page is
 * only right until the next of these moments, so the page cache keeps it exactly that long.
 */
export type Validity = { valid_from: string | null; valid_until: string | null };

const time = (iso: string | null) => (iso ? Date.parse(iso) : Number.NaN);

/** Whether an offer shows at `now`: begun (or no start) and not yet over (or no end). */
export function offerShown(offer: Validity, now: Date): boolean {
  const from = time(offer.valid_from);
  const until = time(offer.valid_until);
  return (Number.isNaN(from) || from <= now.getTime()) && (Number.isNaN(until) || until >= now.getTime());
}

/** The next moment after `now` at which the set of shown offers changes (epoch ms), or null. */
export function nextOfferChange(offers: readonly Validity[], now: Date): number | null {
  const moments = offers
    .flatMap((o) => [time(o.valid_from), time(o.valid_until) + 1])
    .filter((t) => !Number.isNaN(t) && t > now.getTime());
  return moments.length ? Math.min(...moments) : null;
}

export type OfferTexts = {
  title: string | null;
  text: string | null;
  translations?: readonly { languages_code: unknown; title: string | null; text: string | null }[] | null;
};

/**
 * An offer's title and text as a visitor in `lang` reads them: the translation in that language (written
 * by the owner or made by machine translation) where it has a title, else the German text the offer was
 * written in. A translation without its own text shows none rather than the German one under a
 * translated title.
 */
export function offerText(offer: OfferTexts, lang: string): { title: string | null; text: string | null } {
  const translated = lang === 'de' ? undefined : offer.translations?.find((t) => t.languages_code === lang);
  if (translated?.title) return { title: translated.title, text: translated.text };
  return { title: offer.title, text: offer.text };
}

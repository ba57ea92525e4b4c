/**
 * Small SVG previews of the website templates for pickers (registration, admin): drawn from the
 * template's own colours and type, so a new or changed template gets its picture without anyone
 * exporting screenshots, and nothing is loaded from elsewhere.
 */
import { hexColor } from '../colors.ts';
import { escapeHtml as escapeXml } from '../text/escape.ts';

export type ThumbnailTemplate = {
  key: string;
  name: string;
  color_primary?: string | null;
  color_accent?: string | null;
  font_heading?: string | null;
};

const SERIF = /merriweather|playfair|lora|serif|garamond|georgia/i;

/** Layout differences per template key, so the five pictures differ in more than colour. */
const LAYOUT: Record<string, { hero: 'full' | 'split' | 'centered'; radius: number }> = {
  klassisch: { hero: 'split', radius: 2 },
  modern: { hero: 'full', radius: 10 },
  premium: { hero: 'centered', radius: 0 },
  elektro: { hero: 'split', radius: 14 },
  oldtimer: { hero: 'centered', radius: 4 },
};

/** An SVG (160×100) with header, hero, heading line and call-to-action in the template's style. */
export function templateThumbnail(t: ThumbnailTemplate): string {
  const primary = hexColor(t.color_primary) ?? '#1e3a5f';
  const accent = hexColor(t.color_accent) ?? '#c2410c';
  const family = SERIF.test(t.font_heading ?? '') ? 'Georgia, serif' : 'Arial, sans-serif';
  const layout = LAYOUT[t.key] ?? { hero: 'split', radius: 4 };
  const r = layout.radius;
  const hero =
    layout.hero === 'full'
      ? `<rect x="0" y="16" width="160" height="50" fill="${primary}"/>` +
        `<rect x="12" y="28" width="80" height="8" rx="2" fill="#fff"/>` +
        `<rect x="12" y="40" width="56" height="4" rx="2" fill="#fff" opacity=".7"/>` +
        `<rect x="12" y="50" width="34" height="9" rx="${Math.min(r, 4.5)}" fill="${accent}"/>`
      : layout.hero === 'centered'
        ? `<rect x="0" y="16" width="160" height="50" fill="${primary}" opacity=".12"/>` +
          `<rect x="40" y="28" width="80" height="8" rx="2" fill="${primary}"/>` +
          `<rect x="52" y="40" width="56" height="4" rx="2" fill="${primary}" opacity=".6"/>` +
          `<rect x="63" y="50" width="34" height="9" rx="${Math.min(r, 4.5)}" fill="${accent}"/>`
        : `<rect x="0" y="16" width="160" height="50" fill="#fff"/>` +
          `<rect x="12" y="28" width="62" height="8" rx="2" fill="${primary}"/>` +
          `<rect x="12" y="40" width="48" height="4" rx="2" fill="${primary}" opacity=".5"/>` +
          `<rect x="12" y="50" width="34" height="9" rx="${Math.min(r, 4.5)}" fill="${accent}"/>` +
          `<rect x="88" y="24" width="60" height="36" rx="${r}" fill="${primary}" opacity=".85"/>`;
  const cards = [12, 62, 112]
    .map(
      (x) =>
        `<rect x="${x}" y="72" width="36" height="20" rx="${Math.min(r, 6)}" fill="#fff" stroke="${primary}" stroke-opacity=".25"/>` +
        `<rect x="${x + 5}" y="78" width="20" height="3" rx="1.5" fill="${primary}" opacity=".7"/>` +
        `<rect x="${x + 5}" y="84" width="14" height="3" rx="1.5" fill="${accent}"/>`,
    )
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 100" width="160" height="100" role="img" aria-label="Vorschau der Vorlage ${escapeXml(t.name)}">` +
    `<rect width="160" height="100" fill="#f8fafc"/>` +
    `<rect width="160" height="16" fill="${layout.hero === 'full' ? '#fff' : primary}"/>` +
    `<text x="8" y="11" font-family="${family}" font-size="7" font-weight="700" fill="${layout.hero === 'full' ? primary : '#fff'}">Werkstatt</text>` +
    `<rect x="112" y="6" width="40" height="4" rx="2" fill="${layout.hero === 'full' ? primary : '#fff'}" opacity=".6"/>` +
    hero +
    cards +
    '</svg>'
  );
}

/** The same picture as a data URL, for an <img> (no inline SVG needed, works under a strict CSP). */
export function templateThumbnailUrl(t: ThumbnailTemplate): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(templateThumbnail(t))}`;
}

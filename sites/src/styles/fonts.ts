/**
 * The templates' typefaces, self-hosted from npm (@fontsource-variable, SIL Open Font License): built into
 * our own assets, so no page asks a third party for a font. Only latin and latin-ext (German, English,
 * Turkish, Polish); the browser fetches latin-ext only when a page uses such letters. Each template
 * names its pair here; the layout writes only those @font-face rules and preloads the latin files.
 */

import bitterLatinExt from '@fontsource-variable/bitter/files/bitter-latin-ext-wght-normal.woff2?url';
import bitterLatin from '@fontsource-variable/bitter/files/bitter-latin-wght-normal.woff2?url';
import cormorantGaramondLatinExt from '@fontsource-variable/cormorant-garamond/files/cormorant-garamond-latin-ext-wght-normal.woff2?url';
import cormorantGaramondLatin from '@fontsource-variable/cormorant-garamond/files/cormorant-garamond-latin-wght-normal.woff2?url';
import frauncesLatinExt from '@fontsource-variable/fraunces/files/fraunces-latin-ext-wght-normal.woff2?url';
import frauncesLatin from '@fontsource-variable/fraunces/files/fraunces-latin-wght-normal.woff2?url';
import interLatinExt from '@fontsource-variable/inter/files/inter-latin-ext-wght-normal.woff2?url';
import interLatin from '@fontsource-variable/inter/files/inter-latin-wght-normal.woff2?url';
import jostLatinExt from '@fontsource-variable/jost/files/jost-latin-ext-wght-normal.woff2?url';
import jostLatin from '@fontsource-variable/jost/files/jost-latin-wght-normal.woff2?url';
import loraLatinExt from '@fontsource-variable/lora/files/lora-latin-ext-wght-normal.woff2?url';
import loraLatin from '@fontsource-variable/lora/files/lora-latin-wght-normal.woff2?url';
import oswaldLatinExt from '@fontsource-variable/oswald/files/oswald-latin-ext-wght-normal.woff2?url';
import oswaldLatin from '@fontsource-variable/oswald/files/oswald-latin-wght-normal.woff2?url';
import sourceSans3LatinExt from '@fontsource-variable/source-sans-3/files/source-sans-3-latin-ext-wght-normal.woff2?url';
import sourceSans3Latin from '@fontsource-variable/source-sans-3/files/source-sans-3-latin-wght-normal.woff2?url';
import spaceGroteskLatinExt from '@fontsource-variable/space-grotesk/files/space-grotesk-latin-ext-wght-normal.woff2?url';
import spaceGroteskLatin from '@fontsource-variable/space-grotesk/files/space-grotesk-latin-wght-normal.woff2?url';

const LATIN =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
const LATIN_EXT =
  'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF';

type Face = { family: string; latin: string; latinExt: string };
const FACES = {
  bitter: { family: 'Bitter Variable', latin: bitterLatin, latinExt: bitterLatinExt },
  sourceSans3: { family: 'Source Sans 3 Variable', latin: sourceSans3Latin, latinExt: sourceSans3LatinExt },
  oswald: { family: 'Oswald Variable', latin: oswaldLatin, latinExt: oswaldLatinExt },
  inter: { family: 'Inter Variable', latin: interLatin, latinExt: interLatinExt },
  cormorantGaramond: {
    family: 'Cormorant Garamond Variable',
    latin: cormorantGaramondLatin,
    latinExt: cormorantGaramondLatinExt,
  },
  jost: { family: 'Jost Variable', latin: jostLatin, latinExt: jostLatinExt },
  spaceGrotesk: { family: 'Space Grotesk Variable', latin: spaceGroteskLatin, latinExt: spaceGroteskLatinExt },
  fraunces: { family: 'Fraunces Variable', latin: frauncesLatin, latinExt: frauncesLatinExt },
  lora: { family: 'Lora Variable', latin: loraLatin, latinExt: loraLatinExt },
} satisfies Record<string, Face>;

/** Heading face first, body face second. */
const PAIRS: Record<string, Face[]> = {
  klassisch: [FACES.bitter, FACES.sourceSans3],
  modern: [FACES.oswald, FACES.inter],
  premium: [FACES.cormorantGaramond, FACES.jost],
  elektro: [FACES.spaceGrotesk, FACES.inter],
  oldtimer: [FACES.fraunces, FACES.lora],
  platform: [FACES.spaceGrotesk, FACES.inter],
};

const rule = (face: Face, src: string, range: string) =>
  `@font-face{font-family:'${face.family}';font-style:normal;font-display:swap;font-weight:100 900;src:url(${src}) format('woff2');unicode-range:${range}}`;

/** The @font-face rules of one template (empty for an unknown one: system fonts). */
export const fontFaces = (template: string) =>
  (PAIRS[template] ?? []).flatMap((f) => [rule(f, f.latin, LATIN), rule(f, f.latinExt, LATIN_EXT)]).join('');

/** The latin files of a template's faces, for <link rel="preload">. */
export const fontPreloads = (template: string) => (PAIRS[template] ?? []).map((f) => f.latin);

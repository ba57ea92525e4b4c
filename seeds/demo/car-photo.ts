/**
 * Demo vehicle photos, drawn here rather than taken from anywhere: a car silhouette in the vehicle's
 * colour on a showroom background, as SVG. Three views per car (side, three-quarter, rear-side) so a
 * gallery has something to page through. Free of any licence; rendered to JPEG when the demo feed is served.
 */
export type PhotoView = 0 | 1 | 2;

const PALETTE: [RegExp, string][] = [
  [/schwarz|black|obsidian|carbon|tiefschwarz|phantom/i, '#1f2328'],
  [/weiß|white|weiss|alpin|polar|perlmutt|gletscher|snow|mondweiß|digitalweiß|gelato/i, '#eef0f2'],
  [/silber|silver|grau|grey|gray|moonstone|mondstein|manhattan|selenit|indium|skyscraper|graphit|pyrit/i, '#8a9099'],
  [/blau|blue|teal|denim|atlantis|estoril|kavansit|ravenna|geysir|phytonic|race/i, '#2f5fa8'],
  [/rot|red|tango|kardinal|flammen|desire/i, '#b3262e'],
  [/orange|desert/i, '#d9702b'],
  [/grün|green/i, '#3f7f5a'],
  [/bronze|braun|brown/i, '#8a6a44'],
  [/matt/i, '#5b6066'],
];

export function paint(color: string | null | undefined): string {
  for (const [re, hex] of PALETTE) if (color && re.test(color)) return hex;
  return '#6b7280';
}

const esc = (s: string) => s.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** An 800×600 SVG of a car in `color`; `label` (make and model) on a small sign in the corner. */
export function carSvg(options: {
  color: string;
  label: string;
  view: PhotoView;
  body?: 'suv' | 'estate' | 'hatch';
}): string {
  const body = options.body ?? 'hatch';
  const fill = options.color;
  const roof = body === 'suv' ? 190 : body === 'estate' ? 215 : 205;
  const tail = body === 'estate' || body === 'suv' ? 640 : 600;
  const flip = options.view === 2 ? 'translate(800 0) scale(-1 1)' : '';
  const skew = options.view === 1 ? 'matrix(0.92 0.04 -0.08 1 70 -10)' : '';
  const wall = ['#e9edf2', '#f3ede4', '#e6ecea'][options.view];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" viewBox="0 0 800 600">
<defs><linearGradient id="w" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${wall}"/><stop offset="1" stop-color="#c9d1da"/></linearGradient>
<linearGradient id="b" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#ffffff" stop-opacity=".35"/><stop offset=".5" stop-color="#ffffff" stop-opacity="0"/></linearGradient></defs>
<rect width="800" height="600" fill="url(#w)"/><rect y="420" width="800" height="180" fill="#b8c0c9"/>
<ellipse cx="400" cy="455" rx="330" ry="26" fill="#000" opacity=".18"/>
<g transform="${flip} ${skew}">
<path d="M110 400 L110 340 Q115 305 170 295 L250 285 Q300 ${roof} 380 ${roof - 5} L520 ${roof - 5} Q575 ${roof} ${tail} 285 L680 300 Q705 310 705 345 L705 400 Z" fill="${fill}" stroke="#1b1f24" stroke-width="4"/>
<path d="M110 400 L110 340 Q115 305 170 295 L250 285 Q300 ${roof} 380 ${roof - 5} L520 ${roof - 5} Q575 ${roof} ${tail} 285 L680 300 Q705 310 705 345 L705 400 Z" fill="url(#b)"/>
<path d="M270 288 Q310 ${roof + 12} 385 ${roof + 8} L450 ${roof + 8} L450 288 Z" fill="#2b3945" opacity=".85"/>
<path d="M465 288 L465 ${roof + 8} L515 ${roof + 8} Q560 ${roof + 12} ${tail - 30} 288 Z" fill="#2b3945" opacity=".85"/>
<rect x="660" y="318" width="40" height="14" rx="5" fill="#ffd27a"/><rect x="112" y="322" width="26" height="12" rx="4" fill="#c0392b"/>
<circle cx="225" cy="400" r="52" fill="#1b1f24"/><circle cx="225" cy="400" r="26" fill="#aeb6bf"/>
<circle cx="590" cy="400" r="52" fill="#1b1f24"/><circle cx="590" cy="400" r="26" fill="#aeb6bf"/>
</g>
<rect x="24" y="24" rx="8" width="${Math.min(560, 22 + options.label.length * 15)}" height="44" fill="#ffffff" opacity=".9"/>
<text x="40" y="54" font-family="DejaVu Sans, Arial, sans-serif" font-size="24" fill="#1b1f24">${esc(options.label)}</text>
</svg>`;
}

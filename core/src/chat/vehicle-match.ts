/**
 * The vehicles that fit a visitor's question (see vehicle-query.ts), chosen from a workshop's stock held
 * in memory: a question about cars for sale is matched against a few thousand cars in well under a
 * millisecond, where asking the database to lower-case and LIKE-match every car's make, model and variant
 * (and up to sixty body words) for each question took tens of milliseconds for a large dealer.
 */
import type { VehicleFacts } from './retrieval.ts';
import type { Body, VehicleQuery } from './vehicle-query.ts';

/** Words in a model's name or variant that tell its body, where the data has no body column. */
export const BODY_HINTS: Record<Body, string[]> = {
  estate: ['variant', 'touring', 'avant', 'kombi', 'combi', 'tourer', 'estate', 'sw', 'break', 'sportswagon'],
  suv: [
    'tiguan',
    't-roc',
    'taigo',
    'touareg',
    'id.4',
    'id.5',
    'kona',
    'tucson',
    'ioniq 5',
    'model y',
    'model x',
    'x1',
    'x2',
    'x3',
    'x5',
    'ix',
    'q2',
    'q3',
    'q4',
    'q5',
    'q7',
    'q8',
    'kuga',
    'puma',
    'sportage',
    'niro',
    'ev6',
    'karoq',
    'kodiaq',
    'kamiq',
    'enyaq',
    'mokka',
    'grandland',
    'crossland',
    'duster',
    'yaris cross',
    'rav4',
    'c-hr',
    'glc',
    'gla',
    'glb',
    'eqa',
    'eqb',
    'xc40',
    'xc60',
    'xc90',
    'captur',
    'qashqai',
    'juke',
    '2008',
    '3008',
    '5008',
    'ateca',
    'arona',
    'formentor',
    'macan',
    'cayenne',
  ],
  sedan: [
    'limousine',
    'sedan',
    'a4',
    'a6',
    '3er',
    '320',
    '330',
    '5er',
    'c-klasse',
    'e-klasse',
    'passat',
    'octavia',
    'model 3',
    'superb',
  ],
  small: [
    'polo',
    'up',
    'fabia',
    'corsa',
    'fiesta',
    'clio',
    'yaris',
    'i10',
    'i20',
    'picanto',
    'sandero',
    'ibiza',
    'a1',
    'mini',
    'zoe',
    '208',
    'c3',
    'id.3',
    'golf',
  ],
  convertible: ['cabrio', 'cabriolet', 'roadster', 'spider', 'spyder'],
  van: [
    'touran',
    'sharan',
    'transporter',
    'caddy',
    'multivan',
    'zafira',
    'galaxy',
    's-max',
    'tourneo',
    'vito',
    'v-klasse',
    'berlingo',
    'rifter',
    'kangoo',
    'id. buzz',
  ],
  coupe: ['coupe', 'coupé', 'gt', '911', 'tt'],
};

export type StockRow = VehicleFacts & { id: string; transmission?: string | null };

/** A car of the stock with what matching needs, lower-cased once when the stock is loaded. */
export type StockVehicle = {
  row: StockRow;
  make: string;
  model: string;
  /** The bodies its model and variant name (BODY_HINTS), found once when the stock is loaded. */
  bodies: Body[];
};

const BODIES = Object.entries(BODY_HINTS) as [Body, string[]][];

export function toStock(rows: readonly StockRow[]): StockVehicle[] {
  return rows.map((row) => {
    // " model variant ", so a body word is found at a word start.
    const name = ` ${`${row.model} ${row.variant ?? ''}`.toLowerCase()} `;
    return {
      row,
      make: row.make.toLowerCase(),
      model: row.model.toLowerCase(),
      bodies: BODIES.filter(([, hints]) => hints.some((hint) => name.includes(` ${hint}`))).map(([body]) => body),
    };
  });
}

const numberOf = (value: string | number | null | undefined) =>
  value === null || value === undefined || value === '' ? null : Number(value);

function fits(v: StockVehicle, wanted: VehicleQuery, withModel: boolean): boolean {
  const { row } = v;
  if (row.status !== 'available' && row.status !== 'reserved') return false;
  if (wanted.make && !wanted.make.includes(v.make)) return false;
  if (withModel && wanted.model) {
    const model = wanted.model.toLowerCase();
    if (!v.model.startsWith(model) && !v.model.includes(` ${model}`)) return false;
  }
  if (wanted.fuel && !wanted.fuel.includes(row.fuel as never)) return false;
  if (wanted.transmission && row.transmission !== wanted.transmission) return false;
  if (wanted.body && !v.bodies.includes(wanted.body)) return false;
  for (const [value, range] of [
    [numberOf(row.price), wanted.price],
    [numberOf(row.mileage_km), wanted.mileage],
    [numberOf(row.year), wanted.year],
  ] as const) {
    if (!range) continue;
    // A car without the value asked about cannot be said to be in the range.
    if (value === null && (range.min !== undefined || range.max !== undefined)) return false;
    if (value !== null && range.min !== undefined && value < range.min) return false;
    if (value !== null && range.max !== undefined && value > range.max) return false;
  }
  return true;
}

/**
 * The best `limit` cars for the question: under a budget the best car that fits it first, otherwise the
 * most affordable; cars without a price last. When the word after the make turns out not to be a model
 * ("BMW in Schwarz"), the make alone.
 */
export function matchVehicles(stock: readonly StockVehicle[], wanted: VehicleQuery, limit = 3): StockRow[] {
  const pick = (withModel: boolean) => stock.filter((v) => fits(v, wanted, withModel));
  let found = pick(true);
  if (found.length === 0 && wanted.model) found = pick(false);
  const descending = wanted.price?.max !== undefined;
  return found
    .map((v) => v.row)
    .sort((a, b) => {
      const pa = numberOf(a.price);
      const pb = numberOf(b.price);
      if (pa === null || pb === null) return pa === pb ? 0 : pa === null ? 1 : -1;
      return descending ? pb - pa : pa - pb;
    })
    .slice(0, limit);
}

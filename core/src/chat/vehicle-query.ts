/**
 * What a visitor asks for when asking about a car for sale, in German, English, Turkish or Polish: make,
 * model, fuel, body, and ranges of price, mileage and year ("unter 20.000 €", "under 20k",
 * "20 bin altında", "poniżej 20 tys."). The search turns it into a query on the workshop's vehicles.
 */

import { fold, foldedWords } from './vocabulary/expand.ts';
import { BOUNDS } from './vocabulary/terms.ts';

export type Fuel = 'petrol' | 'diesel' | 'electric' | 'hybrid' | 'plugin_hybrid' | 'lpg' | 'cng' | 'hydrogen';
export type Body = 'suv' | 'estate' | 'sedan' | 'small' | 'convertible' | 'van' | 'coupe';
export type Range = { min?: number; max?: number };

export type VehicleQuery = {
  /** Spellings the make is stored under, lower case ("vw", "volkswagen"). */
  make?: string[];
  model?: string;
  fuel?: Fuel[];
  body?: Body;
  transmission?: 'automatic' | 'manual';
  /** Euros. */
  price?: Range;
  mileage?: Range;
  year?: Range;
  /** The question is about cars for sale at all (a make, a car word, a range …). */
  about: boolean;
  /** A word for "car" itself ("Auto", "araba", "samochód"), not only a make or a range. */
  car: boolean;
};

/** Makes as visitors write them, and the spellings a dealer's data uses. */
const MAKES: [string[], string[]][] = [
  [
    ['vw', 'volkswagen', 'volkswagon', 'volkswagena'],
    ['vw', 'volkswagen'],
  ],
  [
    ['mercedes', 'mercedesa', 'benz', 'mercedes-benz', 'merc', 'mercedesbenz'],
    ['mercedes-benz', 'mercedes'],
  ],
  [['bmw', 'bmwa', 'bmwe'], ['bmw']],
  [['audi', 'audika'], ['audi']],
  [['opel', 'opla'], ['opel']],
  [['ford', 'forda'], ['ford']],
  [
    ['skoda', 'skody', 'skodę'],
    ['skoda', 'škoda'],
  ],
  [['seat', 'seata'], ['seat']],
  [['cupra'], ['cupra']],
  [['toyota', 'toyoty', 'toyotę'], ['toyota']],
  [['hyundai', 'hyundaia', 'hundai', 'hyundia'], ['hyundai']],
  [['kia'], ['kia']],
  [['renault', 'renaulta', 'reno'], ['renault']],
  [['peugeot', 'peugeota', 'pegeot', 'peugot'], ['peugeot']],
  [
    ['citroen', 'citroën', 'citroena'],
    ['citroën', 'citroen'],
  ],
  [['fiat', 'fiata'], ['fiat']],
  [['tesla', 'teslę', 'tesli', 'teslа'], ['tesla']],
  [['volvo', 'volvoa'], ['volvo']],
  [['mazda', 'mazdę', 'mazdy'], ['mazda']],
  [['nissan', 'nissana'], ['nissan']],
  [['dacia', 'dacię', 'dacii'], ['dacia']],
  [['porsche', 'porsza', 'porshe'], ['porsche']],
  [['mini'], ['mini']],
  [['smart'], ['smart']],
  [['honda', 'hondę'], ['honda']],
  [['suzuki'], ['suzuki']],
  [['mitsubishi'], ['mitsubishi']],
  [['jeep'], ['jeep']],
  [['volvo'], ['volvo']],
  [['mg'], ['mg']],
  [['byd'], ['byd']],
  [['polestar'], ['polestar']],
  [['lexus'], ['lexus']],
  [['subaru'], ['subaru']],
  [['alfa', 'alfaromeo'], ['alfa romeo']],
  [['landrover', 'rover'], ['land rover']],
];
const MAKE_OF = new Map(MAKES.flatMap(([asked, stored]) => asked.map((a) => [fold(a), stored] as const)));

/** Models common enough to be asked for without their make. */
const MODELS: Record<string, string> = {
  golf: 'vw',
  polo: 'vw',
  passat: 'vw',
  tiguan: 'vw',
  touran: 'vw',
  troc: 'vw',
  id3: 'vw',
  id4: 'vw',
  octavia: 'skoda',
  fabia: 'skoda',
  superb: 'skoda',
  kodiaq: 'skoda',
  enyaq: 'skoda',
  astra: 'opel',
  corsa: 'opel',
  mokka: 'opel',
  focus: 'ford',
  fiesta: 'ford',
  kuga: 'ford',
  corolla: 'toyota',
  yaris: 'toyota',
  kona: 'hyundai',
  tucson: 'hyundai',
  ioniq: 'hyundai',
  i30: 'hyundai',
  ceed: 'kia',
  sportage: 'kia',
  niro: 'kia',
  clio: 'renault',
  zoe: 'renault',
  leon: 'seat',
  ibiza: 'seat',
  a3: 'audi',
  a4: 'audi',
  a6: 'audi',
  q3: 'audi',
  q5: 'audi',
  x1: 'bmw',
  x3: 'bmw',
  i3: 'bmw',
  sandero: 'dacia',
  duster: 'dacia',
};

const FUEL_WORDS: [string, Fuel[]][] = [
  ['elektr', ['electric']],
  ['electric', ['electric']],
  ['ev', ['electric']],
  ['evs', ['electric']],
  ['bev', ['electric']],
  ['stromer', ['electric']],
  ['eauto', ['electric']],
  ['diesel', ['diesel']],
  ['diesl', ['diesel']],
  ['disel', ['diesel']],
  ['dizel', ['diesel']],
  ['benzin', ['petrol']],
  ['benzyn', ['petrol']],
  ['petrol', ['petrol']],
  ['gasoline', ['petrol']],
  ['plugin', ['plugin_hybrid']],
  ['phev', ['plugin_hybrid']],
  ['hybri', ['hybrid', 'plugin_hybrid']],
  ['hibrit', ['hybrid', 'plugin_hybrid']],
  ['lpg', ['lpg']],
  ['autogas', ['lpg']],
  ['autogaz', ['lpg']],
  ['otogaz', ['lpg']],
  ['cng', ['cng']],
  ['erdgas', ['cng']],
  ['wasserstoff', ['hydrogen']],
  ['hydrogen', ['hydrogen']],
];
// Stems that are whole words only: "ev" is not "evet", "lpg" needs no prefix.
const FUEL_EXACT = new Set(['ev', 'evs', 'bev', 'lpg', 'cng', 'phev']);

const BODY_WORDS: [string, Body][] = [
  ['suv', 'suv'],
  ['gelandewagen', 'suv'],
  ['crossover', 'suv'],
  ['terenowk', 'suv'],
  ['kombi', 'estate'],
  ['estate', 'estate'],
  ['wagon', 'estate'],
  ['limousine', 'sedan'],
  ['sedan', 'sedan'],
  ['saloon', 'sedan'],
  ['limuzyn', 'sedan'],
  ['kleinwagen', 'small'],
  ['hatchback', 'small'],
  ['supermini', 'small'],
  ['cabrio', 'convertible'],
  ['convertible', 'convertible'],
  ['kabrio', 'convertible'],
  ['roadster', 'convertible'],
  ['minivan', 'van'],
  ['transporter', 'van'],
  ['van', 'van'],
  ['bus', 'van'],
  ['coupe', 'coupe'],
];

/** Words that say "a car for sale" without naming one. */
const CAR_WORDS =
  /^(gebrauchtwagen\w*|gebrauchte[nrs]?|fahrzeug\w*|autos?|wagen|pkw|cars?|vehicles?|araba\w*|arac\w*|otomobil\w*|samochod\w*|auta|aut|pojazd\w*|uzywan\w*)$/;

const MAX_WORDS = BOUNDS.max.split('|').map((b) => foldedWords(b));
const MIN_WORDS = BOUNDS.min.split('|').map((b) => foldedWords(b));

const POSTFIX = new Set(['altinda', 'alti', 'kadar', 'asagi', 'ustu', 'uzerinde', 'uzeri', 'ustunde', 'fazla']);
const THOUSAND = /^(k|tsd|tausend|thousand|bin|bine|binin|tys|tysiecy|tysiace|tysiaca|tysi)$/;
const MILEAGE_UNIT = /^(km|kilometer|kilometern|kilometres|kilometers|kilometre|kilometresi|kilometrow|miles|tkm)$/;
const EURO_UNIT = /^(€|eur|euro|euros|avro|zl)$/;

type Amount = { value: number; start: number; end: number; unit: 'price' | 'mileage' | 'none' };

/**
 * Numbers in the question with their unit: "20.000 €", "20k", "20 bin", "20 tys.", "50.000 km", "2018".
 * Works on the raw text, because "20.000" and "20,5" lose their meaning once split into words.
 */
function amounts(question: string): { words: string[]; found: Amount[] } {
  // "20.000" / "20 000" / "20,000" → one number; the decimal comma of "1,5" stays a decimal.
  const text = fold(question)
    .replace(/(\d)[.\u00a0 ,](?=\d{3}(?!\d))/g, '$1')
    .replace(/(\d),(\d{1,2})(?!\d)/g, '$1.$2');
  const tokens = text.match(/\d+(?:\.\d+)?|[\p{L}]+|€/gu) ?? [];
  const found: Amount[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] as string;
    if (!/^\d/.test(token)) continue;
    let value = Number(token);
    let end = i;
    let unit: Amount['unit'] = 'none';
    const next = tokens[i + 1] ?? '';
    if (THOUSAND.test(next)) {
      value *= 1000;
      end = i + 1;
    } else if (/^(do|bis|to|und|and|ile|ve)$/.test(next) && THOUSAND.test(tokens[i + 3] ?? '')) {
      // "od 10 do 20 tys.", "10 bis 20 Tsd.": the unit of the second amount is the first's too.
      value *= 1000;
    }
    const after = tokens[end + 1] ?? '';
    if (MILEAGE_UNIT.test(after) || MILEAGE_UNIT.test(next)) unit = 'mileage';
    else if (EURO_UNIT.test(after) || EURO_UNIT.test(next) || EURO_UNIT.test(tokens[i - 1] ?? '')) unit = 'price';
    if (unit !== 'none' && (MILEAGE_UNIT.test(after) || EURO_UNIT.test(after))) end += 1;
    found.push({ value, start: i, end, unit });
  }
  return { words: tokens, found };
}

const startsWithAt = (words: string[], at: number, phrase: string[]) =>
  phrase.length > 0 && phrase.every((p, i) => words[at + i] === p);

/** Whether a bound word stands right before (German, English, Polish) or right after (Turkish) the amount. */
function boundOf(words: string[], amount: Amount): 'min' | 'max' | null {
  for (const [kind, list] of [
    ['max', MAX_WORDS],
    ['min', MIN_WORDS],
  ] as const) {
    for (const phrase of list) {
      for (const at of [amount.start - phrase.length, amount.start - phrase.length - 1])
        if (
          at >= 0 &&
          startsWithAt(words, at, phrase) &&
          (at + phrase.length === amount.start || words[at + phrase.length] === '€')
        )
          return kind;
      // Turkish puts the bound after the amount ("20 bin altında").
      if (
        POSTFIX.has(phrase.join(' ')) &&
        [amount.end + 1, amount.end + 2].some((at) => startsWithAt(words, at, phrase))
      )
        return kind;
    }
  }
  return null;
}

export function parseVehicleQuery(question: string): VehicleQuery {
  const words = foldedWords(question);
  const query: VehicleQuery = { about: false, car: false };
  for (let i = 0; i < words.length; i += 1) {
    const w = words[i] as string;
    const pair = `${w}${words[i + 1] ?? ''}`;
    const make = MAKE_OF.get(w) ?? (pair === 'alfaromeo' || pair === 'landrover' ? MAKE_OF.get(pair) : undefined);
    if (make && !query.make) {
      query.make = make;
      const next = words[i + 1];
      // The word after the make is its model unless it says something else ("BMW unter 20.000", "VW Diesel").
      if (next && !/^\d{4,}$/.test(next) && !isKeyword(next)) query.model = next;
    }
    const known = MODELS[w] ?? MODELS[pair];
    if (known && !query.model) {
      query.model = MODELS[w] ? w : pair;
      query.make ??= MAKE_OF.get(known);
    }
    const fuel = fuelOf(w);
    if (fuel && !query.fuel) query.fuel = fuel;
    const body = bodyOf(w);
    if (body && !query.body) query.body = body;
    if (/^(automatik|automatic|otomatik|automat|dsg)/.test(w)) query.transmission = 'automatic';
    if (/^(schaltgetriebe|manuell|manual|manuel|manualn)/.test(w)) query.transmission = 'manual';
    if (CAR_WORDS.test(w)) query.car = true;
  }
  const { words: tokens, found } = amounts(question);
  const open: Record<string, number[]> = {};
  for (const amount of found) {
    const bound = boundOf(tokens, amount);
    const isYear =
      amount.unit === 'none' && amount.value >= 1980 && amount.value <= 2035 && Number.isInteger(amount.value);
    const kind =
      amount.unit === 'mileage'
        ? 'mileage'
        : amount.unit === 'price'
          ? 'price'
          : isYear
            ? 'year'
            : amount.value >= 1000
              ? 'price'
              : null;
    if (!kind) continue;
    const range: Range = query[kind] ?? {};
    query[kind] = range;
    if (bound === 'max') range.max = amount.value;
    else if (bound === 'min') range.min = amount.value;
    else open[kind] = [...(open[kind] ?? []), amount.value];
  }
  // A lone amount without "under"/"over" is a limit (a year: the oldest); two are a range ("zwischen … und …").
  for (const [kind, values] of Object.entries(open) as ['price' | 'mileage' | 'year', number[]][]) {
    const range = query[kind] as Range;
    if (values.length >= 2) {
      range.min ??= Math.min(...values);
      range.max ??= Math.max(...values);
    } else if (kind === 'year') range.min ??= values[0];
    else range.max ??= values[0];
  }
  if (/\b(wenig|low|dusuk|maly|malym)\b/.test(fold(question)) && /(kilomet|mileage|km|przebieg)/.test(fold(question)))
    query.mileage ??= { max: 50_000 };
  query.about = Boolean(
    query.car || query.make || query.model || query.fuel || query.body || query.price || query.mileage || query.year,
  );
  return query;
}

function fuelOf(word: string): Fuel[] | undefined {
  for (const [stem, fuels] of FUEL_WORDS) {
    if (FUEL_EXACT.has(stem) ? word === stem : word.startsWith(stem)) return fuels;
  }
  return undefined;
}

const bodyOf = (word: string) =>
  BODY_WORDS.find(([stem]) => (stem.length <= 3 ? word === stem : word.startsWith(stem)))?.[1];

const isKeyword = (word: string) =>
  Boolean(fuelOf(word)) ||
  Boolean(bodyOf(word)) ||
  CAR_WORDS.test(word) ||
  MAX_WORDS.some((p) => p[0] === word) ||
  MIN_WORDS.some((p) => p[0] === word) ||
  /^(automatik|automatic|otomatik|automat|mit|with|ile|z|w|fur|for|icin|dla|und|and|ve|i|oder|or|gibt|habt|have|var|macie|ist|is|jest|im|in|bei)$/.test(
    word,
  ) ||
  /^\d+$/.test(word);

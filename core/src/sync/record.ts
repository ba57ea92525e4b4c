import { createHash } from 'node:crypto';
import { cleanText } from '../text/input.ts';
import { checkVin } from './vin.ts';

/**
 * One vehicle as a feed delivers it, normalised: every field present (null when not given), numbers as
 * numbers, dates as `YYYY-MM`, enumerations in CarBot's values. The same vehicle written in German or
 * English, as text or as numbers, normalises to the same record and so to the same hash.
 */
export type VehicleRecord = {
  external_id: string;
  make: string;
  model: string;
  variant: string | null;
  price: number;
  vat_deductible: boolean | null;
  mileage_km: number | null;
  first_registration: string | null;
  year: number | null;
  fuel: Fuel | null;
  transmission: Transmission | null;
  power_kw: number | null;
  power_ps: number | null;
  body_type: BodyType | null;
  drive_type: DriveType | null;
  doors: number | null;
  seats: number | null;
  color: string | null;
  hu_until: string | null;
  previous_owners: number | null;
  accident_free: boolean | null;
  vin: string | null;
  consumption_fuel: number | null;
  consumption_power: number | null;
  co2_emissions: number | null;
  co2_class: Co2Class | null;
  equipment: string[];
  description: string | null;
  images: string[];
};

export type VehicleField = keyof VehicleRecord;

export const FUELS = [
  'petrol',
  'diesel',
  'electric',
  'hybrid',
  'plugin_hybrid',
  'lpg',
  'cng',
  'hydrogen',
  'other',
] as const;
export type Fuel = (typeof FUELS)[number];
export const TRANSMISSIONS = ['manual', 'automatic', 'semi_automatic'] as const;
export type Transmission = (typeof TRANSMISSIONS)[number];
export const BODY_TYPES = [
  'small_car',
  'sedan',
  'estate',
  'suv',
  'convertible',
  'coupe',
  'van',
  'pickup',
  'other',
] as const;
export type BodyType = (typeof BODY_TYPES)[number];
export const DRIVE_TYPES = ['front', 'rear', 'all'] as const;
export type DriveType = (typeof DRIVE_TYPES)[number];
export const CO2_CLASSES = ['A', 'B', 'C', 'D', 'E', 'F', 'G'] as const;
export type Co2Class = (typeof CO2_CLASSES)[number];

/** Field order of the record: the hash and the stored columns follow it. */
export const VEHICLE_FIELDS: readonly VehicleField[] = [
  'external_id',
  'make',
  'model',
  'variant',
  'price',
  'vat_deductible',
  'mileage_km',
  'first_registration',
  'year',
  'fuel',
  'transmission',
  'power_kw',
  'power_ps',
  'body_type',
  'drive_type',
  'doors',
  'seats',
  'color',
  'hu_until',
  'previous_owners',
  'accident_free',
  'vin',
  'consumption_fuel',
  'consumption_power',
  'co2_emissions',
  'co2_class',
  'equipment',
  'description',
  'images',
];

/** German field names for messages and history, as the admin shows them. */
export const FIELD_LABELS: Record<VehicleField, string> = {
  external_id: 'Externe ID',
  make: 'Marke',
  model: 'Modell',
  variant: 'Ausstattungslinie',
  price: 'Preis',
  vat_deductible: 'MwSt. ausweisbar',
  mileage_km: 'Kilometerstand',
  first_registration: 'Erstzulassung',
  year: 'Baujahr',
  fuel: 'Kraftstoff',
  transmission: 'Getriebe',
  power_kw: 'Leistung (kW)',
  power_ps: 'Leistung (PS)',
  body_type: 'Karosserie',
  drive_type: 'Antrieb',
  doors: 'Türen',
  seats: 'Sitze',
  color: 'Farbe',
  hu_until: 'HU bis',
  previous_owners: 'Vorbesitzer',
  accident_free: 'Unfallfrei',
  vin: 'FIN',
  consumption_fuel: 'Verbrauch kombiniert',
  consumption_power: 'Stromverbrauch kombiniert',
  co2_emissions: 'CO₂-Emissionen',
  co2_class: 'CO₂-Klasse',
  equipment: 'Ausstattung',
  description: 'Beschreibung',
  images: 'Bilder',
};

export type FieldError = { field: string; message: string };
export type Normalised = { ok: true; record: VehicleRecord } | { ok: false; errors: FieldError[] };

const KW_PER_PS = 0.73549875;

const SYNONYMS: Record<string, Record<string, readonly string[]>> = {
  fuel: {
    petrol: ['benzin', 'super', 'superplus', 'super plus', 'petrol', 'gasoline', 'otto'],
    diesel: ['diesel'],
    electric: ['elektro', 'electric', 'ev', 'bev', 'strom', 'electricity'],
    hybrid: ['hybrid', 'hybrid (benzin/elektro)', 'hybrid (diesel/elektro)', 'vollhybrid', 'mildhybrid', 'mild-hybrid'],
    plugin_hybrid: ['plug-in-hybrid', 'plug-in hybrid', 'plugin hybrid', 'plugin_hybrid', 'phev', 'plug_in_hybrid'],
    lpg: ['autogas', 'lpg', 'autogas (lpg)'],
    cng: ['erdgas', 'cng', 'erdgas (cng)'],
    hydrogen: ['wasserstoff', 'hydrogen'],
    other: ['andere', 'sonstige', 'other', 'ethanol'],
  },
  transmission: {
    manual: ['schaltgetriebe', 'manuell', 'manual', 'manual_gear', 'schaltung'],
    automatic: ['automatik', 'automatic', 'automatic_gear', 'automatikgetriebe'],
    semi_automatic: ['halbautomatik', 'semi-automatic', 'semiautomatic', 'semiautomatic_gear', 'semi_automatic'],
  },
  body_type: {
    small_car: ['kleinwagen', 'small car', 'smallcar', 'small_car', 'compact'],
    sedan: ['limousine', 'sedan', 'saloon'],
    estate: ['kombi', 'estate', 'estatecar', 'estate car', 'station wagon'],
    suv: [
      'suv',
      'geländewagen',
      'gelaendewagen',
      'offroadvehicle',
      'offroad',
      'off-road',
      'suv/geländewagen',
      'geländewagen/pickup',
    ],
    convertible: ['cabrio', 'cabriolet', 'roadster', 'convertible', 'cabrio/roadster'],
    coupe: [
      'coupé',
      'coupe',
      'sportwagen',
      'sportwagencoupe',
      'sportscarcoupe',
      'sportwagen/coupé',
      'sportscar',
      'sports car',
    ],
    van: ['van', 'minibus', 'van/minibus', 'transporter', 'bus'],
    pickup: ['pickup', 'pick-up'],
    other: ['andere', 'sonstige', 'other', 'othercar'],
  },
  drive_type: {
    front: ['front', 'frontantrieb', 'fwd', 'front_wheel'],
    rear: ['heck', 'heckantrieb', 'rwd', 'rear', 'rear_wheel'],
    all: ['allrad', 'allradantrieb', '4x4', 'awd', '4wd', 'all', 'all_wheel'],
  },
};

const lookup = (kind: string, value: string): string | undefined => {
  const key = value.trim().toLowerCase();
  for (const [canonical, names] of Object.entries(SYNONYMS[kind] ?? {})) {
    if (canonical === key || names.includes(key)) return canonical;
  }
  return undefined;
};

const isBlank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** Text through CarBot's one text cleaner (NFC, no control characters, one line, trimmed). */
function text(v: unknown, max: number): string | null {
  if (isBlank(v)) return null;
  if (typeof v !== 'string' && typeof v !== 'number') throw new Error('Text erwartet.');
  const s = cleanText(String(v), 'one');
  if (s.length > max) throw new Error(`Höchstens ${max} Zeichen.`);
  return s === '' ? null : s;
}

/** Multi-line text keeps its lines, each trimmed, with at most one empty line between paragraphs. */
function longText(v: unknown, max: number): string | null {
  if (isBlank(v)) return null;
  if (typeof v !== 'string') throw new Error('Text erwartet.');
  const s = cleanText(v, 'many')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (s.length > max) throw new Error(`Höchstens ${max} Zeichen.`);
  return s === '' ? null : s;
}

/**
 * Numbers as dealers write them: `12.990,00 €`, `12990`, `12,990.00`, `45.000 km`, `1.234`. A lone
 * separator followed by exactly three digits is a thousands separator (German `45.000` km); a comma
 * otherwise is the decimal separator.
 */
export function parseNumber(v: unknown): number | null {
  if (isBlank(v)) return null;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error('Keine gültige Zahl.');
    return v;
  }
  if (typeof v !== 'string') throw new Error('Zahl erwartet.');
  let s = v
    .trim()
    .replace(/\s|€|eur|euro|km|kw|ps|g\/km|l\/100\s?km|kwh\/100\s?km/gi, '')
    .replace(/,-+$/, '')
    .replace(/\.-+$/, '');
  if (!/^-?[\d.,]+$/.test(s)) throw new Error(`„${v.trim().slice(0, 40)}“ ist keine Zahl.`);
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    s = s.split(thousands).join('').replace(decimal, '.');
  } else if (lastComma >= 0 || lastDot >= 0) {
    const parts = s.split(lastComma >= 0 ? ',' : '.');
    const grouped = parts.length > 2 || (parts[1]?.length === 3 && (parts[0] ?? '').replace('-', '') !== '');
    s = grouped ? parts.join('') : parts.join('.');
  }
  const n = Number(s);
  if (!Number.isFinite(n)) throw new Error(`„${v.trim().slice(0, 40)}“ ist keine Zahl.`);
  return n;
}

function integer(v: unknown, min: number, max: number): number | null {
  const n = parseNumber(v);
  if (n === null) return null;
  const r = Math.round(n);
  if (r < min || r > max) throw new Error(`Muss zwischen ${min} und ${max} liegen.`);
  return r;
}

function decimal(v: unknown, min: number, max: number, digits: number): number | null {
  const n = parseNumber(v);
  if (n === null) return null;
  if (n < min || n > max) throw new Error(`Muss zwischen ${min} und ${max} liegen.`);
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function parseBoolean(v: unknown): boolean | null {
  if (isBlank(v)) return null;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v !== 'string') throw new Error('Ja oder Nein erwartet.');
  const s = v.trim().toLowerCase();
  if (['1', 'ja', 'j', 'yes', 'y', 'true', 'wahr', 'x'].includes(s)) return true;
  if (['0', 'nein', 'n', 'no', 'false', 'falsch'].includes(s)) return false;
  throw new Error(`„${v.trim().slice(0, 20)}“ ist weder Ja noch Nein.`);
}

/**
 * Month dates as `YYYY-MM` from `03/2021`, `03.2021`, `3.2021`, `2021-03`, `2021-03-15`, `15.03.2021`.
 * A bare year is not a month and is refused, so it cannot silently become January.
 */
export function parseMonth(v: unknown): string | null {
  if (isBlank(v)) return null;
  if (typeof v !== 'string') throw new Error('Datum im Format MM/JJJJ erwartet.');
  const s = v.trim();
  const iso = s.match(/^(\d{4})-(\d{1,2})(?:-\d{1,2}(?:[T ].*)?)?$/);
  const german = s.match(/^(?:\d{1,2}\.)?(\d{1,2})[./](\d{4})$/);
  let year: number;
  let month: number;
  if (iso) {
    year = Number(iso[1]);
    month = Number(iso[2]);
  } else if (german) {
    year = Number(german[2]);
    month = Number(german[1]);
  } else {
    throw new Error(`„${s.slice(0, 20)}“ ist kein Monat (MM/JJJJ).`);
  }
  if (month < 1 || month > 12 || year < 1900 || year > 2100)
    throw new Error(`„${s.slice(0, 20)}“ ist kein gültiger Monat.`);
  return `${year}-${String(month).padStart(2, '0')}`;
}

function choice<T extends string>(kind: string, v: unknown, label: string): T | null {
  if (isBlank(v)) return null;
  if (typeof v !== 'string') throw new Error(`${label}: Text erwartet.`);
  const found = lookup(kind, v);
  if (!found) throw new Error(`„${v.trim().slice(0, 30)}“ ist als ${label} nicht bekannt.`);
  return found as T;
}

/** Lists arrive as arrays or as text separated by `|`, `;`, `,` or line breaks (in that preference). */
function list(v: unknown, maxItems: number, maxLength: number): string[] {
  if (isBlank(v)) return [];
  let items: unknown[];
  if (Array.isArray(v)) items = v;
  else if (typeof v === 'string') {
    const sep = ['|', '\n', ';', ','].find((s) => v.includes(s));
    items = sep ? v.split(sep) : [v];
  } else throw new Error('Liste erwartet.');
  const out: string[] = [];
  for (const item of items) {
    const s = text(item, maxLength);
    if (s !== null && !out.includes(s)) out.push(s);
  }
  if (out.length > maxItems) throw new Error(`Höchstens ${maxItems} Einträge.`);
  return out;
}

function imageList(v: unknown): string[] {
  const urls = list(v, 50, 2000);
  for (const u of urls) {
    let url: URL;
    try {
      url = new URL(u);
    } catch {
      throw new Error(`„${u.slice(0, 60)}“ ist keine Adresse.`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw new Error(`„${u.slice(0, 60)}“: nur http- und https-Adressen.`);
  }
  return urls;
}

function externalId(v: unknown): string {
  const s = text(v, 100);
  if (s === null) throw new Error('Pflichtfeld fehlt.');
  return s;
}

function required(s: string | null): string {
  if (s === null) throw new Error('Pflichtfeld fehlt.');
  return s;
}

/**
 * Normalises one raw vehicle (field names already CarBot's). Every field is checked, so one pass reports
 * all problems of a row. Unknown fields are ignored.
 */
export function normaliseVehicle(raw: Record<string, unknown>): Normalised {
  const errors: FieldError[] = [];
  const field = <T>(name: string, parse: () => T, fallback: T): T => {
    try {
      return parse();
    } catch (e) {
      errors.push({ field: name, message: (e as Error).message });
      return fallback;
    }
  };
  const fuel = field('fuel', () => choice<Fuel>('fuel', raw.fuel, 'Kraftstoff'), null);
  let powerKw = field('power_kw', () => integer(raw.power_kw, 1, 2000), null);
  let powerPs = field('power_ps', () => integer(raw.power_ps, 1, 2700), null);
  if (powerKw === null && powerPs !== null) powerKw = Math.round(powerPs * KW_PER_PS);
  if (powerKw !== null) powerPs = Math.round(powerKw / KW_PER_PS);
  const firstRegistration = field('first_registration', () => parseMonth(raw.first_registration), null);
  let year = field('year', () => integer(raw.year, 1900, 2100), null);
  if (firstRegistration !== null) year = Number(firstRegistration.slice(0, 4));
  const vin = field(
    'vin',
    () => {
      const s = text(raw.vin, 40);
      if (s === null) return null;
      const checked = checkVin(s);
      if (!checked.ok) throw new Error(checked.message);
      return checked.vin;
    },
    null,
  );
  const co2Class = field(
    'co2_class',
    () => {
      const s = text(raw.co2_class, 2);
      if (s === null) return null;
      const c = s.toUpperCase();
      if (!(CO2_CLASSES as readonly string[]).includes(c)) throw new Error(`„${s}“ ist keine CO₂-Klasse (A bis G).`);
      return c as Co2Class;
    },
    null,
  );
  const record: VehicleRecord = {
    external_id: field('external_id', () => externalId(raw.external_id), ''),
    make: field('make', () => required(text(raw.make, 60)), ''),
    model: field('model', () => required(text(raw.model, 80)), ''),
    variant: field('variant', () => text(raw.variant, 120), null),
    price: field(
      'price',
      () => {
        const p = decimal(raw.price, 0, 10_000_000, 2);
        if (p === null) throw new Error('Pflichtfeld fehlt.');
        return p;
      },
      0,
    ),
    vat_deductible: field('vat_deductible', () => parseBoolean(raw.vat_deductible), null),
    mileage_km: field('mileage_km', () => integer(raw.mileage_km, 0, 3_000_000), null),
    first_registration: firstRegistration,
    year,
    fuel,
    transmission: field('transmission', () => choice<Transmission>('transmission', raw.transmission, 'Getriebe'), null),
    power_kw: powerKw,
    power_ps: powerPs,
    body_type: field('body_type', () => choice<BodyType>('body_type', raw.body_type, 'Karosserie'), null),
    drive_type: field('drive_type', () => choice<DriveType>('drive_type', raw.drive_type, 'Antrieb'), null),
    doors: field('doors', () => integer(raw.doors, 1, 9), null),
    seats: field('seats', () => integer(raw.seats, 1, 99), null),
    color: field('color', () => text(raw.color, 60), null),
    hu_until: field('hu_until', () => parseMonth(raw.hu_until), null),
    previous_owners: field('previous_owners', () => integer(raw.previous_owners, 0, 99), null),
    accident_free: field('accident_free', () => parseBoolean(raw.accident_free), null),
    vin,
    consumption_fuel: field('consumption_fuel', () => decimal(raw.consumption_fuel, 0, 100, 1), null),
    consumption_power: field('consumption_power', () => decimal(raw.consumption_power, 0, 200, 1), null),
    co2_emissions: field('co2_emissions', () => integer(raw.co2_emissions, 0, 1000), null),
    co2_class: co2Class,
    equipment: field('equipment', () => list(raw.equipment, 300, 120), []),
    description: field('description', () => longText(raw.description, 20_000), null),
    images: field('images', () => imageList(raw.images), []),
  };
  return errors.length > 0 ? { ok: false, errors } : { ok: true, record };
}

/** Canonical text of a record: fixed field order, so equal records give equal bytes. */
export const canonicalRecord = (r: VehicleRecord): string => JSON.stringify(VEHICLE_FIELDS.map((f) => r[f]));

/** The per-vehicle hash stored with each synced vehicle; an equal hash means nothing to write. */
export const recordHash = (r: VehicleRecord): string => createHash('sha256').update(canonicalRecord(r)).digest('hex');

const num = (v: unknown): number | null => (v === null || v === undefined || v === '' ? null : Number(v));
const bool = (v: unknown): boolean | null =>
  v === null || v === undefined ? null : v === true || v === 1 || v === '1' || v === 'true';
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const strings = (v: unknown): string[] => {
  const parsed = typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
  return Array.isArray(parsed) ? parsed.map(String) : [];
};

/**
 * A stored vehicle row as a record, whatever the database returned (PostgreSQL: decimals as text, JSON
 * parsed; SQLite: booleans as 0/1, JSON as text), so stored and delivered records compare field by field.
 */
export function recordFromRow(row: Record<string, unknown>): VehicleRecord {
  return {
    external_id: String(row.external_id ?? ''),
    make: String(row.make ?? ''),
    model: String(row.model ?? ''),
    variant: str(row.variant),
    price: num(row.price) ?? 0,
    vat_deductible: bool(row.vat_deductible),
    mileage_km: num(row.mileage_km),
    first_registration: str(row.first_registration),
    year: num(row.year),
    fuel: str(row.fuel) as Fuel | null,
    transmission: str(row.transmission) as Transmission | null,
    power_kw: num(row.power_kw),
    power_ps: num(row.power_ps),
    body_type: str(row.body_type) as BodyType | null,
    drive_type: str(row.drive_type) as DriveType | null,
    doors: num(row.doors),
    seats: num(row.seats),
    color: str(row.color),
    hu_until: str(row.hu_until),
    previous_owners: num(row.previous_owners),
    accident_free: bool(row.accident_free),
    vin: str(row.vin),
    consumption_fuel: num(row.consumption_fuel),
    consumption_power: num(row.consumption_power),
    co2_emissions: num(row.co2_emissions),
    co2_class: str(row.co2_class) as Co2Class | null,
    equipment: strings(row.equipment),
    description: str(row.description),
    images: strings(row.images),
  };
}

/** The record as column values (lists as JSON text, which both databases accept for JSON columns). */
export function recordColumns(r: VehicleRecord): Record<VehicleField, unknown> {
  const out = {} as Record<VehicleField, unknown>;
  for (const f of VEHICLE_FIELDS) {
    const v = r[f];
    out[f] = Array.isArray(v) ? JSON.stringify(v) : v;
  }
  return out;
}

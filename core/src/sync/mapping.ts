import type { Entry } from './diff.ts';
import { parseBoolean, VEHICLE_FIELDS } from './record.ts';

/**
 * A field mapping names, per source column, the CarBot field it fills. Several columns may fill one list
 * field (`images`, `equipment`): their values are joined in column order. A target `equipment:<Name>`
 * adds `<Name>` to the equipment when the column says yes, for exports with one yes/no column per
 * feature (mobile.de). Column names match case-insensitively, ignoring surrounding spaces.
 */
export type Mapping = Record<string, string>;

export const PRESET_NAMES = ['carbot', 'mobile_de', 'autoscout24'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

const identity: Mapping = Object.fromEntries(VEHICLE_FIELDS.map((f) => [f, f]));

/**
 * mobile.de's CSV upload interface (services.mobile.de/manual/upload-interface-csv_de.html): `;`,
 * ISO-8859-15, lower-case field names; power in kW, dates as MM.JJJJ, `mwst` 1 = VAT deductible, one 0/1
 * column per feature. Only the columns CarBot uses are mapped; the rest are ignored.
 */
const mobileDe: Mapping = {
  interne_nummer: 'external_id',
  kategorie: 'body_type',
  marke: 'make',
  modell: 'model',
  modellbezeichnung: 'variant',
  leistung: 'power_kw',
  hu: 'hu_until',
  ez: 'first_registration',
  kilometer: 'mileage_km',
  preis: 'price',
  mwst: 'vat_deductible',
  farbe: 'color',
  fin: 'vin',
  vin: 'vin',
  kraftstoffart: 'fuel',
  getriebeart: 'transmission',
  tueren: 'doors',
  sitze: 'seats',
  anzahl_vorbesitzer: 'previous_owners',
  unfallfrei: 'accident_free',
  bemerkung: 'description',
  verbrauch_kombiniert: 'consumption_fuel',
  stromverbrauch_kombiniert: 'consumption_power',
  emission: 'co2_emissions',
  co2_klasse: 'co2_class',
  bild_url: 'images',
  bilder: 'images',
  klima: 'equipment:Klimaanlage',
  navigationssystem: 'equipment:Navigationssystem',
  sitzheizung: 'equipment:Sitzheizung',
  standheizung: 'equipment:Standheizung',
  tempomat: 'equipment:Tempomat',
  anhaengerkupplung: 'equipment:Anhängerkupplung',
  einparkhilfe: 'equipment:Einparkhilfe',
  leichtmetallfelgen: 'equipment:Leichtmetallfelgen',
  xenonscheinwerfer: 'equipment:Xenonscheinwerfer',
  schiebedach: 'equipment:Schiebedach',
  partikelfilter: 'equipment:Partikelfilter',
  abs: 'equipment:ABS',
  esp: 'equipment:ESP',
  allradantrieb: 'equipment:Allradantrieb',
  scheckheftgepflegt: 'equipment:Scheckheftgepflegt',
};

/**
 * AutoScout24: the column titles of the dealer area's German CSV export and the field names of its
 * listing data (make, model, version, mileage, firstRegistration, …), both mapped so either export fits.
 */
const autoscout24: Mapping = {
  angebotsnummer: 'external_id',
  fahrzeugnummer: 'external_id',
  marke: 'make',
  modell: 'model',
  modellversion: 'variant',
  preis: 'price',
  kilometerstand: 'mileage_km',
  erstzulassung: 'first_registration',
  kraftstoff: 'fuel',
  getriebe: 'transmission',
  'leistung (kw)': 'power_kw',
  'leistung (ps)': 'power_ps',
  karosserieform: 'body_type',
  antriebsart: 'drive_type',
  farbe: 'color',
  türen: 'doors',
  sitzplätze: 'seats',
  vorbesitzer: 'previous_owners',
  'hu/au': 'hu_until',
  hu: 'hu_until',
  fin: 'vin',
  unfallfrei: 'accident_free',
  'mwst. ausweisbar': 'vat_deductible',
  ausstattung: 'equipment',
  beschreibung: 'description',
  bilder: 'images',
  'verbrauch kombiniert': 'consumption_fuel',
  'stromverbrauch kombiniert': 'consumption_power',
  'co2-emissionen': 'co2_emissions',
  'co2-klasse': 'co2_class',
  offerid: 'external_id',
  make: 'make',
  model: 'model',
  version: 'variant',
  price: 'price',
  mileage: 'mileage_km',
  firstregistration: 'first_registration',
  fueltype: 'fuel',
  transmission: 'transmission',
  powerkw: 'power_kw',
  bodytype: 'body_type',
  bodycolor: 'color',
  numberofdoors: 'doors',
  numberofseats: 'seats',
  previousowners: 'previous_owners',
  vin: 'vin',
  equipment: 'equipment',
  description: 'description',
  images: 'images',
};

export const PRESETS: Record<PresetName, { label: string; mapping: Mapping }> = {
  carbot: { label: 'CarBot-Feldnamen', mapping: identity },
  mobile_de: { label: 'mobile.de CSV-Schnittstelle', mapping: mobileDe },
  autoscout24: { label: 'AutoScout24-Export', mapping: autoscout24 },
};

const key = (column: string): string => column.trim().toLowerCase().replace(/\s+/g, ' ');

/** The preset whose identity column the header carries, or null. */
export function detectPreset(header: readonly string[]): PresetName | null {
  const cols = new Set(header.map(key));
  if (cols.has('interne_nummer')) return 'mobile_de';
  if (cols.has('angebotsnummer') || cols.has('fahrzeugnummer') || cols.has('offerid')) return 'autoscout24';
  if (cols.has('external_id')) return 'carbot';
  return null;
}

const LIST_FIELDS = new Set<string>(['images', 'equipment']);

export type MappingProblem = { column: string; message: string };

/** Checks a mapping typed in the admin: every target must be a CarBot field; external_id is required. */
export function checkMapping(mapping: Mapping): MappingProblem[] {
  const problems: MappingProblem[] = [];
  for (const [column, target] of Object.entries(mapping)) {
    const field = target.startsWith('equipment:') ? 'equipment' : target;
    if (!(VEHICLE_FIELDS as readonly string[]).includes(field))
      problems.push({ column, message: `„${target}“ ist kein Fahrzeugfeld.` });
  }
  if (!Object.values(mapping).includes('external_id'))
    problems.push({ column: '', message: 'Eine Spalte muss der externen ID (external_id) zugeordnet sein.' });
  return problems;
}

/** Turns CSV rows into entries with CarBot field names. Unmapped columns are ignored. */
export function mapRows(
  header: readonly string[],
  rows: { line: number; cells: string[] }[],
  mapping: Mapping,
): Entry[] {
  const byKey = new Map(Object.entries(mapping).map(([column, target]) => [key(column), target]));
  const targets = header.map((h) => byKey.get(key(h)) ?? null);
  return rows.map(({ line, cells }) => {
    const raw: Record<string, unknown> = {};
    const lists: Record<string, string[]> = {};
    const add = (field: string, value: string) => {
      lists[field] = [...(lists[field] ?? []), value];
    };
    targets.forEach((target, i) => {
      if (target === null) return;
      const cell = cells[i] ?? '';
      if (target.startsWith('equipment:')) {
        let yes = false;
        try {
          yes = parseBoolean(cell) === true;
        } catch {
          yes = false;
        }
        if (yes) add('equipment', target.slice('equipment:'.length));
      } else if (LIST_FIELDS.has(target)) {
        if (cell.trim() !== '') add(target, cell);
      } else if (raw[target] === undefined || raw[target] === '') {
        raw[target] = cell;
      }
    });
    for (const [field, values] of Object.entries(lists)) raw[field] = values.join('|');
    return { row: line, raw };
  });
}

import { FIELD_LABELS, type VehicleField, type VehicleRecord } from './record.ts';

/**
 * Pkw-EnVKV: advertising a new passenger car needs its combined consumption, CO₂ emissions and CO₂
 * class. A car counts as new when it was first registered less than eight months ago or has run fewer
 * than 1,000 km (§ 2 Nr. 1). A car without any first registration has never been registered: new. When
 * only the year is known, the latest month of that year is assumed, so a car is never taken for used
 * because of a missing month.
 * Electric cars state electricity consumption, plug-in hybrids both fuel and electricity.
 */
export const ENVKV_MONTHS = 8;
export const ENVKV_KM = 1000;

type Subject = Pick<
  VehicleRecord,
  | 'first_registration'
  | 'mileage_km'
  | 'fuel'
  | 'consumption_fuel'
  | 'consumption_power'
  | 'co2_emissions'
  | 'co2_class'
>;

/** Whole months between `YYYY-MM` and the month of `today` (UTC). */
const monthsSince = (month: string, today: Date): number => {
  const [y, m] = month.split('-').map(Number);
  return (today.getUTCFullYear() - (y ?? 0)) * 12 + (today.getUTCMonth() + 1 - (m ?? 0));
};

export function isNewUnderEnvkv(
  v: Pick<Subject, 'first_registration' | 'mileage_km'> & { year?: number | null },
  today: Date,
): boolean {
  if (v.mileage_km !== null && v.mileage_km < ENVKV_KM) return true;
  const registered = v.first_registration ?? (v.year ? `${v.year}-12` : null);
  if (registered === null) return true;
  return monthsSince(registered, today) < ENVKV_MONTHS;
}

/** The figures a new car still lacks, empty when it may be published. */
export function missingEnvkvFields(v: Subject, today: Date): VehicleField[] {
  if (!isNewUnderEnvkv(v, today)) return [];
  const needed: VehicleField[] = [];
  if (v.fuel !== 'electric' && v.consumption_fuel === null) needed.push('consumption_fuel');
  if ((v.fuel === 'electric' || v.fuel === 'plugin_hybrid') && v.consumption_power === null)
    needed.push('consumption_power');
  if (v.co2_emissions === null) needed.push('co2_emissions');
  if (v.co2_class === null) needed.push('co2_class');
  return needed;
}

export const envkvMessage = (missing: VehicleField[]): string =>
  `Neufahrzeug nach Pkw-EnVKV: ${missing.map((f) => FIELD_LABELS[f]).join(', ')} fehlt – wird nicht veröffentlicht.`;

const ON_SALE = new Set(['available', 'reserved']);
const numberOrNull = (v: unknown): number | null => {
  if (v === null || v === undefined || v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
};
const textOrNull = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/**
 * Why a vehicle edited by hand may not be shown for sale, or null when it may. The same rule as for feed
 * rows, with one difference: a hand entry that says nothing about its age at all (no first registration,
 * year or mileage) is not judged — that is an incomplete entry, not a new car.
 */
export function publishRefusal(row: Record<string, unknown>, today: Date): string | null {
  if (!ON_SALE.has(String(row.status ?? 'available'))) return null;
  const subject = {
    first_registration: textOrNull(row.first_registration),
    year: numberOrNull(row.year),
    mileage_km: numberOrNull(row.mileage_km),
    fuel: textOrNull(row.fuel) as Subject['fuel'],
    consumption_fuel: numberOrNull(row.consumption_fuel),
    consumption_power: numberOrNull(row.consumption_power),
    co2_emissions: numberOrNull(row.co2_emissions),
    co2_class: textOrNull(row.co2_class) as Subject['co2_class'],
  };
  if (subject.first_registration === null && subject.year === null && subject.mileage_km === null) return null;
  const missing = missingEnvkvFields(subject, today);
  if (missing.length === 0) return null;
  return (
    `Dieses Fahrzeug gilt nach Pkw-EnVKV als neu (Erstzulassung vor weniger als ${ENVKV_MONTHS} Monaten ` +
    `oder weniger als 1.000 km). Zum Veröffentlichen fehlen: ${missing.map((f) => FIELD_LABELS[f]).join(', ')}. ` +
    'Bitte ergänzen Sie die Angaben oder speichern Sie das Fahrzeug als Entwurf.'
  );
}

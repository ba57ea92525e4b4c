import { decodeFeed, type Encoding, parseCsv } from './csv.ts';
import type { Entry, RejectedRow } from './diff.ts';
import { detectPreset, type Mapping, mapRows, PRESETS } from './mapping.ts';

/**
 * Reads one delivery (pushed body, pulled file or upload) into entries with CarBot field names. JSON is
 * `{ "mode": "snapshot" | "delta", "vehicles": [ … ] }` or a bare array (a snapshot); a delta entry
 * `{ "external_id": "…", "deleted": true }` removes that vehicle. CSV always is a snapshot.
 */
export type Delivery = {
  mode: 'snapshot' | 'delta';
  entries: Entry[];
  /** Rows that could not even be read; they count as received and rejected. */
  unreadable: RejectedRow[];
  format: 'json' | 'csv';
  encoding: Encoding | null;
  delimiter: string | null;
};

export class DeliveryError extends Error {}

export const MAX_VEHICLES = 20_000;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export function looksLikeJson(bytes: Uint8Array): boolean {
  for (const b of bytes.subarray(0, 64)) {
    if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0xef || b === 0xbb || b === 0xbf) continue;
    return b === 0x7b || b === 0x5b;
  }
  return false;
}

function rename(raw: Record<string, unknown>, mapping: Mapping | null): Record<string, unknown> {
  if (!mapping || Object.keys(mapping).length === 0) return raw;
  const out: Record<string, unknown> = {};
  const lower = new Map(Object.entries(mapping).map(([k, v]) => [k.toLowerCase(), v]));
  for (const [k, v] of Object.entries(raw)) out[lower.get(k.toLowerCase()) ?? k] = v;
  return out;
}

export function readJson(value: unknown, mapping: Mapping | null = null): Delivery {
  let mode: Delivery['mode'] = 'snapshot';
  let list: unknown;
  if (Array.isArray(value)) list = value;
  else if (isObject(value)) {
    if (value.mode !== undefined && value.mode !== 'snapshot' && value.mode !== 'delta')
      throw new DeliveryError('„mode“ muss „snapshot“ oder „delta“ sein.');
    mode = (value.mode as Delivery['mode'] | undefined) ?? 'snapshot';
    list = value.vehicles;
  }
  if (!Array.isArray(list)) throw new DeliveryError('„vehicles“ muss eine Liste von Fahrzeugen sein.');
  if (list.length > MAX_VEHICLES) throw new DeliveryError(`Höchstens ${MAX_VEHICLES} Fahrzeuge je Lieferung.`);
  const entries: Entry[] = [];
  const unreadable: RejectedRow[] = [];
  list.forEach((item, i) => {
    const row = i + 1;
    if (!isObject(item)) {
      unreadable.push({ row, external_id: null, field: '', message: 'Eintrag ist kein Objekt.' });
      return;
    }
    const raw = rename(item, mapping);
    if (raw.deleted === true) {
      const id =
        typeof raw.external_id === 'string' || typeof raw.external_id === 'number'
          ? String(raw.external_id).trim()
          : '';
      if (mode !== 'delta')
        unreadable.push({
          row,
          external_id: id || null,
          field: 'deleted',
          message: 'Löschen geht nur im Modus „delta“.',
        });
      else if (!id)
        unreadable.push({ row, external_id: null, field: 'external_id', message: 'Externe ID: Pflichtfeld fehlt.' });
      else entries.push({ row, deleted: id });
      return;
    }
    entries.push({ row, raw });
  });
  return { mode, entries, unreadable, format: 'json', encoding: null, delimiter: null };
}

/** Reads bytes of either format; CSV is decoded (encoding detected) and mapped (preset detected). */
export function readDelivery(bytes: Uint8Array, mapping: Mapping | null = null): Delivery {
  if (looksLikeJson(bytes)) {
    let value: unknown;
    try {
      value = JSON.parse(new TextDecoder('utf-8').decode(bytes));
    } catch {
      throw new DeliveryError('Die Datei ist kein gültiges JSON.');
    }
    return readJson(value, mapping);
  }
  const { text, encoding } = decodeFeed(bytes);
  const table = parseCsv(text);
  if (table.header.length === 0)
    return { mode: 'snapshot', entries: [], unreadable: [], format: 'csv', encoding, delimiter: table.delimiter };
  if (table.rows.length > MAX_VEHICLES) throw new DeliveryError(`Höchstens ${MAX_VEHICLES} Fahrzeuge je Lieferung.`);
  const preset = detectPreset(table.header);
  const effective = mapping && Object.keys(mapping).length > 0 ? mapping : preset ? PRESETS[preset].mapping : null;
  if (!effective)
    throw new DeliveryError(
      'Die Spalten der Datei sind unbekannt. Bitte eine Feldzuordnung hinterlegen (z. B. {"Nr.": "external_id", …}).',
    );
  return {
    mode: 'snapshot',
    entries: mapRows(table.header, table.rows, effective),
    unreadable: table.broken.map((b) => ({ row: b.line, external_id: null, field: '', message: b.message })),
    format: 'csv',
    encoding,
    delimiter: table.delimiter,
  };
}

import { envkvMessage, missingEnvkvFields } from './envkv.ts';
import { checkGuards, type GuardRefusal } from './guard.ts';
import {
  FIELD_LABELS,
  type FieldError,
  normaliseVehicle,
  recordHash,
  VEHICLE_FIELDS,
  type VehicleField,
  type VehicleRecord,
} from './record.ts';

export type VehicleStatus = 'available' | 'reserved' | 'sold' | 'draft';

/** A vehicle of this feed as stored: its id, hash and status, and its synced fields. */
export type StoredVehicle = {
  id: string;
  external_id: string;
  sync_hash: string | null;
  status: VehicleStatus;
  record: VehicleRecord;
};

/** One entry of a delivery: a vehicle (raw, CarBot field names) or, in a delta, a removal. */
export type Entry = { row: number; raw: Record<string, unknown> } | { row: number; deleted: string };

export type RejectedRow = { row: number; external_id: string | null; field: string; message: string };

export type Changes = Partial<Record<VehicleField | 'status', [unknown, unknown]>>;
export type HistoryChange = 'created' | 'updated' | 'price_changed' | 'sold' | 'restored';

export type Create = { row: number; record: VehicleRecord; hash: string; status: VehicleStatus };
export type Update = {
  id: string;
  row: number;
  record: VehicleRecord;
  hash: string;
  status: VehicleStatus;
  change: HistoryChange;
  changes: Changes;
  old_price: number | null;
  new_price: number | null;
};
export type Removal = { id: string; external_id: string; status: VehicleStatus; old_price: number };

export type Counts = {
  received: number;
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
  rejected: number;
};

export type Plan = {
  creates: Create[];
  updates: Update[];
  /** Vehicles whose visible fields are equal but whose stored hash is outdated: hash only, no history. */
  rehash: { id: string; hash: string }[];
  removals: Removal[];
  rejected: RejectedRow[];
  /** Applied, but with a note for the owner (e.g. held back under Pkw-EnVKV). */
  notes: RejectedRow[];
  counts: Counts;
  refusal: GuardRefusal | null;
};

export type PlanInput = {
  mode: 'snapshot' | 'delta';
  entries: Entry[];
  /** Entries that could not even be read (broken CSV line, not an object): received and rejected. */
  unreadable?: RejectedRow[];
  existing: StoredVehicle[];
  /** VINs of the workshop's other vehicles (other feeds, hand-entered), to keep VINs unique per workshop. */
  foreignVins: ReadonlySet<string>;
  maxRemovalShare: number | null;
  confirmed: boolean;
  today: Date;
};

const same = (a: unknown, b: unknown): boolean =>
  a === b || (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b));

/** Field-by-field difference of two records as { field: [old, new] }. */
export function fieldChanges(before: VehicleRecord, after: VehicleRecord): Changes {
  const changes: Changes = {};
  for (const f of VEHICLE_FIELDS) if (!same(before[f], after[f])) changes[f] = [before[f], after[f]];
  return changes;
}

const rejection = (row: number, external_id: string | null, errors: FieldError[]): RejectedRow => ({
  row,
  external_id,
  field: errors.map((e) => e.field).join(', '),
  message: errors
    .map((e) => `${FIELD_LABELS[e.field as VehicleField] ?? e.field}: ${e.message}`)
    .join(' ')
    .slice(0, 1000),
});

const rawExternalId = (raw: Record<string, unknown>): string | null => {
  const v = raw.external_id;
  return typeof v === 'string' || typeof v === 'number' ? String(v).trim() || null : null;
};

/**
 * Plans one run: what to create, update, remove and leave alone, with the history to write. Pure, so the
 * adapter only applies it; the same delivery against the same stock always plans the same.
 */
export function planRun(input: PlanInput): Plan {
  const byExternal = new Map(input.existing.map((v) => [v.external_id, v]));
  const vinOwner = new Map<string, string>();
  for (const v of input.existing) if (v.record.vin) vinOwner.set(v.record.vin, v.external_id);
  const seen = new Map<string, number>();
  const plan: Plan = {
    creates: [],
    updates: [],
    rehash: [],
    removals: [],
    rejected: [...(input.unreadable ?? [])],
    notes: [],
    counts: {
      received: input.entries.length + (input.unreadable?.length ?? 0),
      created: 0,
      updated: 0,
      unchanged: 0,
      removed: 0,
      rejected: 0,
    },
    refusal: null,
  };

  for (const entry of input.entries) {
    if ('deleted' in entry) {
      const id = entry.deleted;
      const stored = byExternal.get(id);
      if (seen.has(id)) {
        plan.rejected.push(
          rejection(entry.row, id, [
            {
              field: 'external_id',
              message: `kommt in dieser Lieferung mehrfach vor (zuerst Eintrag ${seen.get(id)}).`,
            },
          ]),
        );
        continue;
      }
      seen.set(id, entry.row);
      if (stored && stored.status !== 'sold')
        plan.removals.push({ id: stored.id, external_id: id, status: stored.status, old_price: stored.record.price });
      else plan.counts.unchanged++;
      continue;
    }
    const normalised = normaliseVehicle(entry.raw);
    const external = normalised.ok ? normalised.record.external_id : rawExternalId(entry.raw);
    if (external !== null && seen.has(external)) {
      plan.rejected.push(
        rejection(entry.row, external, [
          {
            field: 'external_id',
            message: `kommt in dieser Lieferung mehrfach vor (zuerst Eintrag ${seen.get(external)}).`,
          },
        ]),
      );
      continue;
    }
    // A broken row still names its vehicle: that vehicle stays as it is and is not removed as missing.
    if (external !== null) seen.set(external, entry.row);
    if (!normalised.ok) {
      plan.rejected.push(rejection(entry.row, external, normalised.errors));
      continue;
    }
    const record = normalised.record;
    const stored = byExternal.get(record.external_id);
    if (record.vin) {
      const owner = vinOwner.get(record.vin);
      if (input.foreignVins.has(record.vin) || (owner !== undefined && owner !== record.external_id)) {
        plan.rejected.push(
          rejection(entry.row, record.external_id, [
            { field: 'vin', message: 'gehört bereits zu einem anderen Fahrzeug dieser Werkstatt.' },
          ]),
        );
        continue;
      }
      vinOwner.set(record.vin, record.external_id);
    }
    const missing = missingEnvkvFields(record, input.today);
    if (missing.length > 0)
      plan.notes.push({
        row: entry.row,
        external_id: record.external_id,
        field: missing.join(', '),
        message: envkvMessage(missing),
      });
    const publishable = missing.length === 0;
    const hash = recordHash(record);

    if (!stored) {
      plan.creates.push({ row: entry.row, record, hash, status: publishable ? 'available' : 'draft' });
      continue;
    }
    // Reserved is the dealer's own decision on a car still in stock; the feed does not undo it.
    const status: VehicleStatus = !publishable ? 'draft' : stored.status === 'reserved' ? 'reserved' : 'available';
    if (stored.sync_hash === hash && stored.status === status) {
      plan.counts.unchanged++;
      continue;
    }
    const changes = fieldChanges(stored.record, record);
    if (stored.status !== status) changes.status = [stored.status, status];
    if (Object.keys(changes).length === 0) {
      plan.rehash.push({ id: stored.id, hash });
      plan.counts.unchanged++;
      continue;
    }
    const priceChanged = changes.price !== undefined;
    plan.updates.push({
      id: stored.id,
      row: entry.row,
      record,
      hash,
      status,
      change: stored.status === 'sold' ? 'restored' : priceChanged ? 'price_changed' : 'updated',
      changes,
      old_price: priceChanged ? stored.record.price : null,
      new_price: priceChanged ? record.price : null,
    });
  }

  if (input.mode === 'snapshot') {
    for (const v of input.existing) {
      if (v.status !== 'sold' && !seen.has(v.external_id))
        plan.removals.push({ id: v.id, external_id: v.external_id, status: v.status, old_price: v.record.price });
    }
  }

  plan.counts.created = plan.creates.length;
  plan.counts.updated = plan.updates.length;
  plan.counts.removed = plan.removals.length;
  plan.counts.rejected = plan.rejected.length;
  plan.refusal = checkGuards({
    mode: input.mode,
    received: plan.counts.received,
    active: input.existing.filter((v) => v.status !== 'sold').length,
    removing: plan.removals.length,
    maxRemovalShare: input.maxRemovalShare,
    confirmed: input.confirmed,
  });
  return plan;
}

/**
 * received = created + updated + unchanged + rejected (+ the removals a delta names). A snapshot's
 * removals are vehicles missing from the delivery, so they are not among the received.
 */
export function reconciles(mode: 'snapshot' | 'delta', c: Counts): boolean {
  return c.received === c.created + c.updated + c.unchanged + c.rejected + (mode === 'delta' ? c.removed : 0);
}

import { describe, expect, test } from 'vitest';
import { type Entry, type PlanInput, planRun, reconciles, type StoredVehicle } from './diff.ts';
import { normaliseVehicle, recordHash, type VehicleRecord } from './record.ts';

const today = new Date('2026-11-29T12:00:00Z');
const raw = (id: string, over: Record<string, unknown> = {}) => ({
  external_id: id,
  make: 'VW',
  model: 'Golf',
  price: 10000,
  mileage_km: 50000,
  first_registration: '2019-04',
  ...over,
});
const rec = (id: string, over: Record<string, unknown> = {}): VehicleRecord => {
  const n = normaliseVehicle(raw(id, over));
  if (!n.ok) throw new Error('bad fixture');
  return n.record;
};
let n = 0;
const stored = (
  id: string,
  over: Record<string, unknown> = {},
  status: StoredVehicle['status'] = 'available',
): StoredVehicle => {
  const record = rec(id, over);
  return { id: `v${++n}`, external_id: id, sync_hash: recordHash(record), status, record };
};
const entries = (...raws: Record<string, unknown>[]): Entry[] => raws.map((r, i) => ({ row: i + 1, raw: r }));
const input = (over: Partial<PlanInput>): PlanInput => ({
  mode: 'snapshot',
  entries: [],
  existing: [],
  foreignVins: new Set(),
  maxRemovalShare: null,
  confirmed: false,
  today,
  ...over,
});

describe('planRun', () => {
  test('a first import creates every vehicle', () => {
    const plan = planRun(input({ entries: entries(raw('a'), raw('b')) }));
    expect(plan.creates.map((c) => [c.record.external_id, c.status])).toEqual([
      ['a', 'available'],
      ['b', 'available'],
    ]);
    expect(plan.counts).toEqual({ received: 2, created: 2, updated: 0, unchanged: 0, removed: 0, rejected: 0 });
    expect(plan.refusal).toBeNull();
  });

  test('an unchanged replay plans no write at all', () => {
    const existing = [stored('a'), stored('b')];
    const plan = planRun(input({ entries: entries(raw('a'), raw('b')), existing }));
    expect([plan.creates, plan.updates, plan.removals, plan.rehash]).toEqual([[], [], [], []]);
    expect(plan.counts.unchanged).toBe(2);
  });

  test('a price change is an explicit price change with old and new value', () => {
    const existing = [stored('a')];
    const plan = planRun(input({ entries: entries(raw('a', { price: 9500, mileage_km: 50100 })), existing }));
    expect(plan.updates).toEqual([
      expect.objectContaining({
        id: existing[0]?.id,
        change: 'price_changed',
        old_price: 10000,
        new_price: 9500,
        changes: { price: [10000, 9500], mileage_km: [50000, 50100] },
      }),
    ]);
  });

  test('another change is an update with old → new per field', () => {
    const plan = planRun(input({ entries: entries(raw('a', { color: 'Blau' })), existing: [stored('a')] }));
    expect(plan.updates[0]).toMatchObject({ change: 'updated', changes: { color: [null, 'Blau'] }, old_price: null });
  });

  test('missing from a snapshot is removed softly; a delta leaves it', () => {
    const existing = [stored('a'), stored('b'), stored('c'), stored('d')];
    const snapshot = planRun(input({ entries: entries(raw('a'), raw('b'), raw('c')), existing }));
    expect(snapshot.removals.map((r) => r.external_id)).toEqual(['d']);
    expect(reconciles('snapshot', snapshot.counts)).toBe(true);
    const delta = planRun(input({ mode: 'delta', entries: entries(raw('a')), existing }));
    expect(delta.removals).toEqual([]);
  });

  test('a delta removes what it names, and naming it again changes nothing', () => {
    const existing = [stored('a'), stored('b', {}, 'sold')];
    const plan = planRun(
      input({
        mode: 'delta',
        existing,
        entries: [
          { row: 1, deleted: 'a' },
          { row: 2, deleted: 'b' },
          { row: 3, deleted: 'unknown' },
        ],
      }),
    );
    expect(plan.removals.map((r) => r.external_id)).toEqual(['a']);
    expect(plan.counts).toEqual({ received: 3, created: 0, updated: 0, unchanged: 2, removed: 1, rejected: 0 });
    expect(reconciles('delta', plan.counts)).toBe(true);
  });

  test('a vehicle that comes back is restored, never duplicated', () => {
    const existing = [stored('a', {}, 'sold')];
    const plan = planRun(input({ entries: entries(raw('a')), existing }));
    expect(plan.creates).toEqual([]);
    expect(plan.updates).toEqual([
      expect.objectContaining({ change: 'restored', status: 'available', changes: { status: ['sold', 'available'] } }),
    ]);
  });

  test('a reserved car stays reserved while the feed lists it', () => {
    const plan = planRun(input({ entries: entries(raw('a', { price: 1 })), existing: [stored('a', {}, 'reserved')] }));
    expect(plan.updates[0]?.status).toBe('reserved');
  });

  test('a bad row is rejected alone and its vehicle is not removed as missing', () => {
    const existing = [stored('a'), stored('b'), stored('c')];
    const plan = planRun(
      input({ entries: entries(raw('a'), raw('b', { price: 'teuer' }), raw('c'), raw('d')), existing }),
    );
    expect(plan.rejected).toEqual([
      { row: 2, external_id: 'b', field: 'price', message: 'Preis: „teuer“ ist keine Zahl.' },
    ]);
    expect(plan.removals).toEqual([]);
    expect(plan.counts).toEqual({ received: 4, created: 1, updated: 0, unchanged: 2, removed: 0, rejected: 1 });
    expect(reconciles('snapshot', plan.counts)).toBe(true);
  });

  test('one broken row in 1,000 leaves 999 applied', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => raw(`v${i}`, i === 500 ? { make: '' } : {}));
    const plan = planRun(input({ entries: entries(...rows) }));
    expect(plan.counts).toMatchObject({ received: 1000, created: 999, rejected: 1 });
  });

  test('a duplicate external id is rejected after its first occurrence', () => {
    const plan = planRun(input({ entries: entries(raw('a'), raw('a', { price: 1 })) }));
    expect(plan.creates.map((c) => c.record.price)).toEqual([10000]);
    expect(plan.rejected[0]).toMatchObject({ row: 2, field: 'external_id' });
  });

  test.each([
    ['used by another workshop vehicle', new Set(['WVWZZZ1JZXW000001']), [], [raw('a', { vin: 'WVWZZZ1JZXW000001' })]],
    [
      'used by another vehicle of this feed',
      new Set<string>(),
      [stored('b', { vin: 'WVWZZZ1JZXW000001' })],
      [raw('a', { vin: 'WVWZZZ1JZXW000001' }), raw('b', { vin: 'WVWZZZ1JZXW000001' })],
    ],
    [
      'twice in one delivery',
      new Set<string>(),
      [],
      [raw('x', { vin: 'WVWZZZ1JZXW000001' }), raw('a', { vin: 'WVWZZZ1JZXW000001' })],
    ],
  ])('a VIN %s is refused', (_name, foreignVins, existing, rows) => {
    const plan = planRun(input({ entries: entries(...rows), existing, foreignVins }));
    expect(plan.rejected.map((r) => [r.external_id, r.field])).toEqual([['a', 'vin']]);
  });

  test('a new car without Pkw-EnVKV figures is kept as draft, with a note', () => {
    const plan = planRun(input({ entries: entries(raw('n', { first_registration: '2026-10', mileage_km: 5 })) }));
    expect(plan.creates[0]?.status).toBe('draft');
    expect(plan.notes[0]).toMatchObject({ external_id: 'n', field: 'consumption_fuel, co2_emissions, co2_class' });
    const complete = raw('n', {
      first_registration: '2026-10',
      mileage_km: 5,
      consumption_fuel: '5,1',
      co2_emissions: 117,
      co2_class: 'C',
    });
    const later = planRun(
      input({
        entries: entries(complete),
        existing: [stored('n', { first_registration: '2026-10', mileage_km: 5 }, 'draft')],
      }),
    );
    expect(later.updates[0]).toMatchObject({ status: 'available', changes: { status: ['draft', 'available'] } });
  });

  test('a snapshot removing more than the threshold is refused with the planned figures', () => {
    const existing = Array.from({ length: 10 }, (_, i) => stored(`v${i}`));
    const plan = planRun(input({ entries: entries(raw('v0'), raw('v1')), existing }));
    expect(plan.refusal?.code).toBe('mass_removal');
    expect(plan.counts.removed).toBe(8);
    expect(planRun(input({ entries: entries(raw('v0'), raw('v1')), existing, confirmed: true })).refusal).toBeNull();
  });

  test('an outdated hash with equal fields is refreshed without history', () => {
    const s = { ...stored('a'), sync_hash: 'old' };
    const plan = planRun(input({ entries: entries(raw('a')), existing: [s] }));
    expect(plan.rehash).toEqual([{ id: s.id, hash: recordHash(rec('a')) }]);
    expect(plan.updates).toEqual([]);
    expect(plan.counts.unchanged).toBe(1);
  });
});

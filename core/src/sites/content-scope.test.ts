import { describe, expect, test } from 'vitest';
import { type ContentOwner, type OwnedRow, ownerFilter, showsOn } from './content-scope.ts';

const MUC: ContentOwner = { kind: 'workshop', workshop: 'w-muc', tenant: 't-a' };
const PLATFORM: ContentOwner = { kind: 'platform' };

/** A small evaluator of the filter shapes ownerFilter builds, so the filter is held to the same table. */
function matches(filter: Record<string, unknown>, row: OwnedRow): boolean {
  return Object.entries(filter).every(([key, value]) => {
    if (key === '_and') return (value as Record<string, unknown>[]).every((f) => matches(f, row));
    if (key === '_or') return (value as Record<string, unknown>[]).some((f) => matches(f, row));
    const cell = row[key as keyof OwnedRow];
    const [op, operand] = Object.entries(value as Record<string, unknown>)[0] ?? [];
    if (op === '_eq') return cell === operand;
    if (op === '_null') return cell === null;
    throw new Error(`unknown operator ${op}`);
  });
}

describe('which site shows a post or FAQ', () => {
  test.each([
    ['own workshop', { tenant: 't-a', workshop: 'w-muc' }, MUC, true],
    ['tenant-wide (no workshop): every location of the tenant', { tenant: 't-a', workshop: null }, MUC, true],
    ['another location of the same tenant', { tenant: 't-a', workshop: 'w-ber' }, MUC, false],
    ["another tenant's tenant-wide entry", { tenant: 't-b', workshop: null }, MUC, false],
    ["another tenant's workshop", { tenant: 't-b', workshop: 'w-ham' }, MUC, false],
    ['platform entry on a workshop site', { tenant: null, workshop: null }, MUC, false],
    ['platform entry on the platform', { tenant: null, workshop: null }, PLATFORM, true],
    ["a tenant's entry without workshop is no platform entry", { tenant: 't-a', workshop: null }, PLATFORM, false],
    ['workshop entry on the platform', { tenant: 't-a', workshop: 'w-muc' }, PLATFORM, false],
  ] as [string, OwnedRow, ContentOwner, boolean][])('%s', (_name, row, owner, expected) => {
    expect(showsOn(row, owner)).toBe(expected);
    expect(matches(ownerFilter(owner), row)).toBe(expected);
  });
});

import { describe, expect, test } from 'vitest';
import { diffIndex, type IndexRow, toIndexRow } from './index-diff.ts';
import type { Passage } from './retrieval.ts';

const passage = (sourceId: string, body = 'Preis 100,00 €', kind: Passage['kind'] = 'vehicle'): Passage => ({
  kind,
  sourceId,
  title: `Auto ${sourceId}`,
  body,
  path: `/fahrzeuge/${sourceId}`,
  prices: [10000],
});
let nextId = 1;
const stored = (p: Passage, tenant = 't1'): IndexRow => ({ id: nextId++, ...toIndexRow(tenant, p) });

describe('diffIndex', () => {
  test('an unchanged workshop needs no write at all', () => {
    const passages = [passage('a'), passage('b'), passage('f', 'Antwort', 'faq')];
    expect(
      diffIndex(
        passages.map((p) => stored(p)),
        't1',
        passages,
      ),
    ).toEqual({ insert: [], update: [], remove: [] });
  });

  test('one changed vehicle is one update, keeping its row', () => {
    const rows = [stored(passage('a')), stored(passage('b'))];
    const diff = diffIndex(rows, 't1', [passage('a'), passage('b', 'Preis 90,00 €')]);
    expect(diff.insert).toEqual([]);
    expect(diff.remove).toEqual([]);
    expect(diff.update).toEqual([{ id: rows[1]?.id, row: toIndexRow('t1', passage('b', 'Preis 90,00 €')) }]);
  });

  test('new sources are inserted and vanished ones removed', () => {
    const rows = [stored(passage('a')), stored(passage('gone'))];
    const diff = diffIndex(rows, 't1', [passage('a'), passage('new')]);
    expect(diff.insert.map((r) => r.source_id)).toEqual(['new']);
    expect(diff.remove).toEqual([rows[1]?.id]);
    expect(diff.update).toEqual([]);
  });

  test('the same source id under another kind is a different passage', () => {
    const rows = [stored(passage('x', 'Antwort', 'faq'))];
    const diff = diffIndex(rows, 't1', [passage('x')]);
    expect(diff.insert.map((r) => r.kind)).toEqual(['vehicle']);
    expect(diff.remove).toEqual([rows[0]?.id]);
  });

  test('duplicate stored rows for one source are cleaned up', () => {
    const rows = [stored(passage('a')), stored(passage('a'))];
    expect(diffIndex(rows, 't1', [passage('a')])).toEqual({ insert: [], update: [], remove: [rows[1]?.id] });
  });

  test.each([
    ['tenant', (r: IndexRow) => ({ ...r, tenant: 't2' })],
    ['title', (r: IndexRow) => ({ ...r, title: 'Alt' })],
    ['path', (r: IndexRow) => ({ ...r, path: '/alt' })],
    ['prices', (r: IndexRow) => ({ ...r, prices: '9900' })],
  ])('a change of %s is an update', (_field, change) => {
    const row = change(stored(passage('a')));
    expect(diffIndex([row], 't1', [passage('a')]).update).toHaveLength(1);
  });

  test('an unpublished workshop (no passages) removes every row', () => {
    const rows = [stored(passage('a')), stored(passage('b'))];
    expect(diffIndex(rows, 't1', []).remove).toEqual(rows.map((r) => r.id));
  });
});

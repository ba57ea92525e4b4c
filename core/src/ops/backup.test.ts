import { describe, expect, test } from 'vitest';
import {
  archiveDate,
  archiveName,
  compareRows,
  expiredArchives,
  formatBytes,
  type Manifest,
  parseManifest,
  verifyEntries,
} from './backup.ts';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

const manifest: Manifest = {
  format: 'carbot-backup',
  version: 1,
  createdAt: '2026-11-29T01:30:00.000Z',
  database: { client: 'sqlite3', path: 'database/carbot.db', bytes: 10, sha256: A },
  rows: { leads: 3, directus_files: 1 },
  files: [{ path: 'logo.png', bytes: 4, sha256: B }],
  versions: { carbot: '0.1.0', directus: '11.17.4' },
};

describe('parseManifest', () => {
  test.each([
    [null, 'kein manifest.json'],
    ['{', 'kein gültiges JSON'],
    ['null', 'fremdes Format'],
    [JSON.stringify({ format: 'other-backup', version: 1 }), 'fremdes Format'],
    [JSON.stringify({ ...manifest, version: 2 }), 'Version 2 wird nicht unterstützt'],
    [JSON.stringify({ ...manifest, rows: { leads: -1 } }), 'Manifest der Sicherung ist beschädigt (rows.leads)'],
    [
      JSON.stringify({ ...manifest, files: [{ path: '../etc/passwd', bytes: 1, sha256: B }] }),
      'beschädigt (files.0.path)',
    ],
    [JSON.stringify({ ...manifest, files: [{ path: '/abs', bytes: 1, sha256: B }] }), 'beschädigt (files.0.path)'],
    [
      JSON.stringify({ ...manifest, database: { ...manifest.database, client: 'mysql' } }),
      'beschädigt (database.client)',
    ],
  ])('refuses %s', (text, problem) => {
    const result = parseManifest(text);
    expect('problem' in result && result.problem).toContain(problem);
  });

  test('accepts a complete manifest', () => {
    expect(parseManifest(JSON.stringify(manifest))).toEqual({ manifest });
  });
});

describe('verifyEntries', () => {
  const intact = () =>
    new Map([
      ['manifest.json', { bytes: 100, sha256: B }],
      ['database/carbot.db', { bytes: 10, sha256: A }],
      ['uploads/logo.png', { bytes: 4, sha256: B }],
    ]);
  test.each<[string, (m: ReturnType<typeof intact>) => void, string[]]>([
    ['intact', () => undefined, []],
    ['missing upload', (m) => m.delete('uploads/logo.png'), ['fehlt: uploads/logo.png']],
    [
      'changed database',
      (m) => m.set('database/carbot.db', { bytes: 10, sha256: B }),
      ['Prüfsumme falsch: database/carbot.db'],
    ],
    [
      'truncated upload',
      (m) => m.set('uploads/logo.png', { bytes: 3, sha256: B }),
      ['Prüfsumme falsch: uploads/logo.png'],
    ],
    [
      'smuggled file',
      (m) => m.set('uploads/extra.js', { bytes: 1, sha256: A }),
      ['nicht im Manifest: uploads/extra.js'],
    ],
  ])('%s', (_name, change, problems) => {
    const found = intact();
    change(found);
    expect(verifyEntries(manifest, found)).toEqual(problems);
  });
});

test.each([
  [{ a: 1, b: 2 }, { a: 1, b: 2, c: 5 }, []],
  [{ a: 1, b: 2 }, { a: 1, b: 3 }, ['b: erwartet 2, gefunden 3']],
  [{ a: 1 }, {}, ['a: erwartet 1, gefunden keine Tabelle']],
])('compareRows %j vs %j', (expected, actual, problems) => {
  expect(compareRows(expected, actual)).toEqual(problems);
});

test('archive names sort by time and read back', () => {
  const date = new Date('2026-11-29T03:04:05.678Z');
  expect(archiveName(date)).toBe('carbot-backup-20261129T030405Z.tar.gz');
  expect(archiveDate(archiveName(date))).toEqual(new Date('2026-11-29T03:04:05Z'));
  expect(archiveDate('notes.txt')).toBeNull();
  expect(archiveDate('carbot-backup-20261129T030405Z.tar.gz.partial')).toBeNull();
});

describe('expiredArchives (7 daily, 4 weekly)', () => {
  const daily = (days: number, hour = 3) =>
    Array.from({ length: days }, (_, i) => archiveName(new Date(Date.UTC(2026, 10, 29 - i, hour))));

  test.each<[string, string[], number]>([
    ['nothing to delete with a week of dailies', daily(7), 0],
    ['30 dailies keep 7 days plus the newest of 4 weeks', daily(30), 30 - 7 - 3],
    ['two a day: the older of each day goes once the day is kept', [...daily(7, 3), ...daily(7, 1)], 7],
    ['foreign files are never touched', ['readme.txt', ...daily(3)], 0],
  ])('%s', (_name, names, expected) => {
    const expired = expiredArchives(names);
    expect(expired).toHaveLength(expected);
    expect(expired).not.toContain('readme.txt');
    expect(expired).not.toContain(names.find((n) => n.endsWith('.tar.gz')));
  });

  test('keeps one per ISO week for the four most recent weeks', () => {
    // 2026-11-29 is a Sunday: the seven dailies are one ISO week; the weeks before keep their Sunday.
    const expired = new Set(expiredArchives(daily(30)));
    const kept = daily(30).filter((name) => !expired.has(name));
    expect(kept.sort()).toEqual(
      [
        ...daily(7),
        archiveName(new Date(Date.UTC(2026, 10, 22, 3))),
        archiveName(new Date(Date.UTC(2026, 10, 15, 3))),
        archiveName(new Date(Date.UTC(2026, 10, 8, 3))),
      ].sort(),
    );
  });
});

test.each([
  [0, '0 B'],
  [1536, '1,5 KB'],
  [5 * 1024 * 1024, '5 MB'],
])('formatBytes(%d)', (bytes, text) => {
  expect(formatBytes(bytes)).toBe(text);
});

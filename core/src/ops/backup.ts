/**
 * What a CarBot backup is and how to judge one: the manifest inside every archive, the checks a restore
 * makes before it touches anything, and which archives retention keeps. No file or database access here;
 * scripts/lib/backup.ts does the work.
 */
import { z } from 'zod';

export const BACKUP_FORMAT = 'carbot-backup';
export const BACKUP_VERSION = 1;
export const MANIFEST_NAME = 'manifest.json';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
/** Relative, forward-slash paths without '..' or empty segments: nothing in an archive may point outside it. */
const entryPath = z
  .string()
  .min(1)
  .max(1024)
  .refine((p) => !p.startsWith('/') && p.split('/').every((part) => part !== '' && part !== '.' && part !== '..'), {
    message: 'unsicherer Pfad',
  });

const entry = z.object({ path: entryPath, bytes: z.number().int().nonnegative(), sha256 });

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.iso.datetime(),
  database: entry.extend({ client: z.enum(['sqlite3', 'pg']) }),
  /** Rows per table (every collection, Directus's own tables included) at the moment of the snapshot. */
  rows: z.record(z.string(), z.number().int().nonnegative()),
  /** Uploads, paths relative to the storage root, under `uploads/` in the archive. */
  files: z.array(entry),
  versions: z.object({ carbot: z.string(), directus: z.string() }),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestEntry = z.infer<typeof entry>;

export const uploadEntry = (path: string) => `uploads/${path}`;

/** Reads a manifest, or says in German why the file is not a CarBot backup. */
export function parseManifest(text: string | null): { manifest: Manifest } | { problem: string } {
  if (text === null) return { problem: 'Die Datei ist keine CarBot-Sicherung (kein manifest.json enthalten).' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problem: 'Die Datei ist keine CarBot-Sicherung (manifest.json ist kein gültiges JSON).' };
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (format !== BACKUP_FORMAT) return { problem: 'Die Datei ist keine CarBot-Sicherung (fremdes Format).' };
  const version = (json as { version?: unknown }).version;
  if (version !== BACKUP_VERSION) {
    return {
      problem: `Sicherungsformat Version ${String(version)} wird nicht unterstützt (erwartet ${BACKUP_VERSION}).`,
    };
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { problem: `Das Manifest der Sicherung ist beschädigt (${issue?.path.join('.') || 'Inhalt'}).` };
  }
  return { manifest: parsed.data };
}

/**
 * Compares what an archive holds (path → size and checksum, as read) with what its manifest promises.
 * Every promised entry must be there unchanged and nothing else may be; an empty list means intact.
 */
export function verifyEntries(manifest: Manifest, found: Map<string, { bytes: number; sha256: string }>): string[] {
  const problems: string[] = [];
  const expected = [manifest.database, ...manifest.files.map((f) => ({ ...f, path: uploadEntry(f.path) }))];
  const promised = new Set<string>([MANIFEST_NAME]);
  for (const want of expected) {
    promised.add(want.path);
    const got = found.get(want.path);
    if (!got) problems.push(`fehlt: ${want.path}`);
    else if (got.bytes !== want.bytes || got.sha256 !== want.sha256) problems.push(`Prüfsumme falsch: ${want.path}`);
  }
  for (const path of found.keys()) if (!promised.has(path)) problems.push(`nicht im Manifest: ${path}`);
  return problems;
}

/** Row counts that differ between the manifest and a database (missing tables count as differing). */
export function compareRows(expected: Record<string, number>, actual: Record<string, number>): string[] {
  const problems: string[] = [];
  for (const [table, count] of Object.entries(expected)) {
    if (actual[table] !== count)
      problems.push(`${table}: erwartet ${count}, gefunden ${actual[table] ?? 'keine Tabelle'}`);
  }
  return problems;
}

const STAMP = /^carbot-backup-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.tar\.gz$/;

/** File name of an archive made at `date` (UTC, sortable, one per second). */
export function archiveName(date: Date): string {
  const iso = date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  return `carbot-backup-${iso}.tar.gz`;
}

export function archiveDate(name: string): Date | null {
  const m = STAMP.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  return new Date(Date.UTC(y as number, (mo as number) - 1, d, h, mi, s));
}

/** ISO 8601 week (year and number), so weekly retention keeps one archive per calendar week. */
function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${week}`;
}

export type Retention = { daily: number; weekly: number };
export const DEFAULT_RETENTION: Retention = { daily: 7, weekly: 4 };

/**
 * The archives to delete. Kept: the newest archive of each of the `daily` most recent days that have one,
 * and the newest of each of the `weekly` most recent calendar weeks. Files that are not CarBot archive
 * names are never touched.
 */
export function expiredArchives(names: string[], retention: Retention = DEFAULT_RETENTION): string[] {
  const dated = names
    .map((name) => ({ name, date: archiveDate(name) }))
    .filter((a): a is { name: string; date: Date } => a.date !== null)
    .sort((a, b) => b.date.getTime() - a.date.getTime());
  const keep = new Set<string>();
  const pick = (bucket: (d: Date) => string, count: number) => {
    const seen = new Set<string>();
    for (const a of dated) {
      const key = bucket(a.date);
      if (seen.has(key)) continue;
      if (seen.size >= count) break;
      seen.add(key);
      keep.add(a.name);
    }
  };
  pick((d) => d.toISOString().slice(0, 10), retention.daily);
  pick(isoWeek, retention.weekly);
  return dated.filter((a) => !keep.has(a.name)).map((a) => a.name);
}

/** "12,3 MB" — sizes in progress lines. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toLocaleString('de-DE', { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit]}`;
}

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemaApply, schemaDiff, schemaSnapshot } from '@directus/sdk';
import { parse, stringify } from 'yaml';
import { ROOT } from './config.ts';
import type { Client } from './directus-client.ts';

export const SCHEMA_DIR = join(ROOT, 'schema', 'collections');

type Row = Record<string, unknown> & { collection: string };
export type Snapshot = {
  version: number;
  directus: string;
  vendor?: string;
  collections: Row[];
  fields: (Row & { field: string })[];
  systemFields?: (Row & { field: string })[];
  relations: (Row & { field: string })[];
};
type DiffEntry = { kind: 'N' | 'D' | 'E' | 'A'; path?: (string | number)[]; lhs?: unknown; rhs?: unknown };
type DiffItem = { collection: string; field?: string; related_collection?: string | null; diff: DiffEntry[] };
export type SchemaDiff = {
  hash: string;
  diff: { collections: DiffItem[]; fields: DiffItem[]; systemFields?: DiffItem[]; relations: DiffItem[] };
};

/**
 * Column properties that each database reports in its own words (`varchar` vs `character varying`,
 * integer precision, the PostgreSQL schema name). They are not part of our model: Directus derives them
 * from the field type, so we neither store nor compare them, which keeps one schema valid for SQLite
 * and PostgreSQL.
 */
const VENDOR_KEYS = new Set([
  'data_type',
  'foreign_key_schema',
  'schema',
  'comment',
  'generation_expression',
  'constraint_name',
]);
const INTEGER_TYPES = new Set(['integer', 'bigInteger']);

function stripVendor<T extends Row>(row: T): T {
  const schema = row.schema as Record<string, unknown> | null | undefined;
  if (!schema || typeof schema !== 'object') return row;
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (VENDOR_KEYS.has(key)) continue;
    if ((key === 'numeric_precision' || key === 'numeric_scale') && INTEGER_TYPES.has(String(row.type))) continue;
    clean[key] = value;
  }
  return { ...row, schema: clean };
}

type Field = Snapshot['fields'][number];
const SYSTEM_UUID_KEYS = new Set([
  'directus_users',
  'directus_files',
  'directus_roles',
  'directus_policies',
  'directus_folders',
]);

/**
 * SQLite cannot tell some types apart: it stores uuids as char(36) (so foreign keys to uuid keys read
 * back as `string`) and decimals as numeric (read back as `float` without precision). The files keep
 * the intended types so that PostgreSQL gets real uuid and numeric columns: foreign keys take their
 * target's key type, and a type the files already state survives a pull from SQLite.
 */
export function canonicalFields(fields: Field[], previous: Field[] = []): Field[] {
  const keyType = new Map<string, string>();
  for (const f of fields) {
    if ((f.schema as { is_primary_key?: boolean } | null)?.is_primary_key) keyType.set(f.collection, String(f.type));
  }
  const before = new Map(previous.map((f) => [`${f.collection}.${f.field}`, f]));
  return fields.map((field) => {
    const schema = { ...((field.schema as Record<string, unknown> | null) ?? {}) };
    if (field.schema === null || field.schema === undefined) return field;
    let type = String(field.type);
    const target = schema.foreign_key_table as string | null | undefined;
    if (type === 'string' && target && (keyType.get(target) === 'uuid' || SYSTEM_UUID_KEYS.has(target))) type = 'uuid';
    const old = before.get(`${field.collection}.${field.field}`);
    if (type === 'float' && old?.type === 'decimal') {
      type = 'decimal';
      const oldSchema = (old.schema ?? {}) as Record<string, unknown>;
      schema.numeric_precision = oldSchema.numeric_precision;
      schema.numeric_scale = oldSchema.numeric_scale;
    }
    if (type === 'uuid') schema.max_length = null;
    return { ...field, type, schema };
  });
}

/** Pairs of field types that are the same column on SQLite (see canonicalFields). */
const SAME_ON_SQLITE = new Set(['string>uuid', 'uuid>string', 'float>decimal', 'decimal>float']);

const isVendorPath = (item: DiffItem, entry: DiffEntry): boolean => {
  const [head, key] = entry.path ?? [];
  if (head === 'type' && entry.path?.length === 1) return SAME_ON_SQLITE.has(`${entry.lhs}>${entry.rhs}`);
  if (head !== 'schema' || typeof key !== 'string') return false;
  if (VENDOR_KEYS.has(key)) return true;
  // Precision is reported by PostgreSQL for integers and lost by SQLite for decimals: not ours to diff.
  if ((key === 'numeric_precision' || key === 'numeric_scale') && item.field !== undefined) return isNumberish(entry);
  // uuid columns have a length of 36 on SQLite and none on PostgreSQL.
  return key === 'max_length' && [entry.lhs, entry.rhs].every((v) => v === 36 || v === null || v === undefined);
};
const isNumberish = (entry: DiffEntry) =>
  (typeof entry.lhs === 'number' || entry.lhs == null) && (typeof entry.rhs === 'number' || entry.rhs == null);

/** Whole collections/fields/relations that exist in the database but not in `schema/`. */
const isRemoval = (entry: DiffEntry) => entry.kind === 'D' && (entry.path === undefined || entry.path.length === 0);

export type DiffSummary = { changes: string[]; removals: string[] };

/** Drops vendor noise and, unless pruning, removals; returns what is left and a readable summary. */
export function filterDiff(diff: SchemaDiff, options: { prune: boolean }): { diff: SchemaDiff; summary: DiffSummary } {
  const summary: DiffSummary = { changes: [], removals: [] };
  const keep = (kind: string, items: DiffItem[] = []) =>
    items.flatMap((item) => {
      const name = [item.collection, item.field].filter(Boolean).join('.');
      const entries = item.diff.filter((entry) => !isVendorPath(item, entry));
      const removals = entries.filter(isRemoval);
      if (removals.length > 0) summary.removals.push(`${kind} ${name}`);
      const kept = options.prune ? entries : entries.filter((entry) => !isRemoval(entry));
      if (kept.length === 0) return [];
      for (const entry of kept) {
        const where = entry.path ? `.${entry.path.join('.')}` : '';
        summary.changes.push(
          `${entry.kind === 'N' && !entry.path ? '+' : entry.kind === 'D' ? '-' : '~'} ${kind} ${name}${where}`,
        );
      }
      return [{ ...item, diff: kept }];
    });
  return {
    diff: {
      hash: diff.hash,
      diff: {
        collections: keep('collection', diff.diff.collections),
        fields: keep('field', diff.diff.fields),
        systemFields: keep('systemField', diff.diff.systemFields),
        relations: keep('relation', diff.diff.relations),
      },
    },
    summary,
  };
}

const byName = (a: Row & { field?: string }, b: Row & { field?: string }) =>
  a.collection.localeCompare(b.collection) || (a.field ?? '').localeCompare(b.field ?? '');

type CollectionFile = {
  collection?: Row;
  fields?: (Row & { field: string })[];
  relations?: (Row & { field: string })[];
  systemFields?: (Row & { field: string })[];
};

/** Splits a snapshot into one YAML file per collection, so that reviews show what changed where. */
export function writeSchemaFiles(snapshot: Snapshot, dir = SCHEMA_DIR): string[] {
  const previous = existsSync(dir) ? readSchemaFiles(dir).fields : [];
  const fields = canonicalFields(snapshot.fields.map(stripVendor), previous);
  const files = new Map<string, CollectionFile>();
  const fileOf = (name: string): CollectionFile => {
    const file = files.get(name) ?? {};
    files.set(name, file);
    return file;
  };
  const listIn = <K extends 'fields' | 'relations' | 'systemFields'>(name: string, key: K) => {
    const file = fileOf(name);
    const list = file[key] ?? [];
    file[key] = list;
    return list as NonNullable<CollectionFile[K]>;
  };
  for (const c of snapshot.collections) fileOf(c.collection).collection = stripVendor(c);
  for (const f of [...fields].sort(byName)) listIn(f.collection, 'fields').push(f);
  for (const r of [...snapshot.relations].sort(byName)) listIn(r.collection, 'relations').push(stripVendor(r));
  for (const s of [...(snapshot.systemFields ?? [])].sort(byName)) listIn(s.collection, 'systemFields').push(s);

  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, content] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    writeFileSync(join(dir, `${name}.yaml`), stringify(content, { sortMapEntries: true, lineWidth: 0 }));
    written.push(name);
  }
  return written;
}

/** Reassembles the snapshot that the YAML files describe. */
export function readSchemaFiles(dir = SCHEMA_DIR, directusVersion = '11'): Snapshot {
  const snapshot: Snapshot = {
    version: 1,
    directus: directusVersion,
    collections: [],
    fields: [],
    systemFields: [],
    relations: [],
  };
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const file = parse(readFileSync(join(dir, name), 'utf8')) as CollectionFile;
    if (file.collection) snapshot.collections.push(file.collection);
    snapshot.fields.push(...(file.fields ?? []));
    snapshot.relations.push(...(file.relations ?? []));
    snapshot.systemFields?.push(...(file.systemFields ?? []));
  }
  return snapshot;
}

export async function currentSnapshot(client: Client): Promise<Snapshot> {
  return (await client.request(schemaSnapshot())) as unknown as Snapshot;
}

/** Differences between `schema/` and the database, vendor noise removed. */
export async function diffAgainstFiles(client: Client, options: { prune: boolean }) {
  const live = await currentSnapshot(client);
  const wanted = { ...readSchemaFiles(SCHEMA_DIR, live.directus), vendor: live.vendor };
  // The files are parsed synchronously between the two requests; on a loaded machine that can outlast
  // Directus's keep-alive (5 s), and the diff then meets a socket the server has just closed. The diff
  // only reads, so it is asked once more on a fresh connection.
  const diff = () => client.request(schemaDiff(wanted as never, true));
  const raw = (await diff().catch((error: Error & { code?: string; cause?: { code?: string } }) => {
    if ((error.cause?.code ?? error.code) !== 'UND_ERR_SOCKET') throw error;
    return diff();
  })) as unknown as SchemaDiff | undefined;
  if (!raw) return { diff: undefined, summary: { changes: [], removals: [] } satisfies DiffSummary };
  return filterDiff(raw, options);
}

/** Applies `schema/` to the database. Without `prune`, nothing that exists only in the database is removed. */
export async function applySchemaFiles(client: Client, options: { prune: boolean }): Promise<DiffSummary> {
  const { diff, summary } = await diffAgainstFiles(client, options);
  if (diff && summary.changes.length > 0) await client.request(schemaApply(diff as never));
  return summary;
}

/**
 * Backups and restores of a CarBot installation: the database (SQLite through its online backup API,
 * PostgreSQL through pg_dump's custom format in one exported snapshot) and the uploads, with a manifest
 * of row counts and checksums, in one .tar.gz. What counts as a valid archive is decided in
 * core/src/ops/backup.ts; this file moves the bytes.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import {
  archiveName,
  BACKUP_FORMAT,
  BACKUP_VERSION,
  compareRows,
  DEFAULT_RETENTION,
  expiredArchives,
  formatBytes,
  MANIFEST_NAME,
  type Manifest,
  type ManifestEntry,
  parseManifest,
  type Retention,
  uploadEntry,
  verifyEntries,
} from '@carbot/core/ops/backup';
import knex, { type Knex } from 'knex';
import pg from 'pg';
import sqlite3 from 'sqlite3';
import * as tar from 'tar';
import { DATA_DIR, ROOT } from './config.ts';

export type Log = (message: string) => void;

/** Thrown for everything an operator can fix; the message is German and complete. */
export class BackupError extends Error {}

/**
 * The database and storage a backup reads or a restore writes, from Directus's variables, with the
 * embedded defaults (SQLite and uploads in the data directory). Nothing is generated: a backup never
 * creates secrets or folders of an installation.
 */
export function storageEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const dataDir = base.CARBOT_DATA_DIR ?? DATA_DIR;
  const client = base.DB_CLIENT ?? 'sqlite3';
  return {
    ...base,
    DB_CLIENT: client,
    ...(client === 'sqlite3' ? { DB_FILENAME: base.DB_FILENAME ?? join(dataDir, 'carbot.db') } : {}),
    STORAGE_LOCAL_ROOT: base.STORAGE_LOCAL_ROOT ?? join(dataDir, 'uploads'),
  };
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function describe(path: string, name: string): Promise<ManifestEntry> {
  return { path: name, bytes: statSync(path).size, sha256: await sha256File(path) };
}

/** Prefix of what a restore sets aside; never part of a backup. */
const ASIDE = '.vor-wiederherstellung-';

/** Every regular file below `root`, as forward-slash paths relative to it. */
function listFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(ASIDE)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) out.push(relative(root, path).split(sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

// node-sqlite3 ships the online backup API without type declarations.
type SqliteBackup = {
  remaining: number;
  pageCount: number;
  completed: boolean;
  failed: boolean;
  step(pages: number, callback: (error: Error | null) => void): void;
  finish(callback?: (error: Error | null) => void): void;
};

/**
 * Copies a live SQLite database with SQLite's online backup API. Directus may keep writing: in
 * write-ahead-log mode the copy reads one consistent snapshot and writers are never blocked. Chunks give
 * progress; when concurrent commits restart the chunked copy twice, the rest is copied in one step (one
 * read transaction), which always finishes.
 */
async function backupSqlite(source: string, target: string, log: Log) {
  if (!existsSync(source)) throw new BackupError(`SQLite-Datenbank ${source} nicht gefunden.`);
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const handle = new sqlite3.Database(source, sqlite3.OPEN_READONLY, (error) =>
      error ? reject(error) : resolve(handle),
    );
  });
  try {
    const backup = (db as unknown as { backup(file: string): SqliteBackup }).backup(target);
    const step = (pages: number) =>
      new Promise<void>((resolve, reject) => backup.step(pages, (error) => (error ? reject(error) : resolve())));
    let restarts = 0;
    let lastRemaining = Number.POSITIVE_INFINITY;
    let lastPercent = -1;
    while (!backup.completed && !backup.failed) {
      await step(restarts >= 2 ? -1 : 1024);
      if (backup.remaining > lastRemaining) restarts++;
      lastRemaining = backup.remaining;
      const percent = backup.pageCount
        ? Math.floor(((backup.pageCount - backup.remaining) / backup.pageCount) * 100)
        : 100;
      if (percent >= lastPercent + 25 || backup.completed) {
        log(`  Datenbank: ${percent} % von ${backup.pageCount} Seiten`);
        lastPercent = percent;
      }
    }
    await new Promise<void>((resolve, reject) => backup.finish((error) => (error ? reject(error) : resolve())));
    if (backup.failed) throw new BackupError('Die SQLite-Sicherung ist fehlgeschlagen.');
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
}

function sqliteKnex(filename: string): Knex {
  return knex({ client: 'sqlite3', connection: { filename }, useNullAsDefault: true });
}

/** Rows per table of an SQLite file (FTS shadow tables included: the chat's index is data too). */
async function sqliteRows(filename: string): Promise<Record<string, number>> {
  const db = sqliteKnex(filename);
  try {
    const tables = (await db.raw(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )) as { name: string }[];
    const rows: Record<string, number> = {};
    for (const { name } of tables) {
      const [row] = (await db.raw(`SELECT count(*) AS n FROM "${name.replaceAll('"', '""')}"`)) as { n: number }[];
      rows[name] = Number(row?.n ?? 0);
    }
    return rows;
  } finally {
    await db.destroy();
  }
}

function pgConfig(env: NodeJS.ProcessEnv): pg.ClientConfig {
  if (env.DB_CONNECTION_STRING) return { connectionString: env.DB_CONNECTION_STRING };
  return {
    host: env.DB_HOST,
    port: Number(env.DB_PORT ?? 5432),
    database: env.DB_DATABASE,
    user: env.DB_USER,
    password: env.DB_PASSWORD,
  };
}

/** libpq variables for pg_dump/pg_restore, so no password appears on a command line. */
function libpqEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };
  if (env.DB_HOST) out.PGHOST = env.DB_HOST;
  if (env.DB_PORT) out.PGPORT = String(env.DB_PORT);
  if (env.DB_USER) out.PGUSER = env.DB_USER;
  if (env.DB_PASSWORD) out.PGPASSWORD = env.DB_PASSWORD;
  if (env.DB_DATABASE) out.PGDATABASE = env.DB_DATABASE;
  return out;
}

function pgTarget(env: NodeJS.ProcessEnv) {
  return env.DB_CONNECTION_STRING ?? (env.DB_DATABASE as string);
}

function tool(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        new BackupError(
          error.code === 'ENOENT'
            ? `${command} nicht gefunden: PostgreSQL-Client-Werkzeuge installieren (Version ≥ der des Servers).`
            : `${command}: ${error.message}`,
        ),
      ),
    );
    child.on('exit', (code) =>
      code === 0 ? resolve(stdout) : reject(new BackupError(`${command} endete mit ${code}: ${stderr.trim()}`)),
    );
  });
}

const PG_TABLES = `SELECT table_name FROM information_schema.tables
  WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`;

async function pgCounts(client: pg.Client): Promise<Record<string, number>> {
  const tables = await client.query<{ table_name: string }>(PG_TABLES);
  const rows: Record<string, number> = {};
  for (const { table_name } of tables.rows) {
    const result = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table_name.replaceAll('"', '""')}"`);
    rows[table_name] = Number(result.rows[0]?.n ?? 0);
  }
  return rows;
}

/**
 * pg_dump in custom format from an exported snapshot, while the rows are counted in the very
 * transaction that exported it: the manifest's counts are exactly what the dump holds, however much
 * Directus writes meanwhile.
 */
async function backupPostgres(env: NodeJS.ProcessEnv, target: string, log: Log) {
  const client = new pg.Client(pgConfig(env));
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshot = (await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows[0]?.id as string;
    const rows = await pgCounts(client);
    log(`  Datenbank: ${Object.keys(rows).length} Tabellen gezählt, pg_dump läuft …`);
    await tool(
      'pg_dump',
      ['--format=custom', `--snapshot=${snapshot}`, '--no-owner', '--no-privileges', `--file=${target}`, pgTarget(env)],
      libpqEnv(env),
    );
    await client.query('COMMIT');
    return rows;
  } finally {
    await client.end();
  }
}

function versions() {
  const read = (path: string) => (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
  return {
    carbot: read(join(ROOT, 'package.json')),
    directus: read(join(ROOT, 'node_modules', 'directus', 'package.json')),
  };
}

export type BackupResult = { file: string; manifest: Manifest; removed: string[] };

/**
 * Writes one archive into `outDir` and applies retention there. Uploads are copied after the database
 * snapshot, so every file a row of the snapshot names is in the archive.
 */
export async function createBackup(
  env: NodeJS.ProcessEnv,
  options: { outDir: string; log: Log; retention?: Retention; now?: Date },
): Promise<BackupResult> {
  const { outDir, log } = options;
  const now = options.now ?? new Date();
  mkdirSync(outDir, { recursive: true });
  // Built beside the target so the final rename is atomic; a crashed run leaves only a dot-folder.
  const work = mkdtempSync(join(outDir, '.carbot-backup-'));
  try {
    mkdirSync(join(work, 'database'));
    const client = env.DB_CLIENT === 'pg' ? 'pg' : 'sqlite3';
    let rows: Record<string, number>;
    let dbEntry: ManifestEntry;
    if (client === 'sqlite3') {
      log(`Sichere SQLite-Datenbank ${env.DB_FILENAME} (Online-Backup) …`);
      const copy = join(work, 'database', 'carbot.db');
      await backupSqlite(env.DB_FILENAME as string, copy, log);
      rows = await sqliteRows(copy);
      dbEntry = await describe(copy, 'database/carbot.db');
    } else {
      log(`Sichere PostgreSQL-Datenbank ${env.DB_DATABASE ?? ''} (pg_dump) …`);
      const dump = join(work, 'database', 'carbot.dump');
      rows = await backupPostgres(env, dump, log);
      dbEntry = await describe(dump, 'database/carbot.dump');
    }
    const total = Object.values(rows).reduce((a, b) => a + b, 0);
    log(`  ${total} Zeilen in ${Object.keys(rows).length} Tabellen, ${formatBytes(dbEntry.bytes)}`);

    const root = env.STORAGE_LOCAL_ROOT as string;
    const names = listFiles(root);
    log(`Sichere ${names.length} Dateien aus ${root} …`);
    const files: ManifestEntry[] = [];
    let bytes = 0;
    for (const [index, name] of names.entries()) {
      const target = join(work, uploadEntry(name));
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(join(root, name), target);
      const entry = await describe(target, name);
      files.push(entry);
      bytes += entry.bytes;
      if ((index + 1) % 200 === 0) log(`  ${index + 1}/${names.length} Dateien`);
    }
    if (names.length) log(`  ${names.length} Dateien, ${formatBytes(bytes)}`);

    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: now.toISOString(),
      database: { ...dbEntry, client },
      rows,
      files,
      versions: versions(),
    };
    writeFileSync(join(work, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);

    const file = join(outDir, archiveName(now));
    log('Packe das Archiv …');
    const partial = `${file}.partial`;
    await tar.c(
      { gzip: true, portable: true, cwd: work, file: partial },
      [MANIFEST_NAME, 'database', 'uploads'].filter((p) => existsSync(join(work, p))),
    );
    renameSync(partial, file);
    log(`Sicherung geschrieben: ${file} (${formatBytes(statSync(file).size)})`);

    const removed = expiredArchives(readdirSync(outDir), options.retention ?? DEFAULT_RETENTION);
    for (const name of removed) rmSync(join(outDir, name), { force: true });
    if (removed.length) log(`Aufbewahrung (7 täglich, 4 wöchentlich): ${removed.length} ältere Sicherungen gelöscht`);
    return { file, manifest, removed };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Unpacks an archive into a private folder and checks it completely — format, manifest, every checksum,
 * and for SQLite the database's own integrity check and row counts — before a restore may touch anything.
 */
async function openArchive(file: string, work: string, log: Log): Promise<Manifest> {
  if (!existsSync(file) || !statSync(file).isFile())
    throw new BackupError(`Sicherung ${file} nicht gefunden. Es wurde nichts verändert.`);
  log(`Prüfe ${file} …`);
  try {
    await tar.x({ file, cwd: work, strict: true, preservePaths: false });
  } catch (error) {
    throw new BackupError(
      `Die Datei ist beschädigt oder keine CarBot-Sicherung (Archiv nicht lesbar: ${(error as Error).message}). Es wurde nichts verändert.`,
    );
  }
  const manifestPath = join(work, MANIFEST_NAME);
  const parsed = parseManifest(existsSync(manifestPath) ? readFileSync(manifestPath, 'utf8') : null);
  if ('problem' in parsed) throw new BackupError(`${parsed.problem} Es wurde nichts verändert.`);
  const found = new Map<string, { bytes: number; sha256: string }>();
  for (const name of listFiles(work)) {
    found.set(name, { bytes: statSync(join(work, name)).size, sha256: await sha256File(join(work, name)) });
  }
  const problems = verifyEntries(parsed.manifest, found);
  if (problems.length) {
    const shown = problems.slice(0, 5).join('; ');
    throw new BackupError(
      `Die Sicherung ist beschädigt (${shown}${problems.length > 5 ? ` und ${problems.length - 5} weitere` : ''}). Es wurde nichts verändert.`,
    );
  }
  log(`  Manifest und ${found.size} Prüfsummen in Ordnung (Sicherung vom ${parsed.manifest.createdAt})`);
  return parsed.manifest;
}

async function sqliteHasData(filename: string) {
  if (!existsSync(filename) || statSync(filename).size === 0) return false;
  const db = sqliteKnex(filename);
  try {
    const rows = (await db.raw("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'")) as { n: number }[];
    return Number(rows[0]?.n) > 0;
  } finally {
    await db.destroy();
  }
}

async function restoreSqlite(env: NodeJS.ProcessEnv, work: string, manifest: Manifest, replace: boolean, log: Log) {
  const target = env.DB_FILENAME as string;
  const copy = join(work, manifest.database.path);
  if (!replace && (await sqliteHasData(target))) {
    throw new BackupError(
      `Die Zieldatenbank ${target} enthält bereits Daten. Zum Ersetzen Directus beenden und mit --replace wiederherstellen. Es wurde nichts verändert.`,
    );
  }
  const db = sqliteKnex(copy);
  try {
    const check = (await db.raw('PRAGMA integrity_check')) as { integrity_check: string }[];
    if (check[0]?.integrity_check !== 'ok') {
      throw new BackupError(
        'Die Datenbank in der Sicherung ist beschädigt (Integritätsprüfung). Es wurde nichts verändert.',
      );
    }
  } finally {
    await db.destroy();
  }
  const mismatch = compareRows(manifest.rows, await sqliteRows(copy));
  if (mismatch.length) {
    throw new BackupError(
      `Die Sicherung passt nicht zu ihrem Manifest (${mismatch.slice(0, 3).join('; ')}). Es wurde nichts verändert.`,
    );
  }
  mkdirSync(dirname(target), { recursive: true });
  const stamp = new Date().toISOString().replace(/[-:]/g, '').slice(0, 15);
  for (const suffix of ['', '-wal', '-shm']) {
    if (!existsSync(target + suffix)) continue;
    if (suffix === '') {
      renameSync(target, `${target}${ASIDE}${stamp}`);
      log(`  Bisherige Datenbank aufbewahrt als ${target}${ASIDE}${stamp}`);
    } else rmSync(target + suffix);
  }
  // Copied next to the target first, then renamed: the database file appears complete or not at all.
  copyFileSync(copy, `${target}.restoring`);
  renameSync(`${target}.restoring`, target);
  return sqliteRows(target);
}

async function restorePostgres(env: NodeJS.ProcessEnv, work: string, manifest: Manifest, replace: boolean, log: Log) {
  const dump = join(work, manifest.database.path);
  // pg_restore reads the whole table of contents: a dump it cannot read is refused here.
  await tool('pg_restore', ['--list', dump], libpqEnv(env)).catch(() => {
    throw new BackupError('Der PostgreSQL-Dump in der Sicherung ist nicht lesbar. Es wurde nichts verändert.');
  });
  const client = new pg.Client(pgConfig(env));
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(`Zieldatenbank nicht erreichbar: ${(error as Error).message}. Es wurde nichts verändert.`);
  }
  try {
    const others = await client.query<{ n: string }>(
      'SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    if (Number(others.rows[0]?.n) > 0) {
      throw new BackupError(
        `Auf die Zieldatenbank greifen noch ${others.rows[0]?.n} Verbindungen zu: Directus und andere Dienste vorher beenden. Es wurde nichts verändert.`,
      );
    }
    const tables = await client.query(PG_TABLES);
    if (tables.rowCount && !replace) {
      throw new BackupError(
        'Die Zieldatenbank enthält bereits Tabellen. Zum Ersetzen mit --replace wiederherstellen. Es wurde nichts verändert.',
      );
    }
  } finally {
    await client.end();
  }
  log('Spiele den PostgreSQL-Dump ein (eine Transaktion) …');
  await tool(
    'pg_restore',
    [
      '--single-transaction',
      '--exit-on-error',
      '--no-owner',
      '--no-privileges',
      ...(replace ? ['--clean', '--if-exists'] : []),
      `--dbname=${pgTarget(env)}`,
      dump,
    ],
    libpqEnv(env),
  );
  const after = new pg.Client(pgConfig(env));
  await after.connect();
  try {
    return await pgCounts(after);
  } finally {
    await after.end();
  }
}

/** Moves the previous uploads aside (with --replace) and puts the archive's files in their place. */
function restoreUploads(root: string, work: string, manifest: Manifest, log: Log) {
  if (existsSync(root) && listFiles(root).length > 0) {
    const stamp = `${ASIDE}${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}`;
    try {
      renameSync(root, `${root}${stamp}`);
      log(`  Bisherige Dateien aufbewahrt in ${root}${stamp}`);
    } catch {
      // A mount point (a container volume) cannot be renamed: its contents move into a folder inside it,
      // which backups skip.
      const aside = join(root, stamp);
      mkdirSync(aside);
      for (const entry of readdirSync(root))
        if (!entry.startsWith(ASIDE)) renameSync(join(root, entry), join(aside, entry));
      log(`  Bisherige Dateien aufbewahrt in ${aside}`);
    }
  }
  mkdirSync(root, { recursive: true });
  for (const [index, file] of manifest.files.entries()) {
    const target = join(root, file.path);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(work, uploadEntry(file.path)), target);
    if ((index + 1) % 200 === 0) log(`  ${index + 1}/${manifest.files.length} Dateien`);
  }
  log(`  ${manifest.files.length} Dateien wiederhergestellt`);
}

/**
 * Restores an archive into the installation `env` describes. Everything is checked before anything is
 * written; an occupied target database needs `replace` (and Directus stopped).
 */
export async function restoreBackup(
  env: NodeJS.ProcessEnv,
  file: string,
  options: { replace?: boolean; log: Log },
): Promise<Manifest> {
  const { log } = options;
  const work = mkdtempSync(join(tmpdir(), 'carbot-restore-'));
  try {
    const manifest = await openArchive(file, work, log);
    const client = env.DB_CLIENT === 'pg' ? 'pg' : 'sqlite3';
    if (manifest.database.client !== client) {
      const name = (c: string) => (c === 'pg' ? 'PostgreSQL' : 'SQLite');
      throw new BackupError(
        `Die Sicherung stammt aus ${name(manifest.database.client)}, das Ziel ist ${name(client)}. Es wurde nichts verändert.`,
      );
    }
    const rows =
      client === 'sqlite3'
        ? await restoreSqlite(env, work, manifest, options.replace ?? false, log)
        : await restorePostgres(env, work, manifest, options.replace ?? false, log);
    const mismatch = compareRows(manifest.rows, rows);
    if (mismatch.length)
      throw new BackupError(`Wiederhergestellte Zeilen weichen ab: ${mismatch.slice(0, 5).join('; ')}`);
    const total = Object.values(rows).reduce((a, b) => a + b, 0);
    log(`  ${total} Zeilen in ${Object.keys(manifest.rows).length} Tabellen wie im Manifest`);
    restoreUploads(env.STORAGE_LOCAL_ROOT as string, work, manifest, log);
    return manifest;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

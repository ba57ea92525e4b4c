/**
 * `npm run backup` and `npm run restore` against the suite's Directus (SQLite or PostgreSQL): a backup
 * taken while leads keep arriving restores into a fresh database with exactly the manifest's rows and
 * files, and a second Directus on the restored data serves the same site pages as the original. Damaged,
 * foreign or misdirected archives are refused in German and leave the target as it was.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Manifest } from '@carbot/core/ops/backup';
import pg from 'pg';
import * as tar from 'tar';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { directusEnv, ROOT } from '../../scripts/lib/config.ts';
import { waitForDirectus } from '../../scripts/lib/directus-client.ts';
import { databaseFromEnv } from '../../scripts/lib/migrate.ts';
import { startDirectus } from '../../scripts/lib/platform.ts';
import { stop } from '../../scripts/lib/processes.ts';
import { sitesEnv, startSitesServer, waitForSites } from '../../scripts/lib/sites.ts';
import { id } from '../../seeds/demo/ids.ts';
import { admin } from '../support/http.ts';
import { get } from './sites-support.ts';

// Where the suite's Directus keeps its data: its database and its uploads.
const live = Object.fromEntries(
  Object.entries(inject('directusEnv')).filter(([name]) => name.startsWith('DB_') || name === 'STORAGE_LOCAL_ROOT'),
);
const usePostgres = live.DB_CLIENT === 'pg';
const work = mkdtempSync(join(tmpdir(), 'carbot-backup-test-'));
const targetDir = join(work, 'restored');
const targetDb = `carbot_restore_${process.pid}_${Date.now()}`;
const TENANT = id(1, 'tenant', 1);
const WORKSHOP = id(1, 'workshop', 1);

const liveEnv: NodeJS.ProcessEnv = { ...process.env, ...live };
const targetEnv: NodeJS.ProcessEnv = usePostgres
  ? {
      ...process.env,
      DB_CLIENT: 'pg',
      DB_HOST: live.DB_HOST,
      DB_PORT: live.DB_PORT,
      DB_USER: live.DB_USER,
      DB_DATABASE: targetDb,
      STORAGE_LOCAL_ROOT: join(targetDir, 'uploads'),
    }
  : {
      ...process.env,
      DB_CLIENT: 'sqlite3',
      DB_FILENAME: join(targetDir, 'carbot.db'),
      STORAGE_LOCAL_ROOT: join(targetDir, 'uploads'),
    };

const children: ChildProcess[] = [];

/** Runs one of CarBot's npm scripts as an operator would, collecting what it prints. */
function script(file: string, args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn('node', [join(ROOT, 'scripts', file), ...args], {
      cwd: ROOT,
      env: { ...env, PATH: `${join(ROOT, 'node_modules', '.bin')}:${process.env.PATH}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => {
      output += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      output += c.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

async function pgAdmin(sql: string) {
  const client = new pg.Client({
    host: live.DB_HOST,
    port: Number(live.DB_PORT),
    user: live.DB_USER,
    database: live.DB_DATABASE,
  });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Rows per table, counted independently of the backup code. */
async function countRows(env: NodeJS.ProcessEnv, tables: string[]) {
  const db = databaseFromEnv(env);
  try {
    const rows: Record<string, number> = {};
    for (const table of tables) {
      const [row] = await db(table).count({ n: '*' });
      rows[table] = Number(row?.n);
    }
    return rows;
  } finally {
    await db.destroy();
  }
}

function uploadsOf(root: string) {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[relative(root, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(root);
  return files;
}

async function readManifest(file: string): Promise<Manifest> {
  const dir = mkdtempSync(join(work, 'manifest-'));
  await tar.x({ file, cwd: dir, filter: (path) => path === 'manifest.json' });
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

let archive = '';
let manifest: Manifest;

beforeAll(async () => {
  if (usePostgres) await pgAdmin(`CREATE DATABASE ${targetDb}`);
});

afterAll(async () => {
  await Promise.all(children.map((child) => stop(child)));
  if (usePostgres) await pgAdmin(`DROP DATABASE IF EXISTS ${targetDb} WITH (FORCE)`);
  rmSync(work, { recursive: true, force: true });
});

test('a backup taken while leads arrive restores exactly its manifest, and the restored instance serves the same pages', async () => {
  for (const name of ['werkstatt-foto', 'preisliste']) {
    const form = new FormData();
    form.append('file', new Blob([`Inhalt ${name} ${Date.now()}`], { type: 'text/plain' }), `${name}.txt`);
    const res = await admin().post('/files', form);
    expect(res.status, res.text).toBe(200);
  }

  let writing = true;
  let written = 0;
  const writer = (async () => {
    while (writing) {
      const res = await admin().post('/items/leads', {
        tenant: TENANT,
        workshop: WORKSHOP,
        name: `Last ${written}`,
        phone: '+49 89 7654321',
        wish: 'Sicherung unter Last',
        source: 'widget',
      });
      if (res.status !== 200) throw new Error(`Lead: ${res.status} ${res.text}`);
      written++;
    }
  })();
  while (written < 3) await new Promise((r) => setTimeout(r, 20));

  const before = written;
  const backup = await script('backup.ts', ['--out', join(work, 'out')], liveEnv);
  const during = written - before;
  writing = false;
  await writer;
  expect(backup.code, backup.output).toBe(0);
  expect(during, 'leads written while the backup ran').toBeGreaterThan(0);
  expect(backup.output).toMatch(/Zeilen in \d+ Tabellen/);
  expect(backup.output).toMatch(/Sicherung geschrieben: .*carbot-backup-\d{8}T\d{6}Z\.tar\.gz/);
  archive = /Sicherung geschrieben: (\S+)/.exec(backup.output)?.[1] as string;

  manifest = await readManifest(archive);
  expect(manifest.database.client).toBe(usePostgres ? 'pg' : 'sqlite3');
  const liveNow = await countRows(liveEnv, ['leads']);
  expect(manifest.rows.leads).toBeGreaterThan(0);
  // The snapshot lies within the write load: later leads are not in it.
  expect(manifest.rows.leads).toBeLessThan(liveNow.leads as number);
  const disk = await admin().get('/files?fields=filename_disk&limit=-1');
  const names = new Set(manifest.files.map((f) => f.path));
  for (const file of disk.body.data as { filename_disk: string }[]) expect(names).toContain(file.filename_disk);

  const restore = await script('restore.ts', [archive], targetEnv);
  expect(restore.code, restore.output).toBe(0);
  expect(restore.output).toContain('Prüfsummen in Ordnung');
  expect(restore.output).toContain('wie im Manifest');

  expect(await countRows(targetEnv, Object.keys(manifest.rows))).toEqual(manifest.rows);
  expect(uploadsOf(join(targetDir, 'uploads'))).toEqual(
    Object.fromEntries(manifest.files.map((f) => [f.path, f.sha256])),
  );

  // A Directus and a site server on the restored data next to a site server on the original.
  const port = await freePort();
  const restoredEnv = directusEnv({
    port,
    dataDir: join(work, 'restored-secrets'),
    base: { ...targetEnv, LOG_LEVEL: 'error' },
  });
  const restoredDirectus = startDirectus(restoredEnv, true);
  children.push(restoredDirectus);
  await waitForDirectus(restoredEnv.PUBLIC_URL as string);

  const purgeSecret = inject('edgeUrls').sitesPurgeSecret as string;
  const site = async (directusUrl: string) => {
    const env: NodeJS.ProcessEnv = {
      ...sitesEnv({
        SITES_PORT: String(await freePort()),
        DIRECTUS_URL: directusUrl,
        PUBLIC_DIRECTUS_URL: inject('directusUrl'),
        CARBOT_SITES_TOKEN: inject('sitesToken'),
        CARBOT_PURGE_SECRET: purgeSecret,
      }),
      // Both servers link the same admin, so their pages can be compared byte for byte.
      CARBOT_ADMIN_URL: `${inject('directusUrl')}/admin`,
    };
    children.push(startSitesServer(env, { quiet: true }));
    await waitForSites(env);
    return Number(env.PORT);
  };
  const [original, restored] = await Promise.all([site(inject('directusUrl')), site(restoredEnv.PUBLIC_URL as string)]);
  const pages: [string, string][] = [
    ['localhost', '/'],
    ['autohaus-beispiel.localhost', '/'],
    ['kfz-schneider.localhost', '/'],
    ['emobil-koeln.localhost', '/blog'],
    ['autohaus-beispiel.localhost', '/sitemap.xml'],
  ];
  for (const [host, path] of pages) {
    const [a, b] = await Promise.all([get(original, host, path), get(restored, host, path)]);
    expect(a.status, `${host}${path}`).toBe(200);
    expect(b.status, `${host}${path}`).toBe(200);
    expect(b.body, `${host}${path}`).toBe(a.body);
  }
  await stop(restoredDirectus);
  // Starting a second Directus on a busy machine takes a while.
}, 300_000);

test('a damaged or foreign archive is refused in German and the current data stays as it was', async () => {
  expect(archive, 'the backup test ran first').not.toBe('');
  const keys = Object.keys(manifest.rows);
  const rowsBefore = await countRows(targetEnv, keys);
  const filesBefore = uploadsOf(join(targetDir, 'uploads'));

  const bytes = readFileSync(archive);
  const damaged = join(work, 'beschaedigt.tar.gz');
  const flipped = Buffer.from(bytes);
  const middle = Math.floor(flipped.length / 2);
  flipped.fill(0x5a, middle, middle + 64);
  writeFileSync(damaged, flipped);
  const truncated = join(work, 'abgeschnitten.tar.gz');
  writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));

  const foreignDir = join(work, 'fremd');
  mkdirSync(foreignDir);
  writeFileSync(join(foreignDir, 'manifest.json'), JSON.stringify({ format: 'other-tool', version: 1 }));
  writeFileSync(join(foreignDir, 'dump.sql'), 'DROP TABLE leads;');
  const foreign = join(work, 'fremd.tar.gz');
  await tar.c({ gzip: true, cwd: foreignDir, file: foreign }, ['manifest.json', 'dump.sql']);
  const text = join(work, 'notiz.tar.gz');
  writeFileSync(text, 'Das ist keine Sicherung.');

  for (const [file, message] of [
    [damaged, /beschädigt/],
    [truncated, /beschädigt/],
    [foreign, /keine CarBot-Sicherung \(fremdes Format\)/],
    [text, /beschädigt oder keine CarBot-Sicherung/],
    [join(work, 'gibt-es-nicht.tar.gz'), /nicht gefunden/],
    // A good archive into a database that already holds data, without --replace.
    [archive, /enthält bereits/],
  ] as const) {
    const result = await script('restore.ts', [file, ...(file === archive ? [] : ['--replace'])], targetEnv);
    expect(result.code, result.output).toBe(1);
    expect(result.output).toMatch(message);
    expect(result.output).toContain('Es wurde nichts verändert.');
  }
  expect(await countRows(targetEnv, keys)).toEqual(rowsBefore);
  expect(uploadsOf(join(targetDir, 'uploads'))).toEqual(filesBefore);
});

/**
 * `npm run restore -- <file> [--replace]`: checks a backup completely (format, manifest, checksums,
 * database integrity, row counts) and only then restores database and uploads into the installation
 * that DB_* / CARBOT_DATA_DIR describe. A target that already holds data needs --replace, with Directus
 * stopped; the previous SQLite file and uploads are kept beside the new ones.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BackupError, restoreBackup, storageEnv } from './lib/backup.ts';

const { values, positionals } = parseArgs({ options: { replace: { type: 'boolean' } }, allowPositionals: true });
if (positionals.length !== 1) {
  console.error('Aufruf: npm run restore -- <sicherung.tar.gz> [--replace]');
  process.exit(2);
}
const started = Date.now();
try {
  await restoreBackup(storageEnv(), resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0] as string), {
    replace: values.replace ?? false,
    log: (message) => console.log(message),
  });
  console.log(`Wiederherstellung fertig nach ${((Date.now() - started) / 1000).toFixed(1)} s.`);
} catch (error) {
  console.error(`Wiederherstellung abgebrochen: ${(error as Error).message}`);
  if (!(error instanceof BackupError)) console.error(error);
  process.exit(1);
}

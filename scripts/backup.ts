/**
 * `npm run backup [-- --out DIR]`: one archive of the database and the uploads with a manifest of row
 * counts and checksums, while CarBot keeps running; then retention (7 daily, 4 weekly) in DIR.
 * DIR defaults to CARBOT_BACKUP_DIR or backups/ in the project.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BackupError, createBackup, storageEnv } from './lib/backup.ts';
import { ROOT } from './lib/config.ts';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const outDir = resolve(
  process.env.INIT_CWD ?? process.cwd(),
  values.out ?? process.env.CARBOT_BACKUP_DIR ?? join(ROOT, 'backups'),
);
const started = Date.now();
try {
  await createBackup(storageEnv(), { outDir, log: (message) => console.log(message) });
  console.log(`Fertig nach ${((Date.now() - started) / 1000).toFixed(1)} s.`);
} catch (error) {
  console.error(`Sicherung fehlgeschlagen: ${(error as Error).message}`);
  if (!(error instanceof BackupError)) console.error(error);
  process.exit(1);
}

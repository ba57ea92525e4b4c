/**
 * `npm start`: the whole platform on one machine. Bootstraps Directus (SQLite in directus/data/ unless
 * DB_* says otherwise), applies schema and access, seeds demo data, starts the site server, and prints
 * where to go. Ctrl-C stops everything.
 */
import type { ChildProcess } from 'node:child_process';
import { directusEnv } from './lib/config.ts';
import { runDemoFeed } from './lib/demo-feed.ts';
import { useLocalMailSink } from './lib/mail-sink.ts';
import { bootstrapDirectus, checkDirectus, prepareDirectus, startDirectus } from './lib/platform.ts';
import { preparationFingerprint, preparedFingerprint, recordPreparation } from './lib/preparation.ts';
import { BUILDS, buildIfStale, stop } from './lib/processes.ts';
import { demoLogins, seedBase, seedDemo } from './lib/seed.ts';
import { sitesEnv, startSitesServer, waitForSites } from './lib/sites.ts';

const started = Date.now();
const log = (message: string) => console.log(`▸ ${message}`);
const env = directusEnv();
const children: ChildProcess[] = [];
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  console.log('\nCarBot wird beendet …');
  await Promise.all(children.map((child) => stop(child)));
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

function supervise(name: string, child: ChildProcess) {
  children.push(child);
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${name} wurde unerwartet beendet (${code ?? signal}).`);
    void shutdown(1);
  });
}

try {
  console.log('CarBot startet …');
  // Directus loads the extensions when it starts, so they must be built by then; the widget and the site
  // server are needed only at the end. All of it is built while the database is bootstrapped and prepared.
  const extensions = buildIfStale(BUILDS.extensions);
  const builds = Promise.all([buildIfStale(BUILDS.widget), buildIfStale(BUILDS.sites)]);
  // The site server starts as soon as it is built: it reads from Directus per request, and nothing asks
  // it for a page before the start is reported.
  const siteServer = builds.then(async () => {
    const sites = sitesEnv(env);
    supervise('Site-Server', startSitesServer(sites));
    await waitForSites(sites);
    return sites;
  });
  // Reported when awaited below; until then a failure must not count as unhandled.
  extensions.catch(() => undefined);
  siteServer.catch(() => undefined);
  log(`Datenbank: ${env.DB_CLIENT === 'sqlite3' ? env.DB_FILENAME : `${env.DB_CLIENT} ${env.DB_HOST ?? ''}`}`);
  await useLocalMailSink(env, log);
  // A database fully prepared from these very sources skips bootstrap, schema, migrations, seeds and the
  // demo feed (scripts/lib/preparation.ts); the fingerprint is stored only once all of them succeeded.
  // `npm start -- --prepare` repeats the whole preparation anyway (e.g. to bring back deleted demo rows).
  const fingerprint = preparationFingerprint(env);
  const prepared = !process.argv.includes('--prepare') && (await preparedFingerprint(env)) === fingerprint;
  if (!prepared) await bootstrapDirectus(env);
  await extensions;
  supervise('Directus', startDirectus(env));
  if (prepared) {
    await checkDirectus(env, log);
    log('Schema, Migrationen, Stammdaten: unverändert seit der letzten Vorbereitung');
  } else {
    const client = await prepareDirectus(env, log);
    await seedBase(client, log);
    if (env.CARBOT_DEMO !== 'false') {
      await seedDemo(client, log);
      await runDemoFeed(env, log);
    }
    await recordPreparation(env, fingerprint);
  }

  const sites = await siteServer;

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const domain = sites.SITES_DOMAIN;
  const port = sites.PORT;
  console.log(`
CarBot läuft (bereit nach ${seconds} s).

  Admin (Directus):   ${env.PUBLIC_URL}/admin
  Plattform-Website:  http://${domain}:${port}/
  Werkstatt-Website:  http://autohaus-beispiel.${domain}:${port}/

  Plattform-Admin:    ${env.ADMIN_EMAIL} / ${process.env.ADMIN_PASSWORD ? '(aus ADMIN_PASSWORD)' : env.ADMIN_PASSWORD}`);
  if (env.CARBOT_DEMO !== 'false') {
    for (const group of demoLogins()) {
      console.log(`  ${group.label}:`);
      for (const user of group.users) console.log(`    ${user.role.padEnd(9)} ${user.email} / ${user.password}`);
    }
  }
  console.log('\nBeenden mit Strg+C.');
} catch (error) {
  console.error(`\nStart fehlgeschlagen: ${(error as Error).message}`);
  await shutdown(1);
}

/**
 * `npm test`: lint and types, unit tests, then the integration suite against a real Directus on SQLite
 * and on PostgreSQL (the server at 127.0.0.1:5432, or PGHOST/PGPORT/PGUSER; skip it with
 * CARBOT_TEST_POSTGRES=false). Stops at the first failure.
 */
import { run } from './lib/processes.ts';

const steps: [string, string, string[], NodeJS.ProcessEnv?][] = [
  ['Format & Lint (Biome)', 'biome', ['ci', '.']],
  ['Typprüfung', 'tsc', ['-p', 'tsconfig.json']],
  ['Typprüfung Sites', 'astro', ['check', '--root', 'sites']],
  ['Build', 'npm', ['run', 'build', '--silent']],
  ['Unit-Tests', 'vitest', ['run', '--project', 'unit']],
  ['Integration (SQLite)', 'vitest', ['run', '--project', 'integration'], { CARBOT_TEST_DB: 'sqlite' }],
];
if (process.env.CARBOT_TEST_POSTGRES !== 'false') {
  steps.push([
    'Integration (PostgreSQL)',
    'vitest',
    ['run', '--project', 'integration'],
    { CARBOT_TEST_DB: 'postgres' },
  ]);
}

const only = process.argv.slice(2);
for (const [label, command, args, env] of steps) {
  if (only.length > 0 && !only.some((o) => label.toLowerCase().includes(o.toLowerCase()))) continue;
  console.log(`\n━━ ${label} ━━`);
  const started = Date.now();
  try {
    await run(command, args, { env: { ...process.env, ...env } });
  } catch (error) {
    console.error(`\n✖ ${label} fehlgeschlagen: ${(error as Error).message}`);
    process.exit(1);
  }
  console.log(`✔ ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

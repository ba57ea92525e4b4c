/**
 * `npm test`: lint and types, build, unit tests, then the integration suite against a real Directus on
 * SQLite and on PostgreSQL (the server at 127.0.0.1:5432, or PGHOST/PGPORT/PGUSER; skip it with
 * CARBOT_TEST_POSTGRES=false), then the cluster suite (two Directus instances and two site servers on PostgreSQL
 * and Redis). Stops at the first failure. `npm test -- sqlite` (or `-- cluster`) runs matching steps only.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChromium } from './lib/chromium.ts';
import { run } from './lib/processes.ts';

type Step = { label: string; command: string; args: string[]; env?: NodeJS.ProcessEnv; report?: string };

const reports = mkdtempSync(join(tmpdir(), 'carbot-test-report-'));
const totals = { passed: 0, failed: 0, skipped: 0 };

/** Vitest also writes a JSON report per run, so the closing line counts every test of every run. */
const vitest = (label: string, project: string, report: string, env?: NodeJS.ProcessEnv): Step => ({
  label,
  command: 'vitest',
  args: [
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${join(reports, report)}`,
  ],
  env,
  report,
});

const steps: Step[] = [
  { label: 'Format & Lint (Biome)', command: 'biome', args: ['ci', '.'] },
  { label: 'Toter Code (knip)', command: 'knip', args: [] },
  { label: 'Typprüfung', command: 'tsc', args: ['-p', 'tsconfig.json'] },
  { label: 'Typprüfung Sites', command: 'astro', args: ['check', '--root', 'sites'] },
  { label: 'Build', command: 'npm', args: ['run', 'build', '--silent'] },
  vitest('Unit-Tests', 'unit', 'unit.json'),
  vitest('Integration (SQLite)', 'integration', 'sqlite.json', { CARBOT_TEST_DB: 'sqlite' }),
];
if (process.env.CARBOT_TEST_POSTGRES !== 'false') {
  steps.push(vitest('Integration (PostgreSQL)', 'integration', 'postgres.json', { CARBOT_TEST_DB: 'postgres' }));
  // Two Directus instances and two site servers on PostgreSQL and Redis (127.0.0.1:6379 or CARBOT_TEST_REDIS).
  steps.push(vitest('Cluster (2× Directus, 2× Site-Server, Redis)', 'cluster', 'cluster.json'));
}

function count(report: string) {
  try {
    const result = JSON.parse(readFileSync(join(reports, report), 'utf8'));
    totals.passed += result.numPassedTests;
    totals.failed += result.numFailedTests;
    totals.skipped += result.numPendingTests + result.numTodoTests;
  } catch {
    // No report: the run failed before any test; its exit code already says so.
  }
}

function finish(code: number): never {
  rmSync(reports, { recursive: true, force: true });
  console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(code);
}

const only = process.argv.slice(2).map((o) => o.toLowerCase());
try {
  if (
    only.length === 0 ||
    only.some((o) => o.includes('integration') || o.includes('sqlite') || o.includes('postgres'))
  ) {
    await ensureChromium();
  }
} catch (error) {
  console.error(`✖ ${(error as Error).message}`);
  finish(1);
}
for (const step of steps) {
  if (only.length > 0 && !only.some((o) => step.label.toLowerCase().includes(o))) continue;
  console.log(`\n━━ ${step.label} ━━`);
  const started = Date.now();
  try {
    await run(step.command, step.args, { env: { ...process.env, ...step.env } });
  } catch (error) {
    if (step.report) count(step.report);
    console.error(`\n✖ ${step.label} fehlgeschlagen: ${(error as Error).message}`);
    finish(1);
  }
  if (step.report) count(step.report);
  console.log(`✔ ${step.label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
finish(0);

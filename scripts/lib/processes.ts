import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './config.ts';

const BIN = join(ROOT, 'node_modules', '.bin');

/** Runs a command to completion; output goes to the console, a non-zero exit throws. */
export function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? ROOT,
      env: { ...(options.env ?? process.env), PATH: `${BIN}:${process.env.PATH}` },
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} endete mit ${code ?? signal}`)),
    );
  });
}

/** Starts a long-running server whose lines are prefixed with its name. */
export function startServer(
  name: string,
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; cwd?: string; quiet?: boolean },
): ChildProcess {
  const child = spawn(command, args, {
    cwd: options.cwd ?? ROOT,
    env: { ...options.env, PATH: `${BIN}:${process.env.PATH}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => `[${name}] ${line}`)
      .join('\n');
  if (!options.quiet) {
    child.stdout?.on('data', (c: Buffer) => console.log(prefix(c)));
    child.stderr?.on('data', (c: Buffer) => console.error(prefix(c)));
  }
  return child;
}

/** Stops a child and waits for it, escalating to SIGKILL when it does not react. */
export function stop(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * A hash of the sources' contents (not their times): a checkout, `npm ci` or a touched file that
 * changed nothing does not force a rebuild; a rebuild after an edit is still certain. Test files feed
 * neither a build nor a preparation, so editing one forces neither; paths count relative to the
 * checkout, so two checkouts of one commit agree.
 */
export function sourceFingerprint(dirs: string[]): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    if (statSync(dir).isFile()) {
      hash.update(`${relative(ROOT, dir)}\n`).update(readFileSync(dir));
      return;
    }
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
      if (/\.test\.ts$/.test(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(`${relative(ROOT, path)}\n`).update(readFileSync(path));
    }
  };
  for (const dir of dirs) walk(dir);
  return hash.digest('hex');
}

/** What a build reads: a change in any of these makes its `dist/` stale. */
export const BUILDS = {
  extensions: {
    name: 'Directus-Erweiterungen',
    folder: 'extensions/carbot',
    inputs: [
      'extensions/carbot/src',
      'extensions/carbot/package.json',
      'extensions/carbot/extension.config.js',
      'core/src',
    ],
    command: ['npm', ['run', 'build', '--silent', '-w', 'extensions/carbot']],
  },
  widget: {
    name: 'Chat-Widget',
    folder: 'widget',
    inputs: ['widget/src', 'widget/build.ts'],
    command: ['node', ['widget/build.ts']],
  },
  sites: {
    name: 'Site-Server',
    folder: 'sites',
    inputs: [
      'sites/src',
      'sites/public',
      'sites/server.ts',
      'sites/astro.config.mjs',
      'sites/package.json',
      'core/src',
    ],
    command: ['npm', ['run', 'build', '--silent', '-w', 'sites']],
  },
} satisfies Record<string, { name: string; folder: string; inputs: string[]; command: [string, string[]] }>;

type Build = (typeof BUILDS)[keyof typeof BUILDS];

/**
 * Builds a workspace and stamps its `dist/` with the sources' fingerprint. Unless forced, it builds
 * only when those sources changed since the stamped build, so a second `npm start` is quick; `npm run
 * build` forces, and the start after it builds nothing.
 */
export async function buildIfStale(build: Build, force = false): Promise<boolean> {
  const stamp = join(ROOT, build.folder, 'dist', '.carbot-build');
  const fingerprint = sourceFingerprint(build.inputs.map((d) => join(ROOT, d)));
  if (!force && existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint) return false;
  console.log(`▸ Baue ${build.name} …`);
  const [command, args] = build.command;
  await run(command, args);
  writeFileSync(stamp, fingerprint);
  return true;
}

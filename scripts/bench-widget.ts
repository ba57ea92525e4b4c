/**
 * `npm run bench:widget`: gzip sizes of what a host page loads before the chat is opened (the launcher)
 * and of the whole widget, against the lightest open-source peer measured in the same run (the npm
 * package deep-chat, its browser bundle). Goals: launcher ≤ 4 KB, widget ≤ 6 KB gzip.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './lib/config.ts';

execFileSync('node', [join(ROOT, 'widget', 'build.ts')], { stdio: 'ignore' });
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const launcher = gz(join(ROOT, 'widget', 'dist', 'widget.js'));
const app = gz(join(ROOT, 'widget', 'dist', 'widget-app.js'));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function peer(pkg: string, pick: (files: string[]) => string | undefined): number | null {
  const dir = mkdtempSync(join(tmpdir(), 'carbot-peer-'));
  try {
    execFileSync('npm', ['pack', pkg, '--silent', '--pack-destination', dir], { stdio: 'ignore' });
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    if (!tarball) return null;
    execFileSync('tar', ['xzf', join(dir, tarball), '-C', dir]);
    const walk = (d: string): string[] =>
      readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
    const file = pick(walk(join(dir, 'package')));
    return file ? gz(file) : null;
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const deepChat = peer(
  'deep-chat',
  (files) => files.find((f) => /deepChat\.bundle\.js$/.test(f)) ?? files.find((f) => /dist\/.*\.js$/.test(f)),
);
console.log(`Launcher (lädt mit der Seite): ${kb(launcher)} gzip  (Ziel ≤ 4 KB) ${launcher <= 4096 ? '✔' : '✖'}`);
console.log(
  `Widget gesamt:                 ${kb(launcher + app)} gzip  (Ziel ≤ 6 KB) ${launcher + app <= 6144 ? '✔' : '✖'}`,
);
if (deepChat) {
  console.log(
    `deep-chat (Browser-Bundle):    ${kb(deepChat)} gzip  → CarBot ist ${(deepChat / (launcher + app)).toFixed(1)}× kleiner`,
  );
} else {
  console.log('deep-chat: nicht messbar (npm-Registry nicht erreichbar); genannter Wert: 110 KB gzip');
}

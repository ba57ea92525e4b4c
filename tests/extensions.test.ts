/**
 * Directus services created without the request's accountability run as the system and skip every
 * permission, i.e. tenant isolation. Any such construction in our extensions must be deliberate and say
 * so on the line before with `// system:` and the reason.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;
const SRC = join(ROOT, 'extensions', 'carbot', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|js)$/.test(name) ? [path] : [];
  });
}

/** Every `new XyzService(` with the text of its argument list (up to the matching parenthesis). */
function serviceConstructions(source: string): { line: number; args: string; justified: boolean }[] {
  const found: { line: number; args: string; justified: boolean }[] = [];
  for (const match of source.matchAll(/new\s+(?:[\w.]+\.)?(\w+Service)\s*\(/g)) {
    let depth = 1;
    let i = (match.index ?? 0) + match[0].length;
    const start = i;
    while (i < source.length && depth > 0) {
      if (source[i] === '(') depth += 1;
      if (source[i] === ')') depth -= 1;
      i += 1;
    }
    const line = source.slice(0, match.index).split('\n').length;
    const previous = source.split('\n')[line - 2] ?? '';
    found.push({ line, args: source.slice(start, i - 1), justified: /\/\/\s*system:/.test(previous) });
  }
  return found;
}

test('the scanner finds constructions with and without accountability', () => {
  const sample = [
    'const a = new ItemsService("leads", { schema, accountability });',
    '// system: the outbox runs without a user',
    'const b = new services.MailService({ schema });',
    'const c = new ItemsService("x", { schema: await getSchema() });',
  ].join('\n');
  const result = serviceConstructions(sample);
  expect(result.map((r) => [r.args.includes('accountability'), r.justified])).toEqual([
    [true, false],
    [false, true],
    [false, false],
  ]);
});

test('extensions never build a Directus service without accountability unless marked as system work', () => {
  const offenders = files(SRC).flatMap((file) =>
    serviceConstructions(readFileSync(file, 'utf8'))
      .filter((c) => !c.args.includes('accountability') && !c.justified)
      .map((c) => `${relative(ROOT, file)}:${c.line}`),
  );
  expect(offenders).toEqual([]);
});

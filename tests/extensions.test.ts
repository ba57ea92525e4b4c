/**
 * Directus services created without the request's accountability run as the system and skip every
 * permission, i.e. tenant isolation. Any such construction in our extensions must be deliberate and say
 * so right above (or at) the construction, or at any `accountability: null`, with `// system:` and the reason.
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

type Finding = { line: number; args: string; justified: boolean };

/** Whether the comment block right above line `n` (1-based), or a comment on that line, says `// system:`. */
function saysSystem(lines: string[], n: number): boolean {
  if (/\/\/\s*system:/.test(lines[n - 1] ?? '')) return true;
  for (let i = n - 2; i >= 0 && /^\s*\/\//.test(lines[i] ?? ''); i -= 1) {
    if (/\/\/\s*system:/.test(lines[i] ?? '')) return true;
  }
  return false;
}

const lineAt = (source: string, index: number) => source.slice(0, index).split('\n').length;

/**
 * Every `new XyzService(` with the text of its argument list (up to the matching parenthesis), and every
 * `accountability: null` elsewhere (options built for a service or an event, e.g. `system = { schema,
 * accountability: null }`). A construction is compliant when it passes an accountability other than
 * null, or when it is marked as system work; `accountability: null` anywhere else needs the mark in
 * the comment block above it.
 */
function serviceConstructions(source: string): Finding[] {
  const lines = source.split('\n');
  const found: Finding[] = [];
  const constructions: [number, number][] = [];
  for (const match of source.matchAll(/new\s+(?:[\w.]+\.)?(\w+Service)\s*\(/g)) {
    let depth = 1;
    let i = (match.index ?? 0) + match[0].length;
    const start = i;
    while (i < source.length && depth > 0) {
      if (source[i] === '(') depth += 1;
      if (source[i] === ')') depth -= 1;
      i += 1;
    }
    const line = lineAt(source, match.index ?? 0);
    const args = source.slice(start, i - 1);
    const justified = saysSystem(lines, line);
    constructions.push([start, i]);
    found.push({ line, args, justified: justified || /\baccountability\b(?!\s*:\s*null\b)/.test(args) });
  }
  for (const match of source.matchAll(/\baccountability\s*:\s*null\b/g)) {
    const at = match.index ?? 0;
    // Inside a construction's arguments: judged with the construction.
    if (constructions.some(([from, to]) => at >= from && at < to)) continue;
    const line = lineAt(source, at);
    found.push({ line, args: match[0], justified: saysSystem(lines, line) });
  }
  return found.sort((a, b) => a.line - b.line);
}

test('the scanner accepts real accountability, and null or none only as marked system work', () => {
  const sample = [
    /* 1 */ 'const a = new ItemsService("leads", { schema, accountability });',
    /* 2 */ '// system: the outbox runs without a user',
    /* 3 */ 'const b = new services.MailService({ schema });',
    /* 4 */ 'const c = new ItemsService("x", { schema: await getSchema() });',
    /* 5 */ 'const d = new ItemsService("x", { schema, accountability: null });',
    /* 6 */ 'const e = new ItemsService("x", { schema, accountability: req.accountability });',
    /* 7 */ '// system: a scheduled job; it has no user',
    /* 8 */ '// and reads billing facts only',
    /* 9 */ 'const f = new ItemsService("x", {',
    /* 10 */ '  schema,',
    /* 11 */ '  accountability: null,',
    /* 12 */ '});',
    /* 13 */ 'const system = { schema, accountability: null };',
    /* 14 */ 'const options = {',
    /* 15 */ '  // system: registration runs before the account exists',
    /* 16 */ '  accountability: null,',
    /* 17 */ '};',
    /* 18 */ 'const g = new ItemsService("x", system);',
    /* 19 */ 'const h = new ItemsService("x", { accountability: null }); // system: the webhook is signed by Stripe',
  ].join('\n');
  expect(serviceConstructions(sample).map((r) => [r.line, r.justified])).toEqual([
    [1, true],
    [3, true],
    [4, false],
    [5, false],
    [6, true],
    [9, true],
    [13, false],
    [16, true],
    [18, false],
    [19, true],
  ]);
});

test('extensions never build a Directus service without accountability unless marked as system work', () => {
  const offenders = files(SRC).flatMap((file) =>
    serviceConstructions(readFileSync(file, 'utf8'))
      .filter((c) => !c.justified)
      .map((c) => `${relative(ROOT, file)}:${c.line}`),
  );
  expect(offenders).toEqual([]);
});

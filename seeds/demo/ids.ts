/**
 * Fixed, readable UUIDs for demo rows: `ca7b{t}{k}00-0000-4000-8000-{n as 12 hex digits}`.
 * t = tenant index (0 = platform, 1…), k = kind code, n = running number within tenant and kind.
 * Example: tenant 1's third service is 'ca7b1300-0000-4000-8000-000000000003'.
 * Seeding inserts by id and never overwrites, so an id must never be reused for a different row.
 */
const KIND_CODES = {
  tenant: 1,
  workshop: 2,
  service: 3,
  faq: 4,
  post: 5,
  vehicle: 6,
  user: 7,
  feed: 8,
} as const;

export type IdKind = keyof typeof KIND_CODES;

export function id(t: number, kind: IdKind, n: number): string {
  if (!Number.isInteger(t) || t < 0 || t > 15) throw new Error(`Demo-ID: ungültiger Mandantenindex ${t}`);
  if (!Number.isInteger(n) || n < 1 || n > 0xffffffffffff) throw new Error(`Demo-ID: ungültige laufende Nummer ${n}`);
  return `ca7b${t.toString(16)}${KIND_CODES[kind].toString(16)}00-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/**
 * Vehicle identification numbers (ISO 3779). Seventeen characters from an alphabet without I, O and Q.
 * The check digit in position 9 is mandatory only for vehicles built for North America (world
 * manufacturer identifiers starting 1–5); European manufacturers use position 9 freely, so a European VIN
 * with a "wrong" check digit is still valid.
 */

const ALPHABET = /^[A-HJ-NPR-Z0-9]{17}$/;
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
const TRANSLITERATION: Record<string, number> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};

const charValue = (c: string): number => (c >= '0' && c <= '9' ? Number(c) : (TRANSLITERATION[c] ?? 0));

export function vinCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += charValue(vin[i] ?? '0') * (WEIGHTS[i] ?? 0);
  const rest = sum % 11;
  return rest === 10 ? 'X' : String(rest);
}

const checkDigitRequired = (vin: string): boolean => /^[1-5]/.test(vin);

export type VinResult = { ok: true; vin: string } | { ok: false; message: string };

/** Normalises (trim, upper case, no inner spaces or dashes) and validates a VIN. */
export function checkVin(input: string): VinResult {
  const vin = input.replace(/[\s-]/g, '').toUpperCase();
  if (vin.length !== 17) return { ok: false, message: `Die FIN muss 17 Zeichen haben (hat ${vin.length}).` };
  if (!ALPHABET.test(vin))
    return { ok: false, message: 'Die FIN darf nur Ziffern und Buchstaben ohne I, O und Q enthalten.' };
  if (checkDigitRequired(vin) && vin[8] !== vinCheckDigit(vin))
    return { ok: false, message: 'Die Prüfziffer der FIN (9. Stelle) stimmt nicht.' };
  return { ok: true, vin };
}

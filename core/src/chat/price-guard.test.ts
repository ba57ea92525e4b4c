import { describe, expect, test } from 'vitest';
import { centsOf, findAmounts, guardPrices, parseAmount } from './price-guard.ts';

describe('parseAmount', () => {
  test.each([
    ['189', 18900],
    ['189,00', 18900],
    ['189,5', 18950],
    ['1.234,50', 123450],
    ['1,234.50', 123450],
    ['24.990', 2499000],
    ['99.90', 9990],
    ['189,-', 18900],
  ])('%s → %i cents', (raw, cents) => {
    expect(parseAmount(raw)).toBe(cents);
  });
});

describe('findAmounts', () => {
  test.each([
    ['Die Inspektion kostet ab 219 €.', [21900]],
    ['HU/AU: 149,00 € inkl. MwSt.', [14900]],
    ['Price: €99 or EUR 120', [9900, 12000]],
    ['Der Golf kostet 24.990 Euro.', [2499000]],
    ['Öffnungszeiten 7:30 bis 18 Uhr, Tel. 089 1234', []],
    ['Wir haben 12 Fahrzeuge', []],
  ])('%s', (text, cents) => {
    expect(findAmounts(text).map((a) => a.cents)).toEqual(cents);
  });
});

describe('guardPrices', () => {
  const known = centsOf(['219.00', '149', 39, null, '']);

  test('known prices pass untouched', () => {
    const text = 'Inspektion ab 219 €, HU/AU 149,00 € und Räderwechsel 39 €.';
    expect(guardPrices(text, known, '[Preis auf Anfrage]')).toEqual({ text, invented: [] });
  });

  test('an invented price is replaced, the rest stays', () => {
    const result = guardPrices('Der Ölwechsel kostet nur 49 € und die HU 149 €.', known, '[Preis auf Anfrage]');
    expect(result.text).toBe('Der Ölwechsel kostet nur [Preis auf Anfrage] und die HU 149 €.');
    expect(result.invented.map((a) => a.cents)).toEqual([4900]);
  });

  test('several invented prices are all replaced', () => {
    const result = guardPrices('A: 10 €, B: 20 €, C: €30', known, '?');
    expect(result.text).toBe('A: ?, B: ?, C: ?');
  });
});

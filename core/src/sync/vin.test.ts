import { describe, expect, test } from 'vitest';
import { checkVin, vinCheckDigit } from './vin.ts';

describe('checkVin', () => {
  test.each([
    ['North American VIN with a correct check digit', '1M8GDM9AXKP042788', '1M8GDM9AXKP042788'],
    ['lower case and spaces are normalised', ' 1m8gdm9a xkp042788 ', '1M8GDM9AXKP042788'],
    ['European VIN: position 9 is not a check digit', 'WVWZZZ1JZXW000001', 'WVWZZZ1JZXW000001'],
    ['European VIN with dashes', 'WDB-1240221A123456', 'WDB1240221A123456'],
  ])('%s', (_name, input, vin) => {
    expect(checkVin(input)).toEqual({ ok: true, vin });
  });

  test.each([
    ['too short', 'WVWZZZ1JZXW00000', 'Die FIN muss 17 Zeichen haben (hat 16).'],
    ['too long', 'WVWZZZ1JZXW0000011', 'Die FIN muss 17 Zeichen haben (hat 18).'],
    ['letter O', 'WVWZZZ1JZXW00000O', 'Die FIN darf nur Ziffern und Buchstaben ohne I, O und Q enthalten.'],
    ['letter I', 'IVWZZZ1JZXW000001', 'Die FIN darf nur Ziffern und Buchstaben ohne I, O und Q enthalten.'],
    ['umlaut', 'WVWZZZ1JZXW00000Ä', 'Die FIN darf nur Ziffern und Buchstaben ohne I, O und Q enthalten.'],
    [
      'North American VIN with a wrong check digit',
      '1M8GDM9A1KP042788',
      'Die Prüfziffer der FIN (9. Stelle) stimmt nicht.',
    ],
  ])('%s is refused', (_name, input, message) => {
    expect(checkVin(input)).toEqual({ ok: false, message });
  });

  test.each([
    ['1M8GDM9AXKP042788', 'X'],
    ['11111111111111111', '1'],
    ['1HGCM82633A004352', '3'],
  ])('check digit of %s is %s', (vin, digit) => {
    expect(vinCheckDigit(vin)).toBe(digit);
  });
});

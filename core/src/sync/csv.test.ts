import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { decodeFeed, detectDelimiter, detectEncoding, parseCsv } from './csv.ts';

const text = 'interne_nummer;marke;modell;preis;farbe\nA1;Škoda;Fabia;9.990,00;Weiß\n';

describe('detectEncoding / decodeFeed', () => {
  test.each([
    ['UTF-8', Buffer.from(text, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'utf-8'],
    ['ISO-8859-15 (mobile.de)', iconv.encode(text, 'iso-8859-15'), 'iso-8859-15'],
    [
      'Windows-1252 with „quotes“ and €',
      iconv.encode(`${text}B2;VW;„Golf“;1 €;Grün\n`, 'windows-1252'),
      'windows-1252',
    ],
  ])('%s', (_name, bytes, encoding) => {
    expect(detectEncoding(bytes)).toBe(encoding);
    const decoded = decodeFeed(bytes).text;
    expect(decoded.startsWith('interne_nummer')).toBe(true);
    expect(decoded).toContain('Škoda');
    expect(decoded).toContain('Weiß');
  });

  test('the € sign survives both code pages', () => {
    expect(decodeFeed(iconv.encode('€ 5', 'iso-8859-15')).text).toBe('€ 5');
    expect(decodeFeed(iconv.encode('€ 5 „x“', 'windows-1252')).text).toBe('€ 5 „x“');
  });

  test('plain ASCII is UTF-8', () => {
    expect(detectEncoding(Buffer.from('a;b\n1;2'))).toBe('utf-8');
  });
});

describe('detectDelimiter', () => {
  test.each([
    ['a;b;c\n1;2;3', ';'],
    ['a,b,c\n1,2,3', ','],
    ['a\tb\tc\n1\t2\t3', '\t'],
    ['"Preis, brutto";"Marke"\n1;2', ';'],
    ['"a;b",c,d\n', ','],
    ['\n\na;b\n', ';'],
    ['single', ';'],
    ['a;b,c', ';'],
  ])('%j → %j', (input, delimiter) => {
    expect(detectDelimiter(input)).toBe(delimiter);
  });
});

describe('parseCsv', () => {
  test('reads header, rows and line numbers, with quotes and empty lines', () => {
    const t = parseCsv('id;name;preis\r\n1;"Golf ""GTI""";10\r\n\r\n2;"Polo; neu";9\r\n');
    expect(t.delimiter).toBe(';');
    expect(t.header).toEqual(['id', 'name', 'preis']);
    expect(t.rows).toEqual([
      { line: 2, cells: ['1', 'Golf "GTI"', '10'] },
      { line: 4, cells: ['2', 'Polo; neu', '9'] },
    ]);
  });

  test('short and long rows are kept for the mapping to judge', () => {
    const t = parseCsv('a,b\n1\n1,2,3\n');
    expect(t.rows.map((r) => r.cells)).toEqual([['1'], ['1', '2', '3']]);
  });

  test.each([
    ['an unclosed quote', 'id;name\n1;ok\n2;"kaputt\n3;ok\n'],
    ['a quote inside a field', 'id;name\n1;ok\n2;kap"utt\n3;ok\n'],
  ])('%s is reported as its line, the other lines are read', (_name, input) => {
    const t = parseCsv(input);
    expect(t.rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [2, '1'],
      [4, '3'],
    ]);
    expect(t.broken).toEqual([{ line: 3, message: 'Zeile nicht lesbar (Anführungszeichen nicht geschlossen?).' }]);
  });
});

import { describe, expect, test } from 'vitest';
import { type LegalBlock, legalTextBlocks } from './legal-text.ts';

const h = (text: string): LegalBlock => ({ kind: 'heading', text });
const p = (text: string): LegalBlock => ({ kind: 'paragraph', text });

describe('legalTextBlocks', () => {
  test.each<[string, string | null | undefined, LegalBlock[]]>([
    ['null', null, []],
    ['undefined', undefined, []],
    ['only whitespace', ' \n\n \t', []],
    ['one paragraph', 'Es gilt deutsches Recht.', [p('Es gilt deutsches Recht.')]],
    [
      'paragraphs split on blank lines',
      'Erster Absatz.\n\n\nZweiter Absatz.',
      [p('Erster Absatz.'), p('Zweiter Absatz.')],
    ],
    ['single line breaks stay inside a paragraph', 'Zeile eins\nZeile zwei', [p('Zeile eins\nZeile zwei')]],
    ['Windows line endings', 'A\r\n\r\nB\r\nC', [p('A'), p('B\nC')]],
    [
      '§ lines are headings and keep the sign',
      '§ 1 Geltungsbereich\nDiese AGB gelten für alle Aufträge.\n§ 2 Zahlung\nBar oder mit Karte.',
      [h('§ 1 Geltungsbereich'), p('Diese AGB gelten für alle Aufträge.'), h('§ 2 Zahlung'), p('Bar oder mit Karte.')],
    ],
    ['# lines are headings without the marker', '## Ihre Rechte\nAuskunft', [h('Ihre Rechte'), p('Auskunft')]],
    ['a lone # is dropped', '#\nText', [p('Text')]],
    ['indented headings count', '   § 3 Haftung', [h('§ 3 Haftung')]],
    ['§ inside a line is no heading', 'Nach § 13 BGB', [p('Nach § 13 BGB')]],
    ['HTML stays text', '<script>alert(1)</script>', [p('<script>alert(1)</script>')]],
  ])('%s', (_name, input, expected) => {
    expect(legalTextBlocks(input)).toEqual(expected);
  });
});

import { describe, expect, test } from 'vitest';
import { languagesToTranslate, parseTranslation, sourceHash, translationMessages } from './machine-translation.ts';

const source = { question: 'Bekomme ich einen Ersatzwagen?', answer: 'Ja, für 29 € pro Tag.' };
const hash = sourceHash(source);

describe('which languages to translate into', () => {
  test.each([
    ['none yet', ['de', 'en', 'tr'], [], ['en', 'tr']],
    ['German only', ['de'], [], []],
    ['not offered', ['de', 'pl'], [{ languages_code: 'en' }], ['pl']],
    [
      'machine-made from this text: cached',
      ['de', 'en'],
      [{ languages_code: 'en', machine_translated: true, source_hash: hash }],
      [],
    ],
    [
      'machine-made from an older text',
      ['de', 'en'],
      [{ languages_code: 'en', machine_translated: true, source_hash: 'old' }],
      ['en'],
    ],
    [
      'edited by a person: theirs',
      ['de', 'en'],
      [{ languages_code: 'en', machine_translated: false, source_hash: 'old' }],
      [],
    ],
    ['written by a person', ['de', 'en'], [{ languages_code: 'en', machine_translated: null, source_hash: null }], []],
  ])('%s', (_, offered, existing, expected) => {
    expect(languagesToTranslate(offered, existing, hash)).toEqual(expected);
  });

  test('the hash changes with the text, not with the order of fields', () => {
    expect(sourceHash({ answer: source.answer, question: source.question })).toBe(hash);
    expect(sourceHash({ ...source, answer: 'Ja, für 35 € pro Tag.' })).not.toBe(hash);
  });
});

describe('the model reply', () => {
  test.each([
    ['a JSON object', '{"question":"Do I get a courtesy car?","answer":"Yes, for 29 € a day."}', true],
    ['JSON in a code fence', '```json\n{"question":"Q?","answer":"Yes, 29 €."}\n```', true],
    ['not JSON', 'Sure! Here is the translation: Do I get a courtesy car?', false],
    ['a key missing', '{"question":"Q?"}', false],
    ['an empty text', '{"question":"","answer":"A"}', false],
    ['an amount the German text does not state', '{"question":"Q?","answer":"Yes, for 19 € a day."}', false],
  ])('%s', (_, reply, usable) => {
    expect(parseTranslation(reply, source, 'faqs_translations') !== null).toBe(usable);
  });

  test('an empty German field stays empty', () => {
    expect(
      parseTranslation('{"name":"Oil change"}', { name: 'Ölwechsel', description: null }, 'services_translations'),
    ).toEqual({
      name: 'Oil change',
      description: null,
    });
  });

  test('the visitor-facing text goes in the user role, the instructions name the target language', () => {
    const [system, user] = translationMessages(source, 'tr');
    expect(system?.content).toContain('into Turkish');
    expect(system?.content).not.toContain('Ersatzwagen');
    expect(JSON.parse(user?.content ?? '')).toEqual(source);
  });
});

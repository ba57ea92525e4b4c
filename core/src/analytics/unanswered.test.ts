import { expect, test } from 'vitest';
import { groupQuestions, questionTerms } from './unanswered.ts';

test.each([
  ['Macht ihr auch Klimaanlagen-Service?', true],
  ['Wie viel kostet ein Ölwechsel?', true],
])('%s has a vocabulary concept', (q, concept) => {
  expect(questionTerms(q).some((t) => t.startsWith('#'))).toBe(concept);
});

test.each([
  ['Habt ihr 2026 einen Hund?', ['hund']],
  // Vocabulary concepts stand for their meaning: "offen" is about the opening hours.
  ['Habt ihr am Samstag offen?', ['#samstag', '#öffnungszeiten']],
])('terms of %s: stop words and numbers dropped', (q, terms) => {
  expect(questionTerms(q)).toEqual(terms);
});

const at = (n: number) => `2026-11-${String(n).padStart(2, '0')}T10:00:00Z`;

test('questions sharing their terms form one group, across wording and language; others stay apart', () => {
  const groups = groupQuestions([
    { text: 'Verkauft ihr Anhängerkupplungen?', at: at(1) },
    { text: 'verkauft ihr anhängerkupplungen', at: at(2) },
    { text: 'Anhängerkupplung nachrüsten, geht das?', at: at(3) },
    { text: 'Habt ihr einen Hund in der Werkstatt?', at: at(4) },
    { text: 'Wie viel kostet ein Ölwechsel beim Golf?', at: at(5) },
    { text: 'How much is an oil change?', at: at(6) },
    { text: 'hallo?', at: at(7) },
  ]);
  const sizes = groups.map((g) => g.count);
  const hitch = groups.find((g) => g.examples.some((e) => e.includes('nachrüsten')));
  expect(hitch?.count).toBe(3);
  const oil = groups.find((g) => g.examples.some((e) => e.includes('oil')));
  expect(oil?.count).toBe(2);
  expect(groups.find((g) => g.question.includes('Hund'))?.count).toBe(1);
  expect(groups.find((g) => g.question === 'hallo?')?.count).toBe(1);
  expect(sizes.reduce((a, b) => a + b, 0)).toBe(7);
  // Largest first; latest wording first among the examples.
  expect(groups[0]).toBe(hitch);
  expect(hitch?.examples[0]).toBe('Anhängerkupplung nachrüsten, geht das?');
  expect(hitch?.lastAskedAt).toBe(at(3));
});

test('the offered question is the most frequent wording', () => {
  const [g] = groupQuestions([
    { text: 'Macht ihr Smart Repair?', at: at(1) },
    { text: 'Macht ihr Smart Repair?', at: at(2) },
    { text: 'smart repair bei euch möglich', at: at(3) },
  ]);
  expect(g?.question).toBe('Macht ihr Smart Repair?');
  expect(g?.count).toBe(3);
});

test('empty input, empty output', () => {
  expect(groupQuestions([{ text: '   ', at: at(1) }])).toEqual([]);
});

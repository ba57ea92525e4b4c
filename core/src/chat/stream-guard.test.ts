import { expect, test } from 'vitest';
import { guardPrices } from './price-guard.ts';
import { StreamGuard, safeCut } from './stream-guard.ts';

const REPLACEMENT = '[Preis auf Anfrage]';

const run = (chunks: string[], known: number[]) => {
  const guard = new StreamGuard(known, REPLACEMENT);
  const out = chunks.map((c) => guard.push(c));
  out.push(guard.flush());
  return { out, text: out.join(''), invented: guard.invented };
};

test('an amount split across chunks is still checked', () => {
  const { text, invented } = run(['Der Ölwechsel kostet 4', '9 €. Die Inspektion ', 'ab 219 €.'], [21900]);
  expect(text).toBe('Der Ölwechsel kostet [Preis auf Anfrage]. Die Inspektion ab 219 €.');
  expect(invented).toBe(1);
});

test('text is released word by word as it arrives, not only at sentence ends', () => {
  const { out } = run(['Hallo! Wir ha', 'ben geöffnet', ' bis 18', ' Uhr. Bis ', 'bald'], []);
  expect(out).toEqual(['Hallo! Wir ', 'haben ', 'geöffnet bis ', '18 Uhr. Bis ', '', 'bald']);
});

test.each([
  ['kostet ab 219 € bei uns', 'kostet ab 219 € bei '],
  ['kostet ab 219 €', 'kostet ab '],
  ['kostet € ', 'kostet '],
  ['kostet 1.234,50 EUR', 'kostet '],
  ['kostet 1 234 ', 'kostet '],
  ['Euro 6 Norm ', 'Euro 6 Norm '],
  ['Ein Satz ohne Zahl', 'Ein Satz ohne '],
  ['', ''],
])('safeCut(%j) releases %j', (text, released) => {
  expect(text.slice(0, safeCut(text))).toBe(released);
});

const ANSWERS = [
  'Der Ölwechsel kostet 49 €, die Inspektion ab 219 € und ein Reifenwechsel 1.234,50 EUR. Bis bald!',
  'Preis: € 189,- oder 189 Euro? Unser BMW kostet 24 990 € (bzw. 24.990,00 EUR) bei 12.000 km.',
  'Wir haben Mo–Fr 8 bis 18 Uhr geöffnet; HU kostet 139\u00a0€ und AU 45,90 €.',
];

test.each(ANSWERS)('every split into three chunks gives exactly the guarded answer: %s', (answer) => {
  const known = [4900, 21900, 18900, 2499000, 4590];
  const expected = guardPrices(answer, known, REPLACEMENT).text;
  for (let i = 0; i <= answer.length; i += 1) {
    for (let j = i; j <= answer.length; j += 3) {
      const { text } = run([answer.slice(0, i), answer.slice(i, j), answer.slice(j)], known);
      if (text !== expected) expect({ i, j, text }).toEqual({ i, j, text: expected });
    }
  }
});

test('a stream split into single characters gives the guarded answer', () => {
  const answer = ANSWERS[1] as string;
  const { text } = run([...answer], [18900]);
  expect(text).toBe(guardPrices(answer, [18900], REPLACEMENT).text);
});

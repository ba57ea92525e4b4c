import { expect, test } from 'vitest';
import { StreamGuard } from './stream-guard.ts';

const run = (chunks: string[], known: number[]) => {
  const guard = new StreamGuard(known, '[Preis auf Anfrage]');
  const out = chunks.map((c) => guard.push(c));
  out.push(guard.flush());
  return { out, text: out.join(''), invented: guard.invented };
};

test('an amount split across chunks is still checked', () => {
  const { text, invented } = run(['Der Ölwechsel kostet 4', '9 €. Die Inspektion ', 'ab 219 €.'], [21900]);
  expect(text).toBe('Der Ölwechsel kostet [Preis auf Anfrage]. Die Inspektion ab 219 €.');
  expect(invented).toBe(1);
});

test('text is released sentence by sentence, not only at the end', () => {
  const { out } = run(['Hallo! Wir haben ', 'geöffnet. Bis ', 'bald'], []);
  expect(out).toEqual(['Hallo! ', 'Wir haben geöffnet. ', '', 'Bis bald']);
});

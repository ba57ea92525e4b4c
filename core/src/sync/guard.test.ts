import { describe, expect, test } from 'vitest';
import { checkGuards, type GuardInput } from './guard.ts';

const base: GuardInput = {
  mode: 'snapshot',
  received: 100,
  active: 100,
  removing: 0,
  maxRemovalShare: null,
  confirmed: false,
};

describe('checkGuards', () => {
  test.each([
    ['an ordinary snapshot', {}, null],
    ['exactly 30 % removed', { removing: 30 }, null],
    ['31 % removed', { removing: 31 }, 'mass_removal'],
    ['everything removed', { received: 3, removing: 100 }, 'mass_removal'],
    ['an empty snapshot', { received: 0, removing: 100 }, 'empty_snapshot'],
    ['an empty snapshot of an empty feed', { received: 0, active: 0 }, 'empty_snapshot'],
    ['the first import of a new feed', { active: 0 }, null],
    ['a stricter threshold of 10 %', { removing: 11, maxRemovalShare: 0.1 }, 'mass_removal'],
    ['a looser threshold of 60 %', { removing: 55, maxRemovalShare: 0.6 }, null],
    ['a threshold of 0: no removal without confirmation', { removing: 1, maxRemovalShare: 0 }, 'mass_removal'],
    ['confirmed by the owner', { removing: 100, confirmed: true }, null],
    ['confirmed empty snapshot', { received: 0, removing: 100, confirmed: true }, null],
    ['a delta is never refused', { mode: 'delta' as const, received: 0 }, null],
    ['a delta deleting much is not a snapshot', { mode: 'delta' as const, removing: 90 }, null],
  ])('%s', (_name, over, code) => {
    expect(checkGuards({ ...base, ...over })?.code ?? null).toBe(code);
  });

  test('the message gives the figures in German', () => {
    expect(checkGuards({ ...base, active: 3, removing: 2 })?.message).toBe(
      'Der Lauf würde 2 von 3 Fahrzeugen (66,7 %) als verkauft markieren, erlaubt sind 30 %. Nichts wurde geändert; bitte den Lauf bestätigen, wenn das stimmt.',
    );
  });
});

import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { pendingDeletes } from './pending-deletes.ts';

describe('pendingDeletes', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test.each([
    { name: 'taken by the action', waitMs: 10, taken: ['a'], again: undefined },
    {
      name: 'a refused delete never reaches its action: the entry expires',
      waitMs: 60_001,
      taken: undefined,
      again: undefined,
    },
  ])('$name', ({ waitMs, taken, again }) => {
    const pending = pendingDeletes<string[]>(60_000);
    pending.set('faqs:1', ['a']);
    vi.advanceTimersByTime(waitMs);
    expect(pending.take('faqs:1')).toEqual(taken);
    expect(pending.take('faqs:1')).toEqual(again);
  });

  test('a later delete of the same rows is not expired by the earlier one’s timer', () => {
    const pending = pendingDeletes<string[]>(60_000);
    pending.set('faqs:1', ['old']);
    vi.advanceTimersByTime(50_000);
    pending.set('faqs:1', ['new']);
    vi.advanceTimersByTime(20_000);
    expect(pending.take('faqs:1')).toEqual(['new']);
  });
});

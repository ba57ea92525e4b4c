import { expect, test } from 'vitest';
import { checkChoice, choiceOf, cutoffs, effectiveRetention, type RetentionChoice } from './retention.ts';

test.each<[string | null, RetentionChoice, [number, number, number]]>([
  ['basic', {}, [90, 12, 3]],
  ['premium', { conversationsDays: 30 }, [30, 12, 3]],
  ['enterprise', { leadsMonths: 24, conversationsDays: null }, [90, 24, 3]],
  [null, {}, [90, 12, 3]],
  ['unbekannt', { leadsMonths: 6 }, [90, 6, 3]],
])('plan %s with choice %o', (plan, choice, [days, months, years]) => {
  expect(effectiveRetention(plan, choice)).toEqual({
    conversationsDays: days,
    leadsMonths: months,
    consentsYearsAfterLead: years,
  });
});

test.each<[RetentionChoice, string[]]>([
  [{ conversationsDays: 7, leadsMonths: 36 }, []],
  [{ conversationsDays: null, leadsMonths: null }, []],
  [{ conversationsDays: 6 }, ['Gespräche: bitte ganze Tage zwischen 7 und 365.']],
  [{ conversationsDays: 366 }, ['Gespräche: bitte ganze Tage zwischen 7 und 365.']],
  [{ conversationsDays: 30.5 }, ['Gespräche: bitte ganze Tage zwischen 7 und 365.']],
  [{ leadsMonths: 0 }, ['Anfragen: bitte ganze Monate zwischen 1 und 36.']],
  [{ leadsMonths: Number.NaN }, ['Anfragen: bitte ganze Monate zwischen 1 und 36.']],
])('choice %o within legal bounds → %o', (choice, errors) => {
  expect(checkChoice(choice)).toEqual(errors);
});

test('cutoffs: 90 days, 12 months, and consents a lead’s life plus three years', () => {
  const c = cutoffs(new Date('2026-11-29T03:00:00Z'), effectiveRetention('basic'));
  expect(c.conversations.toISOString()).toBe('2026-08-31T03:00:00.000Z');
  expect(c.leads.toISOString()).toBe('2025-11-29T03:00:00.000Z');
  expect(c.orphanConsents.toISOString()).toBe('2022-11-29T03:00:00.000Z');
});

test.each<[unknown, { conversationsDays: number | null; leadsMonths: number | null } | 'refused']>([
  [
    { conversationsDays: 90, leadsMonths: 12 },
    { conversationsDays: 90, leadsMonths: 12 },
  ],
  [
    { conversationsDays: '90', leadsMonths: '' },
    { conversationsDays: 90, leadsMonths: null },
  ],
  [{}, { conversationsDays: null, leadsMonths: null }],
  [null, 'refused'],
  [[90, 12], 'refused'],
  [{ conversationsDays: true, leadsMonths: 12 }, 'refused'],
  [{ conversationsDays: [90], leadsMonths: 12 }, 'refused'],
  [{ conversationsDays: 90, leadsMonths: { a: 1 } }, 'refused'],
  [{ conversationsDays: 'dreißig', leadsMonths: 12 }, 'refused'],
  [{ conversationsDays: 1e308, leadsMonths: 12 }, 'refused'],
  [{ conversationsDays: -30, leadsMonths: 12 }, 'refused'],
])('the form input %j is read as %j', (body, expected) => {
  const choice = choiceOf(body);
  if (expected === 'refused') expect(checkChoice(choice)).not.toEqual([]);
  else {
    expect(choice).toEqual(expected);
    expect(checkChoice(choice)).toEqual([]);
  }
});

import { describe, expect, test } from 'vitest';
import { OFFER_TEXTS, offeredService, spreadSlots } from './offer.ts';
import { isoBerlin } from './time.ts';

const hit = (kind: string, sourceId: string) => ({ kind, sourceId });
const BOOKABLE = new Set(['oil', 'tyres']);

describe('the service a question is about', () => {
  test.each([
    ['a bookable service first', [hit('service', 'oil')], 'oil'],
    ['an FAQ first, the bookable service second', [hit('faq', 'f1'), hit('service', 'tyres')], 'tyres'],
    ['a service not booked online', [hit('service', 'paint')], null],
    [
      'the first bookable one of several',
      [hit('service', 'paint'), hit('service', 'oil'), hit('service', 'tyres')],
      'oil',
    ],
    [
      'only the top three hits count',
      [hit('faq', 'a'), hit('post', 'b'), hit('workshop', 'c'), hit('service', 'oil')],
      null,
    ],
    ['a vehicle with the same id is no service', [hit('vehicle', 'oil')], null],
    ['nothing found', [], null],
  ])('%s', (_name, hits, expected) => {
    expect(offeredService(hits, BOOKABLE)).toBe(expected);
  });
});

const slot = (iso: string) => ({ start: new Date(iso), end: new Date(new Date(iso).getTime() + 3_600_000) });
const starts = (slots: { start: Date }[]) => slots.map((s) => isoBerlin(s.start).slice(0, 16));

describe('a few times to choose from', () => {
  test.each([
    [
      'the earliest start of each of the first three days',
      [
        '2027-03-08T07:00:00Z',
        '2027-03-08T07:30:00Z',
        '2027-03-09T09:00:00Z',
        '2027-03-09T10:00:00Z',
        '2027-03-10T07:00:00Z',
        '2027-03-11T07:00:00Z',
      ],
      ['2027-03-08T08:00', '2027-03-09T10:00', '2027-03-10T08:00'],
    ],
    [
      'one day only: its first start and later ones at least two hours apart',
      [
        '2027-03-08T07:00:00Z',
        '2027-03-08T07:30:00Z',
        '2027-03-08T08:00:00Z',
        '2027-03-08T09:00:00Z',
        '2027-03-08T12:00:00Z',
      ],
      ['2027-03-08T08:00', '2027-03-08T10:00', '2027-03-08T13:00'],
    ],
    [
      'a day is a Berlin day: 23:30 UTC is the next morning in summer',
      ['2027-06-01T22:30:00Z', '2027-06-02T06:00:00Z'],
      ['2027-06-02T00:30', '2027-06-02T08:00'],
    ],
    ['nothing free', [], []],
  ])('%s', (_name, isos, expected) => {
    expect(starts(spreadSlots(isos.map(slot)))).toEqual(expected);
  });
});

test.each(['de', 'en', 'tr', 'pl'] as const)('the offer names the service in %s', (language) => {
  expect(OFFER_TEXTS[language].intro('Ölwechsel')).toContain('Ölwechsel');
});

import { describe, expect, test } from 'vitest';
import type { OpeningHours } from '../sites/hours.ts';
import { bookingOffer, OFFER_TEXTS, type OfferPort, offeredService, spreadSlots } from './offer.ts';
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

// Open every day 08:00–10:00 (one-hour step), so the first free starts are plain to read.
const DAILY: OpeningHours = Object.fromEntries(
  (['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const).map((d) => [d, [['08:00', '10:00']]]),
) as OpeningHours;
const SETTINGS = { capacity: 1, horizonDays: 30, leadMinutes: 0, stepMinutes: 60, state: null };
const OIL = { id: 'oil', name: 'Ölwechsel', durationMinutes: 60, bufferMinutes: 0 };
// A Monday night in Berlin.
const NOW = new Date('2027-03-07T23:30:00Z');

/** The workshop's booking data as the port hands it over; `busyAll` fills every day up to a date. */
function port(options: { enabled?: boolean; busyUntil?: string; reads?: string[] } = {}): OfferPort {
  const reads = options.reads ?? [];
  return {
    booking: async () => {
      reads.push('booking');
      return options.enabled === false ? null : { workshopName: 'Autohaus Test', settings: SETTINGS, hours: DAILY };
    },
    services: async () => {
      reads.push('services');
      return [OIL];
    },
    busy: async (from) => {
      reads.push('busy');
      return options.busyUntil ? [{ start: from, end: new Date(options.busyUntil), bays: 1 }] : [];
    },
  };
}

describe('the offer after an answer', () => {
  test.each([
    [
      'the bookable service asked about: the first start of three days',
      [hit('service', 'oil')],
      {},
      ['2027-03-08T08:00', '2027-03-09T08:00', '2027-03-10T08:00'],
    ],
    ['online booking off', [hit('service', 'oil')], { enabled: false }, null],
    ['a service not booked online', [hit('service', 'paint')], {}, null],
    [
      'two weeks full: the rest of the window',
      [hit('service', 'oil')],
      { busyUntil: '2027-03-25T00:00:00Z' },
      ['2027-03-25T08:00', '2027-03-26T08:00', '2027-03-27T08:00'],
    ],
    ['the whole window full', [hit('service', 'oil')], { busyUntil: '2027-05-01T00:00:00Z' }, null],
  ])('%s', async (_name, hits, options, expected) => {
    const offer = await bookingOffer(hits, 'de', port(options), NOW);
    expect(offer?.slots.map((s) => s.start.slice(0, 16)) ?? null).toEqual(expected);
    if (offer) {
      expect(offer.text).toBe(OFFER_TEXTS.de.intro('Ölwechsel'));
      expect(offer.consent.text).toContain('Autohaus Test');
    }
  });

  test('no service among the hits: nothing is read', async () => {
    const reads: string[] = [];
    expect(await bookingOffer([hit('faq', 'f1')], 'de', port({ reads }), NOW)).toBeNull();
    expect(reads).toEqual([]);
  });
});

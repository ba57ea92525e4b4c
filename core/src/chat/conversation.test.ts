import { describe, expect, test } from 'vitest';
import {
  authorLabel,
  inboxOrder,
  isoMoment,
  needsStaffNotice,
  parseCursor,
  type Role,
  staffHolds,
  statusAfterVisitorMessage,
} from './conversation.ts';

describe('who has the conversation', () => {
  test.each([
    ['open', false, 'open'],
    ['handoff', true, 'handoff'],
    ['answered', true, 'handoff'],
    ['closed', false, 'open'],
    [null, false, 'open'],
  ])('%s: staff hold it %s, after a visitor message it is %s', (status, holds, next) => {
    expect(staffHolds(status)).toBe(holds);
    expect(statusAfterVisitorMessage(status)).toBe(next);
  });
});

describe('the visitor is told once that a person will answer', () => {
  test.each<[Role[], boolean]>([
    [['visitor', 'assistant', 'system', 'visitor'], false],
    [['visitor', 'system', 'staff', 'visitor'], true],
    [['visitor', 'system', 'staff', 'visitor', 'system', 'visitor'], false],
    [['visitor', 'system', 'staff', 'visitor', 'system', 'staff', 'visitor'], true],
    [['visitor'], true],
  ])('%j → %s', (roles, expected) => {
    expect(needsStaffNotice(roles)).toBe(expected);
  });
});

describe('the widget cursor', () => {
  test.each([
    ['2026-05-02T10:00:00.123Z', '2026-05-02T10:00:00.123Z'],
    ['1777716000123', '2026-05-02T10:00:00.123Z'],
    ['not a date', '1970-01-01T00:00:00.000Z'],
    [undefined, '1970-01-01T00:00:00.000Z'],
    [['1777716000123'], '1970-01-01T00:00:00.000Z'],
    ['9'.repeat(50), '1970-01-01T00:00:00.000Z'],
  ])('%j → %s', (raw, expected) => {
    expect(parseCursor(raw).toISOString()).toBe(expected);
  });

  test.each([
    [1777716000123, '2026-05-02T10:00:00.123Z'],
    ['1777716000123', '2026-05-02T10:00:00.123Z'],
    [new Date('2026-05-02T10:00:00.123Z'), '2026-05-02T10:00:00.123Z'],
    ['2026-05-02T10:00:00.123Z', '2026-05-02T10:00:00.123Z'],
    [null, null],
    ['', null],
  ])('a stored %j reads as %s', (raw, expected) => {
    expect(isoMoment(raw)).toBe(expected);
  });
});

describe('the inbox', () => {
  test('waiting conversations first, closed last, otherwise latest activity first', () => {
    const list = [
      { id: 'closed-new', status: 'closed', last_message_at: '2026-05-02T12:00:00Z' },
      { id: 'open-old', status: 'open', last_message_at: '2026-05-01T08:00:00Z' },
      { id: 'waiting-old', status: 'handoff', last_message_at: '2026-05-01T09:00:00Z' },
      { id: 'answered-new', status: 'answered', last_message_at: '2026-05-02T11:00:00Z' },
      { id: 'waiting-new', status: 'handoff', last_message_at: null, date_created: '2026-05-02T10:00:00Z' },
    ];
    expect([...list].sort(inboxOrder).map((c) => c.id)).toEqual([
      'waiting-new',
      'waiting-old',
      'answered-new',
      'open-old',
      'closed-new',
    ]);
  });

  test.each([
    ['visitor', null, 'Besucher'],
    ['assistant', null, 'Assistent'],
    ['system', null, 'Hinweis'],
    ['staff', { first_name: 'Lena', last_name: 'Maier' }, 'Lena Maier (Team)'],
    ['staff', null, 'Team'],
  ])('%s by %j reads as %s', (role, author, label) => {
    expect(authorLabel(role, author)).toBe(label);
  });
});

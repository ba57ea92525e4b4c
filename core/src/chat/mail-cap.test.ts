import { expect, test } from 'vitest';
import { lastMailHint, mailDecision, suppressedNote } from './mail-cap.ts';

test.each([
  [0, 20, 'send'],
  [18, 20, 'send'],
  [19, 20, 'send-last'],
  [20, 20, 'suppress'],
  [500, 20, 'suppress'],
  [0, 1, 'send-last'],
])('%i mails sent, limit %i → %s', (sent, limit, expected) => {
  expect(mailDecision(sent, limit)).toBe(expected);
});

test('the texts name limit and window in German', () => {
  expect(lastMailHint(20, 3600)).toContain('20. Benachrichtigung aus dem Chat innerhalb einer Stunde');
  expect(suppressedNote(5, 1800, new Date('2026-11-23T10:15:00Z'))).toBe(
    '[CarBot 2026-11-23 10:15 UTC] Keine E-Mail-Benachrichtigung: Es gingen bereits 5 Chat-Benachrichtigungen innerhalb 30 Minuten an die Werkstatt (Schutz vor massenhaften Anfragen).',
  );
});

import { expect, test } from 'vitest';
import { aiNotice, NOTICE_VERSIONS, shownNoticeVersion } from './ai-notice.ts';
import type { Language } from './language.ts';

test.each<[Language, boolean, RegExp, string]>([
  ['de', true, /KI-Assistent, kein Mensch/, NOTICE_VERSIONS.ai],
  ['de', false, /automatischer Assistent, kein Mensch/, NOTICE_VERSIONS.data],
  ['en', true, /AI assistant answers here, not a person/, NOTICE_VERSIONS.ai],
  ['en', false, /automated assistant answers here, not a person/, NOTICE_VERSIONS.data],
  ['tr', true, /yapay zekâ \(YZ\) asistanı/, NOTICE_VERSIONS.ai],
  ['tr', false, /otomatik bir asistan/, NOTICE_VERSIONS.data],
  ['pl', true, /asystent AI/, NOTICE_VERSIONS.ai],
  ['pl', false, /automatyczny asystent/, NOTICE_VERSIONS.data],
])('%s, language model %s → says who answers, versioned', (language, llm, words, version) => {
  const notice = aiNotice(language, llm, 'Autohaus Beispiel');
  expect(notice.text).toMatch(words);
  expect(notice.text).toContain('Autohaus Beispiel');
  expect(notice.version).toBe(version);
});

test('the two modes never share a version', () => {
  expect(NOTICE_VERSIONS.ai).not.toBe(NOTICE_VERSIONS.data);
});

test.each<[string, unknown, boolean, string]>([
  ['the version the widget showed', NOTICE_VERSIONS.data, true, NOTICE_VERSIONS.data],
  ['nothing claimed, with a model', undefined, true, NOTICE_VERSIONS.ai],
  ['nothing claimed, without a model', undefined, false, NOTICE_VERSIONS.data],
  ['an invented version', 'egal', true, NOTICE_VERSIONS.ai],
  ['not a string', { v: 1 }, false, NOTICE_VERSIONS.data],
])('stored version: %s', (_label, claimed, llm, stored) => {
  expect(shownNoticeVersion(claimed, llm)).toBe(stored);
});

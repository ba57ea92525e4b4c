/**
 * The notice the chat shows at its first view, before the visitor writes anything: who answers (EU AI Act
 * Art. 50 (1): people must be told that they interact with an AI system, clearly and at the latest at the
 * first interaction). It is part of the widget's configuration, not a setting: no tenant can switch it off.
 *
 * Each wording has a version; the conversation stores the version the visitor was shown, so the workshop
 * can prove later what the visitor read. Change the text → change the version.
 */
import type { Language } from './language.ts';

/** `ai`: a language model writes the answers; `data`: without one, answers are put together from the workshop's data. */
export type NoticeMode = 'ai' | 'data';

export const NOTICE_VERSIONS: Record<NoticeMode, string> = { ai: 'ki-2026-11', data: 'daten-2026-11' };

const TEXTS: Record<Language, Record<NoticeMode, (workshop: string) => string>> = {
  de: {
    ai: (w) =>
      `Hinweis: Hier antwortet ein KI-Assistent, kein Mensch. Die Antworten entstehen automatisch aus den Angaben von ${w} und können Fehler enthalten – verbindlich ist die Auskunft der Werkstatt.`,
    data: (w) =>
      `Hinweis: Hier antwortet ein automatischer Assistent, kein Mensch. Die Antworten werden aus den Angaben von ${w} zusammengestellt – verbindlich ist die Auskunft der Werkstatt.`,
  },
  en: {
    ai: (w) =>
      `Please note: an AI assistant answers here, not a person. Answers are generated automatically from the information of ${w} and may contain mistakes – the workshop's own information is binding.`,
    data: (w) =>
      `Please note: an automated assistant answers here, not a person. Answers are put together from the information of ${w} – the workshop's own information is binding.`,
  },
  tr: {
    ai: (w) =>
      `Not: Burada bir insan değil, yapay zekâ (YZ) asistanı yanıt veriyor. Yanıtlar ${w} bilgilerinden otomatik olarak oluşturulur ve hata içerebilir – bağlayıcı olan atölyenin verdiği bilgidir.`,
    data: (w) =>
      `Not: Burada bir insan değil, otomatik bir asistan yanıt veriyor. Yanıtlar ${w} bilgilerinden derlenir – bağlayıcı olan atölyenin verdiği bilgidir.`,
  },
  pl: {
    ai: (w) =>
      `Uwaga: tutaj odpowiada asystent AI (sztuczna inteligencja), a nie człowiek. Odpowiedzi powstają automatycznie na podstawie informacji ${w} i mogą zawierać błędy – wiążąca jest informacja warsztatu.`,
    data: (w) =>
      `Uwaga: tutaj odpowiada automatyczny asystent, a nie człowiek. Odpowiedzi są zestawiane z informacji ${w} – wiążąca jest informacja warsztatu.`,
  },
};

export type AiNotice = { version: string; text: string };

/** The notice for the widget's first view: with a language model configured it names AI, otherwise the workshop's data. */
export function aiNotice(language: Language, llmConfigured: boolean, workshop: string): AiNotice {
  const mode: NoticeMode = llmConfigured ? 'ai' : 'data';
  return { version: NOTICE_VERSIONS[mode], text: TEXTS[language][mode](workshop) };
}

/**
 * The version to store with a new conversation: the one the widget says it showed, if it is one we ever
 * delivered; otherwise (an old or foreign widget) the one the configuration answers with right now.
 */
export function shownNoticeVersion(claimed: unknown, llmConfigured: boolean): string {
  const known = Object.values(NOTICE_VERSIONS);
  return typeof claimed === 'string' && known.includes(claimed)
    ? claimed
    : NOTICE_VERSIONS[llmConfigured ? 'ai' : 'data'];
}

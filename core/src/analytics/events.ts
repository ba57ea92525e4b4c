/**
 * The events CarBot counts, as rows of `analytics_events`: workshop, type, path, day, visitor hash —
 * never an IP address or a cookie id. Page views come from the site server in batches; widget events are
 * recorded by Directus where they happen (the chat endpoint knows where an answer came from).
 */
import { z } from 'zod';
import { calendarDay, hasControlCharacters, stripControlCharacters } from '../text/input.ts';

export const EVENT_TYPES = [
  'page_view',
  'chat_open',
  'question',
  'answer_data',
  'answer_ai',
  'answer_none',
  'lead',
  'handoff',
  'booking',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * Which kind of answer the assistant gave: nothing in the workshop's data matched ("not found", whatever
 * the model then said), the model answered from the data, or the data answered without a model.
 */
export function answerKind(outcome: { sources: readonly unknown[]; fallback: string | null }): EventType {
  if (outcome.sources.length === 0) return 'answer_none';
  return outcome.fallback === null ? 'answer_ai' : 'answer_data';
}

const UUID = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
// Control characters (a NUL above all) cannot be stored in PostgreSQL text and mean nothing in a path.
const plain = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !hasControlCharacters(s));
/** The moments a view can have been counted at: this century, and no date the database cannot hold. */
const MOMENT = z
  .number()
  .int()
  .min(Date.UTC(2000, 0, 1))
  .max(Date.UTC(9999, 11, 31));

/** Page views per batch from one site server (flushed every ~2 s; a busy server sends several). */
export const MAX_BATCH = 1000;

export const pageViewSchema = z.object({
  workshop: UUID,
  path: plain(500).pipe(z.string().min(1)),
  day: calendarDay,
  visitor: z.string().regex(/^[0-9a-f]{32}$/),
  referrer_host: plain(255).nullable().optional(),
  language: plain(8).nullable().optional(),
  at: MOMENT,
});
export type PageView = z.infer<typeof pageViewSchema>;

export const batchSchema = z.object({ views: z.array(pageViewSchema).max(MAX_BATCH) });

/** The language of a workshop page from its path (`/en/…`), German otherwise. */
export function pathLanguage(path: string): string {
  const m = /^\/(en|tr|pl)(?:\/|$)/.exec(path);
  return m ? (m[1] as string) : 'de';
}

/** Paths as counted: without query or fragment, without a trailing slash, at most 500 characters. */
export function countedPath(rawUrl: string): string {
  const end = rawUrl.search(/[?#]/);
  let path = end === -1 ? rawUrl : rawUrl.slice(0, end);
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  try {
    path = decodeURI(path);
  } catch {
    // Counted as sent.
  }
  return (stripControlCharacters(path) || '/').slice(0, 500);
}

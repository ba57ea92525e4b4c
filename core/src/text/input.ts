/**
 * What people type, cleaned and checked the same way everywhere (registration, the chat's lead form and
 * messages): one text cleaner and one e-mail rule, as zod schemas the endpoints' parsers build on.
 */
import { z } from 'zod';

// Control characters other than whitespace: nobody types them; they break mail headers and logs.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g;

/**
 * The text cleaner: Unicode NFC, control characters removed, trimmed. One-line text (names, places,
 * addresses) has every run of whitespace, line breaks included, collapsed to one space; multi-line text
 * (messages, requests) keeps its lines.
 */
export function cleanText(value: string, lines: 'one' | 'many' = 'one'): string {
  const normalised = value.normalize('NFC');
  const spaced =
    lines === 'one' ? normalised.replace(/\s+/g, ' ') : normalised.replace(/\r\n?/g, '\n').replace(/[\v\f]/g, '');
  return spaced.replace(CONTROL, '').trim();
}

/** Whether the text carries control characters (other than whitespace) that the cleaner would drop. */
export const hasControlCharacters = (value: string): boolean => new RegExp(CONTROL.source).test(value);

/** The text without those control characters, otherwise as it was (paths, identifiers). */
export const stripControlCharacters = (value: string): string => value.replace(CONTROL, '');

/**
 * A calendar day as `YYYY-MM-DD` that exists: zod's ISO date rule knows month lengths and leap years, so
 * `2026-02-31` fails here instead of rolling over into March (or failing in the database).
 */
export const calendarDay = z.iso.date();

/** A one-line text field, cleaned; anything but a string fails. */
export const oneLineText = z.string().transform((s) => cleanText(s, 'one'));
/** A multi-line text field, cleaned; anything but a string fails. */
export const multiLineText = z.string().transform((s) => cleanText(s, 'many'));

/**
 * The e-mail rule: a local part without spaces or mail-header specials, a domain of proper labels
 * and a top-level domain of letters, 254 characters at most; lower-cased, cleaned like one-line text.
 */
const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
export const emailAddress = oneLineText.pipe(z.string().toLowerCase().max(254).regex(EMAIL));

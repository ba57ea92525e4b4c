/**
 * Who has a conversation, and how the widget reads it. A conversation is `open` while the assistant
 * answers; a visitor's request for a person makes it `handoff` (waiting for staff); a staff reply makes it
 * `answered`; staff close it with `closed`. While staff have it (waiting or answered) the assistant stays
 * quiet and the visitor's messages go to staff.
 */

export const CONVERSATION_STATUSES = ['handoff', 'open', 'answered', 'closed'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

/** Labels of the staff inbox and the admin, in the order the inbox lists them (waiting first). */
export const STATUS_LABELS: Record<ConversationStatus, string> = {
  handoff: 'Wartet auf Team',
  open: 'Offen',
  answered: 'Beantwortet',
  closed: 'Abgeschlossen',
};

/** Staff have the conversation: the assistant does not answer the visitor. */
export const staffHolds = (status: unknown): boolean => status === 'handoff' || status === 'answered';

/** A visitor writes: an answered conversation waits for staff again; a closed one is open to the assistant again. */
export function statusAfterVisitorMessage(status: unknown): ConversationStatus {
  if (staffHolds(status)) return 'handoff';
  return 'open';
}

/** Roles of the chat log as the widget shows them. */
export type Role = 'visitor' | 'assistant' | 'staff' | 'system';

/**
 * Whether the visitor, writing while staff have the conversation, should be told once that a person will
 * answer: not when something already said so since staff last wrote (the handoff confirmation or an
 * earlier notice). `roles` are the conversation's roles, oldest first.
 */
export function needsStaffNotice(roles: readonly Role[]): boolean {
  for (let i = roles.length - 1; i >= 0; i -= 1) {
    if (roles[i] === 'system') return false;
    if (roles[i] === 'staff') return true;
  }
  return true;
}

/**
 * The moment after which the widget asks for messages. Accepts an ISO time or epoch milliseconds (what
 * SQLite hands out as a message's `date_created`, and what older widget builds send back); anything else
 * means "from the start".
 */
export function parseCursor(value: unknown): Date {
  if (typeof value !== 'string' || value.length > 40) return new Date(0);
  const date = /^\d{1,16}$/.test(value) ? new Date(Number(value)) : new Date(value);
  return Number.isNaN(date.getTime()) ? new Date(0) : date;
}

/** A stored moment as ISO text, whatever the driver returned (Date, epoch ms as number or text, ISO text). */
export function isoMoment(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date =
    value instanceof Date
      ? value
      : typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value))
        ? new Date(Number(value))
        : new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Inbox order: conversations waiting for staff first, closed ones last, otherwise the latest activity first. */
export function inboxOrder(
  a: { status: string; last_message_at?: string | null; date_created?: string | null },
  b: { status: string; last_message_at?: string | null; date_created?: string | null },
): number {
  const rank = (status: string) => (status === 'handoff' ? 0 : status === 'closed' ? 2 : 1);
  const at = (c: typeof a) => Date.parse(c.last_message_at ?? c.date_created ?? '') || 0;
  return rank(a.status) - rank(b.status) || at(b) - at(a);
}

/** Who wrote a message, as staff read it in the inbox. */
export function authorLabel(role: string, author?: { first_name?: string | null; last_name?: string | null } | null) {
  if (role === 'visitor') return 'Besucher';
  if (role === 'assistant') return 'Assistent';
  if (role === 'system') return 'Hinweis';
  const name = [author?.first_name, author?.last_name].filter(Boolean).join(' ');
  return name ? `${name} (Team)` : 'Team';
}

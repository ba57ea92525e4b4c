/**
 * The one thing the widget keeps in the visitor's browser, and only once a conversation exists: its
 * session in sessionStorage (this tab, this site), so the chat survives navigating to another page.
 * Forgotten after 30 minutes without activity.
 */
export type Saved = { s: string; o: boolean; t: number };

const IDLE_MS = 30 * 60_000;

export const storageKey = (clientKey: string) => `carbot:${clientKey.slice(-16)}`;

/** The conversation kept for this key, unless there is none or it has been idle too long (then it is removed). */
export function saved(key: string): Saved | undefined {
  try {
    const value = JSON.parse(sessionStorage.getItem(key) ?? 'null') as Saved | null;
    if (value && Date.now() - value.t < IDLE_MS) return value;
    if (value) sessionStorage.removeItem(key);
  } catch {
    // no storage (disabled, sandboxed frame) or a value we did not write
  }
  return undefined;
}

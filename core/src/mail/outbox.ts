/**
 * Retry schedule of the mail outbox: a notification that could not be delivered is tried again with
 * growing pauses (base, 2×, 4×, … capped at an hour) for about a day, so a mail server that is down
 * for a while delays a lead notification but never loses it.
 */
export const MAX_ATTEMPTS = 30;

export function retryDelayMs(attempts: number, baseMs = 30_000): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 16));
  return Math.min(baseMs * 2 ** exponent, 3_600_000);
}

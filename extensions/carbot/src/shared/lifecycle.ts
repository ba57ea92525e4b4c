import type { Knex } from 'knex';

/**
 * What the health endpoint and the background jobs of this Directus process share: whether the process
 * is shutting down, the work in flight that shutdown must wait for, and how far the chat's search index
 * lags behind. One module instance per process (the bundle loads it once).
 */

let draining = false;
const inflight = new Set<Promise<unknown>>();
let searchPendingSince: number | null = null;
let installed = false;

export const isDraining = () => draining;

/**
 * Registers background work (an outbox run) that must end before the database goes away: a mail that
 * left must get its "sent" stamp, or the next instance would send it again.
 */
export function track<T>(work: Promise<T>): Promise<T> {
  inflight.add(work);
  const done = () => inflight.delete(work);
  work.then(done, done);
  return work;
}

/**
 * On SIGTERM (or SIGINT/SIGHUP, like Directus) readiness fails at once and no new background run starts.
 * Directus then stops accepting connections, lets running requests — chat streams included — finish for
 * up to SERVER_SHUTDOWN_TIMEOUT, and destroys its database pool; that destroy waits here for tracked work
 * (at most `maxWaitMs`), so an outbox run in flight records what it sent.
 */
export function installShutdown(database: Knex, maxWaitMs: number) {
  if (installed) return;
  installed = true;
  const signals = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;
  const onSignal = (signal: NodeJS.Signals) => {
    draining = true;
    if (process.listenerCount(signal) > 1) return;
    // Only this listener is left: Directus has finished its shutdown and sent the signal again to end the
    // process, which a listener would otherwise prevent.
    for (const s of signals) process.removeListener(s, onSignal);
    process.kill(process.pid, signal);
  };
  for (const signal of signals) process.on(signal, onSignal);
  const destroy = database.destroy.bind(database) as (...args: unknown[]) => Promise<void>;
  const waitingDestroy = async (...args: unknown[]) => {
    if (inflight.size) {
      const limit = new Promise((resolve) => setTimeout(resolve, maxWaitMs).unref());
      await Promise.race([Promise.allSettled([...inflight]), limit]);
    }
    return destroy(...args);
  };
  // knex defines destroy read-only but configurable.
  Object.defineProperty(database, 'destroy', { value: waitingDestroy, configurable: true, writable: false });
}

/** The search-index hook reports when changes start waiting and when the index has caught up. */
export function searchIndexPending(pending: boolean, now = Date.now()) {
  if (!pending) searchPendingSince = null;
  else searchPendingSince ??= now;
}

export const searchIndexPendingSince = () => searchPendingSince;

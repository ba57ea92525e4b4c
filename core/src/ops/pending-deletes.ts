/**
 * What a delete filter looks up about rows before they go (their tenant, their workshop), kept for the
 * delete's action, which can no longer read them. Directus runs delete filters before it checks
 * permissions, so a refused delete never reaches its action: its entry expires instead of piling up.
 */
export function pendingDeletes<T>(ttlMs = 60_000) {
  const entries = new Map<string, { value: T }>();
  return {
    set(key: string, value: T) {
      const entry = { value };
      entries.set(key, entry);
      setTimeout(() => {
        if (entries.get(key) === entry) entries.delete(key);
      }, ttlMs).unref();
    },
    take(key: string): T | undefined {
      const entry = entries.get(key);
      entries.delete(key);
      return entry?.value;
    },
  };
}

/**
 * Page views as the site server counts them: `record` only pushes what the request brought (it costs
 * microseconds on a cached page); every `flushMs` the buffer is hashed with the day's salt — fetched from
 * Directus, which keeps it in Redis or memory for that day only — and sent to Directus in one batch. The
 * IP address and user agent live in this buffer for at most one flush interval and are never sent on.
 */
import { countedPath, MAX_BATCH, type PageView, pathLanguage } from './events.ts';
import { berlinDay, referrerHost, SALT_GRACE_MS, SITES_SECRET_HEADER, visitorId } from './visitor.ts';

export type RawView = {
  workshop: string;
  url: string;
  ip: string;
  userAgent: string;
  referrer: string | null;
  host: string;
  at: number;
};

export type CounterOptions = {
  directusUrl: string;
  secret: string;
  flushMs?: number;
  /** Raw views kept at most while Directus is unreachable; beyond that new ones are not counted. */
  maxPending?: number;
  fetch?: typeof fetch;
  warn?: (message: string) => void;
};

export class PageViewCounter {
  readonly #raw: RawView[] = [];
  #hashed: PageView[] = [];
  readonly #salts = new Map<string, string>();
  readonly #options: Required<Omit<CounterOptions, 'warn'>> & { warn: (message: string) => void };
  #timer: ReturnType<typeof setInterval> | null = null;
  #flushing: Promise<void> | null = null;
  #warnedAt = 0;
  dropped = 0;
  sent = 0;

  constructor(options: CounterOptions) {
    this.#options = {
      flushMs: 2000,
      maxPending: 20_000,
      fetch: globalThis.fetch,
      warn: (message) => console.warn(message),
      ...options,
      directusUrl: options.directusUrl.replace(/\/+$/, ''),
    };
  }

  /** Called on the request path: no hashing, no I/O. */
  record(view: RawView): void {
    if (this.#raw.length + this.#hashed.length >= this.#options.maxPending) {
      this.dropped += 1;
      return;
    }
    this.#raw.push(view);
  }

  get pending() {
    return this.#raw.length + this.#hashed.length;
  }

  start() {
    this.#timer ??= setInterval(() => void this.flush(), this.#options.flushMs);
    this.#timer.unref?.();
    return this;
  }

  async stop() {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.flush();
  }

  flush(): Promise<void> {
    this.#flushing ??= this.#flush().finally(() => {
      this.#flushing = null;
    });
    return this.#flushing;
  }

  #warn(message: string) {
    if (Date.now() - this.#warnedAt < 60_000) return;
    this.#warnedAt = Date.now();
    this.#options.warn(message);
  }

  async #salt(day: string, now: number): Promise<string | null> {
    const today = berlinDay(now);
    const yesterday = berlinDay(now - SALT_GRACE_MS);
    for (const known of this.#salts.keys()) if (known !== today && known !== yesterday) this.#salts.delete(known);
    if (day !== today && day !== yesterday) return null;
    const cached = this.#salts.get(day);
    if (cached) return cached;
    const res = await this.#options.fetch(`${this.#options.directusUrl}/carbot-analytics/salt?day=${day}`, {
      headers: { [SITES_SECRET_HEADER]: this.#options.secret },
      signal: AbortSignal.timeout(5000),
    });
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`Tagessalz: HTTP ${res.status}`);
    const salt = String(((await res.json()) as { data: { salt: string } }).data.salt);
    this.#salts.set(day, salt);
    return salt;
  }

  async #flush(): Promise<void> {
    const now = Date.now();
    // The raw views leave memory here, whatever happens next: IP addresses are never kept for a retry.
    const raw = this.#raw.splice(0);
    const byDay = new Map<string, RawView[]>();
    for (const v of raw) {
      const day = berlinDay(v.at);
      byDay.set(day, [...(byDay.get(day) ?? []), v]);
    }
    for (const [day, views] of byDay) {
      let salt: string | null = null;
      try {
        salt = await this.#salt(day, now);
      } catch (error) {
        this.#warn(
          `Seitenaufrufe: Directus nicht erreichbar (${(error as Error).message}); ${views.length} nicht gezählt.`,
        );
      }
      if (!salt) {
        this.dropped += views.length;
        continue;
      }
      for (const v of views) {
        const path = countedPath(v.url);
        this.#hashed.push({
          workshop: v.workshop,
          path,
          day,
          visitor: visitorId(salt, v.ip, v.userAgent, v.workshop),
          referrer_host: referrerHost(v.referrer, v.host),
          language: pathLanguage(path),
          at: v.at,
        });
      }
    }
    while (this.#hashed.length) {
      const batch = this.#hashed.slice(0, MAX_BATCH);
      try {
        const res = await this.#options.fetch(`${this.#options.directusUrl}/carbot-analytics/views`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [SITES_SECRET_HEADER]: this.#options.secret },
          body: JSON.stringify({ views: batch }),
          signal: AbortSignal.timeout(10_000),
        });
        if (res.status >= 500) throw new Error(`HTTP ${res.status}`);
        await res.body?.cancel();
        // A refused batch (4xx) would be refused again: it is dropped, not retried.
        if (!res.ok) this.dropped += batch.length;
        else this.sent += batch.length;
        this.#hashed = this.#hashed.slice(batch.length);
      } catch (error) {
        // Pseudonymous views wait for the next flush (bounded by maxPending).
        this.#warn(`Seitenaufrufe: Übermittlung an Directus fehlgeschlagen (${(error as Error).message}).`);
        return;
      }
    }
  }
}

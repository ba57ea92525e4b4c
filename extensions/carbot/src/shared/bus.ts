import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import { redisConnection, redisUrl } from './redis.js';

type Logger = { warn(obj: unknown, msg?: string): void };

export type Bus = {
  /** Whether messages reach the other instances (Redis) or only this process (embedded default). */
  readonly shared: boolean;
  publish(channel: string, message: unknown): Promise<void>;
  /**
   * `handler` gets every message of `channel`, this process's own included; `gap` runs when the
   * connection to Redis was lost and is back, because messages of that time are gone.
   */
  subscribe(channel: string, handler: (message: unknown) => void, gap?: () => void): void;
};

/** Channels of CarBot's bus; the site servers listen on PURGE_CHANNEL too (sites/server.ts). */
export const CHANNEL = {
  purge: 'carbot:sites:purge',
  reindexed: 'carbot:search:reindexed',
  spend: 'carbot:ai:spend',
} as const;

const local = new EventEmitter();
local.setMaxListeners(0);
let sharedBus: Bus | null = null;

/**
 * Messages between the Directus instances and the site servers: Redis publish/subscribe when `REDIS` is
 * configured (Directus's own variable), an in-process emitter otherwise. Nothing here is durable: a
 * listener that was away learns about it through `gap` and drops what it cached.
 */
export function messageBus(env: Record<string, unknown>, logger: Logger): Bus {
  const url = redisUrl(env, 'REDIS');
  if (!url) {
    return {
      shared: false,
      publish: async (channel, message) => void local.emit(channel, message),
      subscribe: (channel, handler) => void local.on(channel, handler),
    };
  }
  if (sharedBus) return sharedBus;
  const handlers = new Map<string, Set<(message: unknown) => void>>();
  const gaps = new Set<() => void>();
  let subscriber: Promise<Redis> | null = null;
  const listen = () => {
    subscriber ??= redisConnection(url, 'subscriber', logger).then((client) => {
      let lost = false;
      client.on('close', () => {
        lost = true;
      });
      client.on('ready', () => {
        if (!lost) return;
        lost = false;
        for (const gap of gaps) gap();
      });
      client.on('message', (channel: string, text: string) => {
        let message: unknown;
        try {
          message = JSON.parse(text);
        } catch {
          return;
        }
        for (const handler of handlers.get(channel) ?? []) {
          try {
            handler(message);
          } catch (error) {
            logger.warn(error, `Nachricht auf ${channel} nicht verarbeitet.`);
          }
        }
      });
      return client;
    });
    return subscriber;
  };
  const bus: Bus = {
    shared: true,
    async publish(channel, message) {
      try {
        const client = await redisConnection(url, 'commands', logger);
        // The command connection queues nothing while it is not connected: wait briefly for it (the first
        // message after a start, a reconnect) rather than lose a purge.
        if (client.status !== 'ready') {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, 2000);
            client.once('ready', () => {
              clearTimeout(timer);
              resolve();
            });
          });
        }
        await client.publish(channel, JSON.stringify(message));
      } catch (error) {
        logger.warn(error, `Nachricht auf ${channel} nicht gesendet.`);
      }
    },
    subscribe(channel, handler, gap) {
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        void listen().then((client) =>
          client.subscribe(channel).catch((error: unknown) => logger.warn(error, `${channel} nicht abonniert.`)),
        );
      }
      set.add(handler);
      if (gap) gaps.add(gap);
    },
  };
  sharedBus = bus;
  return bus;
}

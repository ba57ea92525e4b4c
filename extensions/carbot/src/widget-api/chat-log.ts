import { timeOrderedId } from '@carbot/core/chat/message-id';
import type { SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';

export type ChatMessage = {
  conversation: string;
  tenant: string;
  role: 'visitor' | 'assistant' | 'system';
  content: string;
  sources?: unknown[];
  model?: string | null;
  fallback?: boolean;
  tokens_in?: number;
  tokens_out?: number;
  cost_eur?: number;
  latency_ms?: number;
};

type Emitter = { emitAction(event: string | string[], meta: Record<string, unknown>, context: unknown): void };

/**
 * Chat messages are an append-only log written on every answer, so they are inserted directly instead of
 * through ItemsService: a Directus write costs a transaction, payload processing and filter hooks — on
 * SQLite's single connection that queued every other visitor's answer behind it. What the hooks would add
 * is set here explicitly (a time-ordered id, tenant, time); the caller has already checked that the
 * conversation belongs to the key's workshop. The create events are still emitted, so Flows and other
 * extensions see new messages. Deployments with Directus's data cache list `messages` in
 * CACHE_AUTO_PURGE_IGNORE_LIST (see docker-compose.yml): chat traffic does not flush the cache, and the
 * admin reads messages uncached.
 */
export function chatLog(db: Knex, emitter: Emitter, getSchema: () => Promise<SchemaOverview>) {
  return {
    async append(message: ChatMessage, at: Date = new Date()): Promise<string> {
      const id = timeOrderedId(at.getTime());
      const payload = {
        id,
        date_created: at,
        ...message,
        sources: message.sources === undefined ? null : JSON.stringify(message.sources),
      };
      await db('messages').insert(payload);
      void getSchema()
        .then((schema) =>
          emitter.emitAction(
            ['items.create', 'messages.items.create'],
            { payload: { ...message, id }, key: id, collection: 'messages' },
            // system: the visitor has no Directus account; the caller checked the key and the conversation.
            { database: db, schema, accountability: null },
          ),
        )
        .catch(() => undefined);
      return id;
    },
  };
}

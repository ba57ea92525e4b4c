import { timeOrderedId } from '@carbot/core/chat/message-id';
import { defineHook } from '@directus/extensions-sdk';

/**
 * Staff replies written in the admin get time-ordered ids like the widget's messages (see chat-log in
 * widget-api), so a conversation's history lists in the order it was written.
 */
export default defineHook(({ filter }) => {
  filter<Record<string, unknown>>('messages.items.create', (payload) =>
    payload.id ? payload : { ...payload, id: timeOrderedId() },
  );
});

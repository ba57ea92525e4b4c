import { timeOrderedId } from '@carbot/core/chat/message-id';
import { defineHook } from '@directus/extensions-sdk';
import type { Accountability } from '@directus/types';
import type { Knex } from 'knex';

type Context = { accountability?: Accountability | null };

/**
 * Messages written in the admin (the chat inbox, or the conversation form) are staff replies:
 * - they get time-ordered ids like the widget's messages (see chat-log in widget-api), so a conversation's
 *   history lists in the order it was written;
 * - a workshop user always writes as `staff` and as themselves — nobody can put words into the visitor's
 *   or the assistant's mouth;
 * - the conversation is then `answered`: staff have it, and the assistant stays quiet until it is closed.
 */
export default defineHook(({ filter, action }, { services, getSchema, database, logger }) => {
  filter<Record<string, unknown>>('messages.items.create', (payload, _meta, context) => {
    const accountability = (context as Context).accountability;
    const withId = payload.id ? payload : { ...payload, id: timeOrderedId() };
    if (!accountability?.user) return withId;
    // Administrators and tooling tokens may write other roles (imports, migrations); they default to staff.
    if (accountability.admin) return { role: 'staff', author: accountability.user, ...withId };
    return { ...withId, role: 'staff', author: accountability.user };
  });

  action('messages.items.create', async ({ payload }) => {
    const message = payload as { role?: string; conversation?: string | { id?: string } };
    if (message.role !== 'staff' || !message.conversation) return;
    const conversation = typeof message.conversation === 'object' ? message.conversation.id : message.conversation;
    if (!conversation) return;
    try {
      const db = database as unknown as Knex;
      await db('conversations')
        .where('id', conversation)
        .update({ message_count: db.raw('coalesce(message_count, 0) + 1') });
      // system: the reply itself was checked against the user's permissions; this is its consequence.
      const conversations = new services.ItemsService('conversations', {
        schema: await getSchema(),
        accountability: null,
      });
      await conversations.updateOne(conversation, { status: 'answered', last_message_at: new Date() });
    } catch (error) {
      logger.warn(`Gespräch ${conversation}: Status nach Antwort nicht gesetzt: ${(error as Error).message}`);
    }
  });
});

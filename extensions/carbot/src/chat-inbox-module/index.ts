import { ROLE } from '@carbot/core/roles';
import { defineModule } from '@directus/extensions-sdk';
import InboxPage from './inbox-page.vue';

/**
 * "Chat-Postfach": the workshop team's conversations with visitors — waiting ones first, live through
 * Directus's websocket — with the whole thread, a reply box and the status. Everything goes through the
 * normal API with the signed-in user's own permissions, so each team sees only its own tenant's chats.
 */
export default defineModule({
  id: 'carbot-inbox',
  name: 'Chat-Postfach',
  icon: 'forum',
  routes: [
    { path: '', component: InboxPage },
    { path: ':conversation', component: InboxPage, props: true },
  ],
  preRegisterCheck: (user) => user.role?.id === ROLE.owner || user.role?.id === ROLE.staff,
});

import { ROLE } from '@carbot/core/roles';
import { defineModule } from '@directus/extensions-sdk';
import InsightsPage from './insights-page.vue';

/**
 * "Einblicke": the owner's dashboard of the cookie-less analytics — visitors, pages, chat, leads, AI cost,
 * and the questions the assistant could not answer, each one click away from an FAQ entry.
 */
export default defineModule({
  id: 'carbot-insights',
  name: 'Einblicke',
  icon: 'insights',
  routes: [{ path: '', component: InsightsPage }],
  preRegisterCheck: (user) => user.role?.id === ROLE.owner,
});

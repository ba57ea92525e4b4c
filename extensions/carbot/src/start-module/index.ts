import { ROLE } from '@carbot/core/roles';
import { defineModule } from '@directus/extensions-sdk';
import { startClosedOnPhones } from './phone-layout.js';
import StartPage from './start-page.vue';

if (typeof window !== 'undefined') startClosedOnPhones(window);

/** "Erste Schritte": where a new workshop owner lands, with what is still to do. */
export default defineModule({
  id: 'carbot-start',
  name: 'Erste Schritte',
  icon: 'flag',
  routes: [{ path: '', component: StartPage }],
  preRegisterCheck: (user) => user.role?.id === ROLE.owner || user.role?.id === ROLE.staff,
});

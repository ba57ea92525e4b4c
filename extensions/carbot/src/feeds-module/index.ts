import { ROLE } from '@carbot/core/roles';
import { defineModule } from '@directus/extensions-sdk';
import FeedsPage from './feeds-page.vue';

/**
 * "Fahrzeug-Feeds": a feed file uploaded with a progress bar and its run report, the last runs, the feeds,
 * and for owners a new feed or a new secret for an existing one, each secret shown once (the server never
 * shows it again).
 */
export default defineModule({
  id: 'carbot-feeds',
  name: 'Fahrzeug-Feeds',
  icon: 'sync_alt',
  routes: [{ path: '', component: FeedsPage }],
  preRegisterCheck: (user) => user.role?.id === ROLE.owner || user.role?.id === ROLE.staff,
});

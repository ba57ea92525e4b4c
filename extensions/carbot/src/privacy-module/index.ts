import { ROLE } from '@carbot/core/roles';
import { defineModule } from '@directus/extensions-sdk';
import PrivacyPage from './privacy-page.vue';

/** "Datenschutz → Auskunft & Löschung": a person's data found, exported (Art. 15/20) and erased (Art. 17). */
export default defineModule({
  id: 'carbot-privacy',
  name: 'Datenschutz',
  icon: 'policy',
  routes: [{ path: '', component: PrivacyPage }],
  preRegisterCheck: (user) => user.role?.id === ROLE.owner,
});

import { ROLE } from '@carbot/core/roles';
import { defineModule } from '@directus/extensions-sdk';
import BillingPage from './billing-page.vue';

/** "Abrechnung": plan, subscription state, usage against the limits, Checkout and Customer Portal. */
export default defineModule({
  id: 'carbot-billing',
  name: 'Abrechnung',
  icon: 'payments',
  routes: [{ path: '', component: BillingPage }],
  preRegisterCheck: (user) => user.role?.id === ROLE.owner,
});

import { ROLE } from '@carbot/core/roles';
import { defineModule } from '@directus/extensions-sdk';
import InsightsPage from './insights-page.vue';

/**
 * "Einblicke": the owner's dashboard of the cookie-less analytics — visitors, pages, chat, leads, AI cost,
 * and the questions the assistant could not answer, each one click away from an FAQ entry. For the platform
 * admin: tenants by plan and billing phase, trial conversion and MRR.
 */
export default defineModule({
  id: 'carbot-insights',
  name: 'Einblicke',
  icon: 'insights',
  routes: [{ path: '', component: InsightsPage }],
  // Owners see their tenant; the platform admin sees plans, trials and revenue across tenants.
  preRegisterCheck: (user) =>
    user.role?.id === ROLE.owner || (user as { admin_access?: boolean }).admin_access === true,
});

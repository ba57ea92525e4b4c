import { defineInterface } from '@directus/extensions-sdk';
import DomainList from './domain-list.vue';

/**
 * On the workshop form: each custom domain with its status, the TXT record that proves the workshop owns
 * it, and a button to check now (`/carbot-domains`). Unverified domains are not served.
 */
export default defineInterface({
  id: 'carbot-domain-verification',
  name: 'Domain-Nachweis',
  icon: 'verified',
  description: 'Zeigt, wie eigene Domains bestätigt werden, und prüft den DNS-Eintrag.',
  component: DomainList,
  types: ['alias'],
  localTypes: ['presentation'],
  group: 'presentation',
  options: null,
});

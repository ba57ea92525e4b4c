import { defineInterface } from '@directus/extensions-sdk';
import EmbedSnippet from './embed-snippet.vue';

/**
 * On the widget-key form, once saved: the script line to paste into the workshop's other websites, with
 * the real sites address and the key (from `/carbot-site/embed`), a copy button and how to test it.
 */
export default defineInterface({
  id: 'carbot-client-key-snippet',
  name: 'Einbau-Code',
  icon: 'code',
  description: 'Zeigt die Script-Zeile zum Einbinden des Chat-Widgets mit diesem Key.',
  component: EmbedSnippet,
  types: ['alias'],
  localTypes: ['presentation'],
  group: 'presentation',
  options: null,
});

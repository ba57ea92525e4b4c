import { defineInterface } from '@directus/extensions-sdk';
import PreviewButton from './preview-button.vue';

/**
 * Button on the workshop form: opens the website with its drafts through a signed one-hour link from
 * `/carbot-site/preview-link`, so an owner sees unpublished changes before publishing them.
 */
export default defineInterface({
  id: 'carbot-site-preview',
  name: 'Website-Vorschau',
  icon: 'preview',
  description: 'Öffnet die Website der Werkstatt mit Entwürfen (Link eine Stunde gültig).',
  component: PreviewButton,
  types: ['alias'],
  localTypes: ['presentation'],
  group: 'presentation',
  options: null,
});

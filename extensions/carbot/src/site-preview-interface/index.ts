import { defineInterface } from '@directus/extensions-sdk';
import PreviewButton from './preview-button.vue';

/**
 * Button on the workshop form (and the post form): opens the website with its drafts — or the post's page —
 * through a signed one-hour link from `/carbot-site/preview-link` (`/post-preview-link`), so unpublished
 * changes are seen before publishing them.
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
  options: [
    {
      field: 'target',
      name: 'Vorschau von',
      type: 'string',
      meta: {
        width: 'half',
        interface: 'select-dropdown',
        options: {
          choices: [
            { text: 'Website der Werkstatt', value: 'workshop' },
            { text: 'Beitrag', value: 'post' },
          ],
        },
      },
      schema: { default_value: 'workshop' },
    },
  ],
});

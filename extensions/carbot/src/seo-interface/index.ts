import { defineInterface } from '@directus/extensions-sdk';
import SeoInput from './seo-input.vue';

/**
 * SEO title and description with a character counter against what search engines show, and (on the
 * description) a preview of the search result built from the title, description and the post's title.
 */
export default defineInterface({
  id: 'carbot-seo',
  name: 'SEO-Text mit Vorschau',
  icon: 'travel_explore',
  description: 'Eingabe mit Zeichenzähler und Vorschau des Suchergebnisses.',
  component: SeoInput,
  types: ['string', 'text'],
  group: 'standard',
  options: [
    {
      field: 'kind',
      name: 'Art',
      type: 'string',
      meta: {
        width: 'half',
        interface: 'select-dropdown',
        options: {
          choices: [
            { text: 'SEO-Titel', value: 'title' },
            { text: 'SEO-Beschreibung', value: 'description' },
          ],
        },
      },
      schema: { default_value: 'title' },
    },
  ],
});

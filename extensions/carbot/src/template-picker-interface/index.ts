import { defineInterface } from '@directus/extensions-sdk';
import TemplatePicker from './template-picker.vue';

/**
 * The workshop's website template as a row of pictures (core/sites/thumbnails, drawn from each
 * template's colours) instead of a bare dropdown of names; the value stays the template's key (m2o).
 */
export default defineInterface({
  id: 'carbot-template-picker',
  name: 'Vorlagen-Auswahl mit Bildern',
  icon: 'palette',
  description: 'Website-Vorlage mit Vorschaubildern auswählen.',
  component: TemplatePicker,
  types: ['string'],
  localTypes: ['m2o'],
  group: 'relational',
  relational: true,
  options: null,
});

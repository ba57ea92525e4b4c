import { defineInterface } from '@directus/extensions-sdk';
import HoursEditor from './hours-editor.vue';

/**
 * Opening hours as a person edits them: a row per weekday with one or more time ranges or "geschlossen",
 * copy a day to all weekdays, closing days. Stores the JSON the site and the assistant read
 * (core/sites/hours): { mo: [["08:00","18:00"]], …, su: [], closures: [{ from, to, note }] }.
 */
export default defineInterface({
  id: 'carbot-opening-hours',
  name: 'Öffnungszeiten',
  icon: 'schedule',
  description: 'Öffnungszeiten je Wochentag mit Pausen, Ruhetagen und Schließtagen.',
  component: HoursEditor,
  types: ['json'],
  group: 'other',
  options: null,
});

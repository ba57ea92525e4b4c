import { defineInterface } from '@directus/extensions-sdk';
import DatePicker from './date-picker.vue';

/**
 * Date and time as a German workshop reads them: a Monday-first calendar with German weekday and month
 * names, dates typed as 29.11.2026 14:30. Directus 11's own picker shows "Sun Mon …" Sunday-first in
 * every language. Stores the same values as Directus's datetime interface.
 */
export default defineInterface({
  id: 'carbot-datetime',
  name: 'Datum & Uhrzeit',
  icon: 'event',
  description: 'Kalender mit deutschen Wochentagen (Woche beginnt am Montag) und Uhrzeit.',
  component: DatePicker,
  types: ['timestamp', 'dateTime', 'date'],
  group: 'selection',
  options: null,
});

import { expect, test } from 'vitest';
import { type ChecklistWorkshop, checklist, hasOpeningHours } from './checklist.ts';

const fresh: ChecklistWorkshop = {
  id: 'w1',
  status: 'draft',
  opening_hours: null,
  legal_name: null,
  managing_director: 'Anna Müller',
  street: null,
  postal_code: null,
  city: 'Leipzig',
  phone: null,
  email: 'anna@example.com',
  handwerkskammer: null,
};
const complete: ChecklistWorkshop = {
  ...fresh,
  status: 'published',
  opening_hours: { mo: [['08:00', '17:00']] },
  legal_name: 'Kfz-Technik Müller e. K.',
  street: 'Hauptstr. 1',
  postal_code: '04109',
  phone: '+49 341 123456',
  handwerkskammer: 'Handwerkskammer zu Leipzig',
};

test.each([
  [{ website: true, workshop: fresh, services: 0, faqs: 0, activeClientKeys: 0 }, []],
  [
    { website: true, workshop: complete, services: 3, faqs: 2, activeClientKeys: 1 },
    ['services', 'hours', 'faq', 'legal', 'publish', 'widget'],
  ],
  [{ website: false, workshop: complete, services: 1, faqs: 0, activeClientKeys: 0 }, ['services', 'hours', 'legal']],
  // The published CarBot website already shows the chat: nothing to embed.
  [
    { website: true, workshop: complete, services: 3, faqs: 2, activeClientKeys: 0 },
    ['services', 'hours', 'faq', 'legal', 'publish', 'widget'],
  ],
  [
    { website: true, workshop: { ...complete, status: 'draft' }, services: 3, faqs: 2, activeClientKeys: 0 },
    ['services', 'hours', 'faq', 'legal'],
  ],
  // Without a website plan the status says nothing about a chat anywhere.
  [{ website: false, workshop: complete, services: 0, faqs: 0, activeClientKeys: 0 }, ['hours', 'legal']],
  [{ website: false, workshop: complete, services: 0, faqs: 0, activeClientKeys: 2 }, ['hours', 'legal', 'widget']],
])('done steps for %j', (input, done) => {
  const steps = checklist(input);
  expect(steps.filter((s) => s.done).map((s) => s.key)).toEqual(done);
  expect(steps.some((s) => s.key === 'publish')).toBe(input.website);
});

test.each([
  [null, false],
  [{}, false],
  [{ mo: [] }, false],
  [{ mo: [['08:00', '12:00']] }, true],
  ['{"di":[["08:00","12:00"]]}', true],
  ['kaputt', false],
  [[1, 2], false],
])('hasOpeningHours(%j) = %s', (value, expected) => {
  expect(hasOpeningHours(value)).toBe(expected);
});

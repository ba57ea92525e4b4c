/**
 * With a model configured, a workshop's German FAQ is translated into the languages its website offers
 * when it is saved: marked as machine-translated, not sent again while the German text is unchanged, and
 * an owner's edit of a translation is theirs and is never replaced. The model is the local stand-in.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { tenants } from '../../seeds/demo/index.ts';
import { admin, as, login } from '../support/http.ts';
import { until } from '../support/wait.ts';

// Kfz-Meisterbetrieb Schneider: a website in German, English and Polish.
const schneider = tenants[1];
const llm = () => inject('edgeUrls').openai as string;
const steer = (control: Record<string, unknown>) =>
  fetch(`${llm()}/__control`, { method: 'POST', body: JSON.stringify(control) });
type Request = { messages: { role: string; content: string }[] };
const translationRequests = async () =>
  ((await (await fetch(`${llm()}/__requests`)).json()) as Request[]).filter((r) =>
    r.messages[0]?.content.includes('You translate website texts'),
  );

type Row = {
  id: number;
  languages_code: string;
  question: string;
  answer: string;
  machine_translated: boolean;
  source_hash: string | null;
};
let owner: ReturnType<typeof as>;
let faq: string;

/** Read as the admin: which German text a translation was made from is the server's, not shown to the owner. */
async function translationsOf(): Promise<Row[]> {
  const res = await admin().get(
    `/items/faqs_translations?filter[faqs_id][_eq]=${faq}&fields=id,languages_code,question,answer,machine_translated,source_hash&sort=languages_code`,
  );
  expect(res.status, res.text).toBe(200);
  return res.body.data;
}

beforeAll(async () => {
  owner = as(await login(schneider?.users[0]?.email as string, 'demo-carbot-2026'));
  await fetch(`${llm()}/__requests`, { method: 'DELETE' });
});

afterAll(async () => {
  await steer({});
});

test('a saved German FAQ appears in English and Polish, marked machine-translated, and an owner’s edit stays', async () => {
  await steer({ reply: '{"question":"Can I wash my car with you?","answer":"Yes, a hand wash costs 25 €."}' });
  const workshop = (await owner.get('/items/workshops?fields=id,languages&filter[slug][_eq]=kfz-schneider')).body
    .data[0];
  expect(workshop.languages).toEqual(['de', 'en', 'pl']);
  const created = await owner.post('/items/faqs', {
    workshop: workshop.id,
    status: 'published',
    translations: [
      {
        languages_code: 'de',
        question: 'Kann ich mein Auto bei Ihnen waschen?',
        answer: 'Ja, eine Handwäsche kostet 25 €.',
      },
    ],
  });
  expect(created.status, created.text).toBe(200);
  faq = created.body.data.id;

  const first = await until(
    async () => {
      const rows = await translationsOf();
      return rows.length === 3 && rows;
    },
    { what: 'Übersetzungen nach en und pl' },
  );
  expect(first.map((r) => [r.languages_code, r.machine_translated])).toEqual([
    ['de', false],
    ['en', true],
    ['pl', true],
  ]);
  expect(first[1]).toMatchObject({ question: 'Can I wash my car with you?', answer: 'Yes, a hand wash costs 25 €.' });
  const requests = await translationRequests();
  expect(requests.map((r) => /into (\w+)/.exec(r.messages[0]?.content ?? '')?.[1]).sort()).toEqual([
    'English',
    'Polish',
  ]);
  // The owner cannot forge which German text a translation was made from.
  const forged = await owner.patch(`/items/faqs_translations/${first[2]?.id}`, { source_hash: 'x' });
  expect(forged.status).toBe(403);

  // Saving the FAQ without changing its German text sends nothing to the model (checked below: the next
  // German change costs exactly one request per language that is still machine-made).
  await owner.patch(`/items/faqs/${faq}`, { sort: 3 });
  // The owner corrects the English text: it is theirs now.
  const edited = await owner.patch(`/items/faqs_translations/${first[1]?.id}`, {
    answer: 'Yes – a hand wash is 25 €.',
  });
  expect(edited.status, edited.text).toBe(200);
  expect((await translationsOf())[1]).toMatchObject({
    machine_translated: false,
    answer: 'Yes – a hand wash is 25 €.',
  });

  await steer({ reply: '{"question":"Czy mogę umyć u Państwa auto?","answer":"Tak, mycie ręczne kosztuje 30 €."}' });
  const german = first[0] as Row;
  await owner.patch(`/items/faqs_translations/${german.id}`, { answer: 'Ja, eine Handwäsche kostet 30 €.' });
  const second = await until(
    async () => {
      const rows = await translationsOf();
      return rows[2]?.source_hash !== first[2]?.source_hash && rows;
    },
    { what: 'neue polnische Übersetzung' },
  );
  expect(second[2]).toMatchObject({ machine_translated: true, answer: 'Tak, mycie ręczne kosztuje 30 €.' });
  expect(second[1]).toMatchObject({ machine_translated: false, answer: 'Yes – a hand wash is 25 €.' });
  expect(await translationRequests()).toHaveLength(3);
});

test('a seasonal offer’s German title and text are translated the same way; its German stays in the offer', async () => {
  await steer({ reply: '{"title":"Air-con check","text":"Check and refill for 49 €."}' });
  const workshop = (await owner.get('/items/workshops?fields=id&filter[slug][_eq]=kfz-schneider')).body.data[0];
  const created = await owner.post('/items/offers', {
    workshop: workshop.id,
    status: 'published',
    title: 'Klimacheck',
    text: 'Prüfen und befüllen für 49 €.',
  });
  expect(created.status, created.text).toBe(200);
  const offer = created.body.data.id;
  const rows = await until(
    async () => {
      const res = await admin().get(
        `/items/offers_translations?filter[offers_id][_eq]=${offer}&fields=id,languages_code,title,text,machine_translated&sort=languages_code`,
      );
      return res.body.data?.length === 2 && (res.body.data as Record<string, unknown>[]);
    },
    { what: 'Angebot nach en und pl' },
  );
  expect(rows.map((r) => [r.languages_code, r.machine_translated, r.title])).toEqual([
    ['en', true, 'Air-con check'],
    ['pl', true, 'Air-con check'],
  ]);
  // The owner sees and edits the translations like those of services and FAQ.
  const mine = await owner.get(`/items/offers/${offer}?fields=title,translations.languages_code,translations.title`);
  expect(mine.status, mine.text).toBe(200);
  expect(mine.body.data.title).toBe('Klimacheck');
  expect(mine.body.data.translations).toHaveLength(2);
  const edited = await owner.patch(`/items/offers_translations/${rows[0]?.id}`, { title: 'Air conditioning check' });
  expect(edited.status, edited.text).toBe(200);
  expect(edited.body.data.machine_translated).toBe(false);
});

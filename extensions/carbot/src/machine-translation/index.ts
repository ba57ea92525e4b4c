import {
  type Existing,
  languagesToTranslate,
  parseTranslation,
  sourceHash,
  type Texts,
  TRANSLATABLE,
  type TranslationCollection,
  translationMessages,
} from '@carbot/core/content/machine-translation';
import { defineHook } from '@directus/extensions-sdk';
import type { Knex } from 'knex';
import OpenAI from 'openai';

/**
 * Content collections whose German texts are translated, and the field of their translations that names
 * them. Services and FAQ keep their German text as a translation row too; an offer keeps it in its own
 * fields (`germanInParent`) and has translation rows for the other languages only.
 */
const PARENTS: Record<string, { translations: TranslationCollection; field: string; germanInParent?: boolean }> = {
  services: { translations: 'services_translations', field: 'services_id' },
  faqs: { translations: 'faqs_translations', field: 'faqs_id' },
  offers: { translations: 'offers_translations', field: 'offers_id', germanInParent: true },
};

const listOf = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') {
    try {
      return (JSON.parse(value) as unknown[]).map(String);
    } catch {
      return value.split(',');
    }
  }
  return [];
};

/**
 * With a model configured (OPENAI_API_KEY), a saved German service or FAQ text is translated into the
 * other languages its workshop's website offers, a moment after the save. Translations remember which
 * German text they were made from, so unchanged texts cost nothing; a translation someone edited is no
 * longer marked machine-made and is never replaced.
 */
export default defineHook(({ action, filter }, { services, getSchema, database, env, logger }) => {
  // Someone editing a machine translation's text takes it over: it is theirs from now on.
  for (const { translations } of Object.values(PARENTS)) {
    filter(`${translations}.items.update`, (payload: unknown) => {
      const data = payload as Record<string, unknown>;
      const edited = Object.keys(TRANSLATABLE[translations]).some((f) => f in data);
      if (edited && !('machine_translated' in data)) data.machine_translated = false;
      return data;
    });
  }
  if (!env.OPENAI_API_KEY) return;
  const openai = new OpenAI({
    apiKey: String(env.OPENAI_API_KEY),
    baseURL: env.OPENAI_BASE_URL ? String(env.OPENAI_BASE_URL) : undefined,
    maxRetries: 1,
    timeout: Number(env.CARBOT_TRANSLATION_TIMEOUT_MS ?? 60_000),
  });
  const model = String(env.OPENAI_MODEL ?? 'gpt-4o-mini');
  const db = database as unknown as Knex;

  async function translate(messages: ReturnType<typeof translationMessages>): Promise<string> {
    // Streamed like the chat, so any server that answers the chat answers this too.
    const stream = await openai.chat.completions.create({ model, stream: true, messages, temperature: 0 });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    return text;
  }

  async function translateOne(parent: string, id: string) {
    const { translations, field, germanInParent } = PARENTS[parent] as (typeof PARENTS)[string];
    const row = await db(parent).where('id', id).first();
    if (!row?.workshop) return; // platform content has no workshop and no offered languages
    const workshop = await db('workshops').where('id', row.workshop).first('languages');
    const rows: (Existing & Record<string, unknown>)[] = await db(translations).where(field, id);
    const german = germanInParent ? row : rows.find((r) => r.languages_code === 'de');
    if (!german) return;
    const source: Texts = Object.fromEntries(
      Object.keys(TRANSLATABLE[translations]).map((f) => [f, (german[f] as string | null) || null]),
    );
    if (!Object.values(source).some(Boolean)) return;
    const hash = sourceHash(source);
    const targets = languagesToTranslate(listOf(workshop?.languages), rows, hash);
    if (targets.length === 0) return;
    // system: the translation is the platform's work on the owner's saved text, with no user request to act as.
    const items = new services.ItemsService(translations, { schema: await getSchema(), accountability: null });
    for (const language of targets) {
      const texts = parseTranslation(await translate(translationMessages(source, language)), source, translations);
      if (!texts) {
        logger.warn(`Maschinelle Übersetzung nach ${language} unbrauchbar (${translations} ${id}); nichts geändert.`);
        continue;
      }
      const values = { ...texts, machine_translated: true, source_hash: hash };
      const existing = rows.find((r) => r.languages_code === language);
      if (existing) await items.updateOne(existing.id as string, values);
      else await items.createOne({ ...values, languages_code: language, [field]: id });
    }
  }

  // Saves come in bursts (a form with its translations, an import): each item is translated once, shortly after.
  const pending = new Map<string, { parent: string; id: string }>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  const flush = async () => {
    const work = [...pending.values()];
    pending.clear();
    for (const { parent, id } of work) {
      try {
        await translateOne(parent, id);
      } catch (error) {
        logger.warn(`Maschinelle Übersetzung fehlgeschlagen (${parent} ${id}): ${(error as Error).message}`);
      }
    }
  };
  const queue = (parent: string, ids: unknown[]) => {
    for (const id of ids)
      if (id !== null && id !== undefined) pending.set(`${parent}:${id}`, { parent, id: String(id) });
    if (pending.size === 0 || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      running = running.then(flush);
    }, 300);
  };

  for (const [parent, { translations, field }] of Object.entries(PARENTS)) {
    action(`${parent}.items.create`, ({ key }) => queue(parent, [key]));
    action(`${parent}.items.update`, ({ keys }) => queue(parent, keys as unknown[]));
    const ofTranslations = async (keys: unknown[]) => {
      const rows = await db(translations)
        .whereIn('id', keys as string[])
        .where('languages_code', 'de')
        .select(field);
      queue(
        parent,
        rows.map((r: Record<string, unknown>) => r[field]),
      );
    };
    action(`${translations}.items.create`, ({ key }) => ofTranslations([key]));
    action(`${translations}.items.update`, ({ keys }) => ofTranslations(keys as unknown[]));
  }
});

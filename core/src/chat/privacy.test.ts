import { expect, test } from 'vitest';
import type { Language } from './language.ts';
import { llmProcessor, privacyUrl } from './privacy.ts';

const local = { domain: 'localhost', port: '4321' };
const live = { domain: 'carbot.de', port: '443' };

test.each<[string, Language, string | null, { slug: string | null; status: string }, typeof local, string | null]>([
  [
    'own website',
    'de',
    'http://autohaus.localhost:4321',
    { slug: 'autohaus', status: 'published' },
    local,
    'http://autohaus.localhost:4321/datenschutz',
  ],
  [
    'own website, English',
    'en',
    'https://www.werkstatt.de',
    { slug: 'w', status: 'published' },
    live,
    'https://www.werkstatt.de/en/datenschutz',
  ],
  [
    'embedded, published site',
    'de',
    null,
    { slug: 'schneider', status: 'published' },
    live,
    'https://schneider.carbot.de/datenschutz',
  ],
  [
    'embedded, local',
    'pl',
    null,
    { slug: 'schneider', status: 'published' },
    local,
    'http://schneider.localhost:4321/pl/datenschutz',
  ],
  ['embedded, widget only', 'de', null, { slug: 'brandl', status: 'widget_only' }, live, null],
  ['embedded, draft', 'de', null, { slug: 'neu', status: 'draft' }, live, null],
])('%s', (_name, language, siteOrigin, workshop, sites, expected) => {
  expect(privacyUrl({ language, siteOrigin, workshop, sites })).toBe(expected);
});

test.each<[string, Parameters<typeof llmProcessor>[0], RegExp | null | 'platform']>([
  ['no model configured', { configured: false, baseUrl: 'https://api.openai.com/v1' }, null],
  ['OpenAI by default', { configured: true }, /^OpenAI Ireland Ltd\./],
  ['OpenAI explicitly', { configured: true, baseUrl: 'https://api.openai.com/v1' }, /^OpenAI Ireland Ltd\./],
  ['Azure OpenAI', { configured: true, baseUrl: 'https://carbot.openai.azure.com/openai' }, /^Microsoft Ireland/],
  ['Mistral', { configured: true, baseUrl: 'https://api.mistral.ai/v1' }, /^Mistral AI SAS/],
  ['a model on the platform’s own machine', { configured: true, baseUrl: 'http://127.0.0.1:11434/v1' }, 'platform'],
  ['a model in the platform’s network', { configured: true, baseUrl: 'http://llm:8000/v1' }, 'platform'],
  ['another provider, unnamed', { configured: true, baseUrl: 'https://llm.example.eu/v1' }, /llm\.example\.eu/],
  [
    'another provider, named by the operator',
    { configured: true, baseUrl: 'https://llm.example.eu/v1', named: 'Beispiel KI GmbH, Berlin' },
    /^Beispiel KI GmbH, Berlin$/,
  ],
])('%s', (_label, input, expected) => {
  const processor = llmProcessor(input);
  if (expected === null) return expect(processor).toBeNull();
  if (expected === 'platform') return expect(processor?.name).toBeNull();
  expect(processor?.name).toMatch(expected);
});

test('only OpenAI names a transfer to the USA', () => {
  expect(llmProcessor({ configured: true })?.transfer).toContain('Data Privacy Framework');
  expect(llmProcessor({ configured: true, baseUrl: 'https://api.mistral.ai/v1' })?.transfer).toBeNull();
});

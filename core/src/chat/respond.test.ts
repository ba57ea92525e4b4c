import { describe, expect, test } from 'vitest';
import type { OpeningHours } from '../sites/hours.ts';
import type { LlmMessage } from './answer.ts';
import { type LlmChunk, type LlmPort, type RespondEvent, type RespondPorts, respond } from './respond.ts';
import { servicePassage, workshopPassage } from './retrieval.ts';

const oil = servicePassage('s1', { name: 'Ölwechsel inkl. Ölfilter' }, '119', false, 45);
const contact = workshopPassage({ id: 'w1', name: 'Autohaus Test', phone: '+49 89 1', opening_hours: {} });

/** A model that streams the given chunks, or behaves as a broken one does. */
function fakeModel(behaviour: 'hang' | 'ignore-abort' | 'throw' | 'garbage' | LlmChunk[], seen: LlmMessage[][] = []) {
  const port: LlmPort = {
    model: 'gpt-4o-mini',
    async *stream(messages, signal) {
      seen.push(messages);
      if (behaviour === 'throw') throw new Error('500 The server had an error');
      if (behaviour === 'garbage') {
        yield { text: 'Der Ölwechsel' };
        throw new SyntaxError('Unexpected token ? in JSON');
      }
      if (behaviour === 'hang')
        await new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
      if (behaviour === 'ignore-abort') await new Promise(() => undefined);
      if (Array.isArray(behaviour)) yield* behaviour;
    },
  };
  return port;
}

function ports(overrides: Partial<RespondPorts> = {}): RespondPorts {
  return {
    retrieve: async () => [oil],
    contact: async () => contact,
    knownPrices: async () => new Set([11900]),
    history: async () => [{ role: 'visitor', content: 'Hallo' }],
    withinBudget: async () => true,
    llm: null,
    ...overrides,
  };
}

async function run(p: RespondPorts, question = 'Was kostet ein Ölwechsel?', language: 'de' | 'tr' = 'de') {
  const events: RespondEvent[] = [];
  for await (const event of respond({ question, language, workshop: { name: 'Autohaus Test', phone: '+49 89 1' } }, p, {
    timeoutMs: 50,
  }))
    events.push(event);
  const done = events.at(-1);
  if (done?.type !== 'done') throw new Error('no outcome');
  const streamed = events.flatMap((e) => (e.type === 'delta' ? [e.text] : [])).join('');
  return { events, done, streamed };
}

describe('respond', () => {
  test.each([
    ['no model configured', { llm: null }, 'no-model'],
    ['budget spent', { llm: fakeModel([{ text: 'nie' }]), withinBudget: async () => false }, 'budget'],
    ['model times out and stops on abort', { llm: fakeModel('hang') }, 'timeout'],
    ['model ignores the abort', { llm: fakeModel('ignore-abort') }, 'timeout'],
    ['model fails', { llm: fakeModel('throw') }, 'error'],
    ['model says nothing', { llm: fakeModel([{ text: '' }, { usage: { in: 10, out: 0 } }]) }, 'empty'],
  ] as [string, Partial<RespondPorts>, string][])('%s → answer from the data, free', async (_, overrides, reason) => {
    const { done, streamed } = await run(ports(overrides));
    expect(done).toMatchObject({ fallback: reason, model: null, costEur: 0 });
    expect(streamed).toBe(done.answer);
    expect(done.answer).toContain('ohne KI');
    expect(done.answer.replace(/\u00a0/g, ' ')).toContain('119,00 €');
  });

  test('garbage after the first words keeps what the visitor already read', async () => {
    const { done } = await run(ports({ llm: fakeModel('garbage') }));
    expect(done).toMatchObject({ fallback: null, answer: 'Der ', model: 'gpt-4o-mini' });
  });

  test('a model answer streams through the price guard and is costed', async () => {
    const seen: LlmMessage[][] = [];
    const llm = fakeModel(
      [{ text: 'Der Ölwechsel kostet 119 €, ' }, { text: 'mit Rabatt 99 €.' }, { usage: { in: 1000, out: 20 } }],
      seen,
    );
    const { done, events } = await run(ports({ llm }));
    expect(events[0]).toEqual({
      type: 'retrieved',
      sources: [{ title: 'Ölwechsel inkl. Ölfilter', path: '/leistungen' }],
    });
    expect(done.answer).toBe('Der Ölwechsel kostet 119 €, mit Rabatt (Preis auf Anfrage).');
    expect(done).toMatchObject({ fallback: null, invented: 1, usage: { in: 1000, out: 20 } });
    expect(done.costEur).toBeGreaterThan(0);
    // The model is told the conversation's language and gets the history before the question.
    expect(seen[0]?.[0]?.content).toContain('Answer in German');
    expect(seen[0]?.map((m) => m.role)).toEqual(['system', 'user', 'user']);
  });

  test('the conversation language governs the answer, whatever the question is written in', async () => {
    const { done } = await run(ports(), 'Yağ değişimi ne kadar?', 'tr');
    expect(done.answer).toContain('yapay zekâ olmadan');
  });

  test('nothing found: says so and gives the contact details, without sources', async () => {
    const { done, events } = await run(ports({ retrieve: async () => [] }));
    expect(events[0]).toEqual({ type: 'retrieved', sources: [] });
    expect(done.answer).toContain('nichts gefunden');
    expect(done.answer).toContain('Autohaus Test – Kontakt');
  });

  test('about a service booked online: the outcome carries its free times; an unreadable calendar only costs the offer', async () => {
    const booking = {
      booking: async () => ({
        workshopName: 'Autohaus Test',
        settings: { capacity: 1, horizonDays: 30, leadMinutes: 0, stepMinutes: 60, state: null },
        hours: { mo: [['08:00', '10:00']], tu: [['08:00', '10:00']] } as OpeningHours,
      }),
      services: async () => [{ id: 's1', name: 'Ölwechsel', durationMinutes: 60, bufferMinutes: 0 }],
      busy: async () => [],
    };
    const { done } = await run(ports({ offer: booking }));
    expect(done.offer).toMatchObject({ service: { id: 's1', name: 'Ölwechsel' } });
    expect(done.offer?.slots.length).toBeGreaterThan(0);
    const warnings: string[] = [];
    const broken = { ...booking, busy: async () => Promise.reject(new Error('database gone')) };
    const events: RespondEvent[] = [];
    const admitted = {
      question: 'Ölwechsel?',
      language: 'de' as const,
      workshop: { name: 'Autohaus Test', phone: null },
    };
    for await (const event of respond(admitted, ports({ offer: broken }), {
      timeoutMs: 50,
      warn: (m) => warnings.push(m),
    }))
      events.push(event);
    expect(events.at(-1)).toMatchObject({ type: 'done', offer: null, answer: expect.stringContaining('Ölwechsel') });
    expect(warnings).toEqual(['Terminangebot im Chat: database gone']);
  });

  test('without a booking port there is no offer', async () => {
    const { done } = await run(ports());
    expect(done.offer).toBeNull();
  });
});

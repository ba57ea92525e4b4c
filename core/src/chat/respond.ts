/**
 * The assistant's answer to one visitor message, as a use case: given what admission established (the
 * workshop, the conversation's language), it retrieves, asks the model through a port that streams, keeps
 * invented prices out, falls back to the workshop's own data when there is no model, the budget is spent,
 * the model fails, times out or says nothing, and reports what it cost. The endpoint only streams the
 * events and saves the outcome.
 */
import { type BookingOffer, bookingOffer, type OfferPort } from '../booking/offer.ts';
import { buildMessages, composeFallback, type LlmMessage, type Source, sourcesOf, type Turn } from './answer.ts';
import { costEur } from './cost.ts';
import type { Language } from './language.ts';
import { focusPassage, type Passage } from './retrieval.ts';
import { StreamGuard } from './stream-guard.ts';
import { TEXTS } from './texts.ts';

export type LlmChunk = { text?: string; usage?: { in: number; out: number } };

/** A chat model that streams its answer; it stops when `signal` aborts. */
export type LlmPort = {
  model: string;
  stream: (messages: LlmMessage[], signal: AbortSignal) => AsyncIterable<LlmChunk>;
};

export type RespondPorts = {
  /**
   * Passages for the question, best first, in the conversation's language as far as the data allows: the
   * labels always, the workshop's texts where a translation of them exists, else as written (German).
   */
  retrieve: (question: string, language: Language) => Promise<Passage[]>;
  /** The workshop's contact passage (in the conversation's language), for when nothing matched. */
  contact: () => Promise<Passage | undefined>;
  /** Every price the workshop states, in cents. */
  knownPrices: () => Promise<ReadonlySet<number>>;
  /** The conversation so far, oldest first. */
  history: () => Promise<Turn[]>;
  /** Whether the tenant's AI budget for this month has room left. */
  withinBudget: () => Promise<boolean>;
  /** Null when no model is configured. */
  llm: LlmPort | null;
  /** The workshop's online booking, for free times after an answer about a bookable service; absent: none. */
  offer?: OfferPort;
};

/** What admission established for this message. */
export type Admitted = {
  question: string;
  /** The conversation's language, stored when it was created. */
  language: Language;
  workshop: { name: string; phone: string | null };
};

export type FallbackReason = 'no-model' | 'budget' | 'timeout' | 'error' | 'empty';

export type Outcome = {
  answer: string;
  sources: Source[];
  /** Null when the model answered (fully or in part). */
  fallback: FallbackReason | null;
  model: string | null;
  usage: { in: number; out: number };
  costEur: number;
  /** Amounts the model stated that are not in the data, replaced before the visitor saw them. */
  invented: number;
  /** Free times of the service the question was about, to book inside the chat. */
  offer: BookingOffer | null;
};

export type RespondEvent =
  | { type: 'retrieved'; sources: Source[] }
  | { type: 'delta'; text: string }
  | ({ type: 'done' } & Outcome);

const TIMED_OUT = Symbol('timeout');

export async function* respond(
  admitted: Admitted,
  ports: RespondPorts,
  options: { timeoutMs: number; warn?: (message: string) => void },
): AsyncGenerator<RespondEvent> {
  const { question, language } = admitted;
  const [hits, known, history, budgetLeft] = await Promise.all([
    ports.retrieve(question, language),
    ports.knownPrices(),
    ports.history(),
    ports.llm ? ports.withinBudget() : Promise.resolve(false),
  ]);
  // Asked about Saturday: the hours come first and Saturday leads them (see focusPassage).
  const found = hits.map((p) => focusPassage(p, question, language));
  // Nothing matched: the model still gets the workshop's contact details to point the visitor to.
  const contact = found.length ? undefined : await ports.contact();
  const passages = found.length || !contact ? found : [contact];
  const sources = sourcesOf(found);
  yield { type: 'retrieved', sources };

  let answer = '';
  let usage = { in: 0, out: 0 };
  let invented = 0;
  let fallback: FallbackReason | null = !ports.llm ? 'no-model' : !budgetLeft ? 'budget' : null;
  if (ports.llm && !fallback) {
    const guard = new StreamGuard(known, TEXTS[language].priceOnRequest);
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
      timer = setTimeout(() => resolve(TIMED_OUT), options.timeoutMs);
    });
    const messages = buildMessages({ workshopName: admitted.workshop.name, language, passages, history, question });
    let iterator: AsyncIterator<LlmChunk> | undefined;
    try {
      iterator = ports.llm.stream(messages, abort.signal)[Symbol.asyncIterator]();
      for (;;) {
        // A model that neither answers nor reacts to the abort still cannot hold the visitor up.
        const next = await Promise.race([iterator.next(), deadline]);
        if (next === TIMED_OUT) {
          abort.abort();
          void Promise.resolve(iterator.return?.()).catch(() => undefined);
          if (!answer.trim()) fallback = 'timeout';
          options.warn?.('LLM antwortet nicht rechtzeitig, antworte aus den Werkstattdaten');
          break;
        }
        if (next.done) break;
        const chunk = next.value;
        if (chunk.usage) usage = chunk.usage;
        const safe = typeof chunk.text === 'string' ? guard.push(chunk.text) : '';
        if (safe) {
          answer += safe;
          yield { type: 'delta', text: safe };
        }
      }
      if (fallback !== 'timeout') {
        const rest = guard.flush();
        if (rest) {
          answer += rest;
          yield { type: 'delta', text: rest };
        }
        if (!answer.trim()) fallback = 'empty';
      }
    } catch (error) {
      options.warn?.(`LLM nicht verfügbar, antworte aus den Werkstattdaten: ${(error as Error).message}`);
      // What the visitor has already read stays; only an answer that never started falls back.
      if (!answer.trim()) fallback = 'error';
    } finally {
      clearTimeout(timer);
      invented = guard.invented;
    }
  }
  if (fallback) {
    // Without a match it says so plainly before giving the contact details.
    answer = composeFallback(language, found, admitted.workshop.phone, contact);
    yield { type: 'delta', text: answer };
  }
  const model = fallback ? null : (ports.llm?.model ?? null);
  // The answer stands without the offer: a failure to read free times only costs the offer.
  const offer = ports.offer
    ? await bookingOffer(hits, language, ports.offer).catch((error: Error) => {
        options.warn?.(`Terminangebot im Chat: ${error.message}`);
        return null;
      })
    : null;
  yield {
    type: 'done',
    answer,
    sources,
    fallback,
    model,
    usage,
    costEur: model ? costEur(model, usage.in, usage.out) : 0,
    invented,
    offer,
  };
}

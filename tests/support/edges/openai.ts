/**
 * A local OpenAI-compatible server: `POST /v1/chat/completions` with real SSE chunks (and usage in the
 * last chunk), as the `openai` SDK expects. Tests steer it through `POST /__control` (reply text, delay,
 * failure, garbage) and read what it was sent at `GET /__requests`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Edge } from './index.ts';

export type LlmMode = 'ok' | 'error' | 'garbage' | 'hang';
/** `completionTokens`: the usage to report instead of one token per chunk (an answer that costs cents). */
export type LlmControl = {
  mode: LlmMode;
  reply: string;
  delayMs: number;
  chunkDelayMs: number;
  completionTokens?: number;
};

const DEFAULTS: LlmControl = {
  mode: 'ok',
  reply: 'Gern! Die Inspektion kostet bei uns ab 219 €. Möchten Sie einen Termin?',
  delayMs: 0,
  chunkDelayMs: 0,
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Splits a reply into word-sized chunks, as models stream them. */
const chunksOf = (text: string) => text.match(/\S+\s*/g) ?? [text];

export async function startOpenAi(): Promise<Edge> {
  let control: LlmControl = { ...DEFAULTS };
  const requests: unknown[] = [];

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let body = '';
    for await (const chunk of req) body += chunk;

    if (url.pathname === '/__control' && req.method === 'POST') {
      control = { ...DEFAULTS, ...(body ? (JSON.parse(body) as Partial<LlmControl>) : {}) };
      res.end();
      return;
    }
    if (url.pathname === '/__requests') {
      if (req.method === 'DELETE') requests.length = 0;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(req.method === 'DELETE' ? [] : requests));
      return;
    }
    // The model list, as the real API serves it: CarBot's health check asks it whether the LLM answers.
    if (url.pathname === '/v1/models' && req.method === 'GET') {
      const authorised = req.headers.authorization === 'Bearer test-openai-key';
      res.statusCode = authorised ? 200 : 401;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(authorised ? { object: 'list', data: [{ id: 'gpt-4o-mini', object: 'model' }] } : {}));
      return;
    }
    if (url.pathname !== '/v1/chat/completions' || req.method !== 'POST') {
      res.statusCode = 404;
      res.end(JSON.stringify({ error: { message: 'not found', type: 'invalid_request_error' } }));
      return;
    }
    if (req.headers.authorization !== 'Bearer test-openai-key') {
      res.statusCode = 401;
      res.end(JSON.stringify({ error: { message: 'Incorrect API key provided', type: 'invalid_request_error' } }));
      return;
    }
    const request = JSON.parse(body) as { model: string; stream?: boolean; messages: unknown[] };
    requests.push(request);
    const { mode, reply, delayMs, chunkDelayMs } = control;
    if (delayMs) await sleep(delayMs);
    if (mode === 'hang') return; // never answers: the caller's timeout must fire
    if (mode === 'error') {
      res.statusCode = 500;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ error: { message: 'The server had an error', type: 'server_error' } }));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    if (mode === 'garbage') {
      res.end('data: {not json\n\ndata: ???\n\n');
      return;
    }
    const id = `chatcmpl-${Date.now()}`;
    const base = { id, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: request.model };
    const pieces = chunksOf(reply);
    res.write(
      `data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] })}\n\n`,
    );
    for (const piece of pieces) {
      if (chunkDelayMs) await sleep(chunkDelayMs);
      res.write(
        `data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] })}\n\n`,
      );
    }
    res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`);
    const promptTokens = Math.ceil(JSON.stringify(request.messages).length / 4);
    const completionTokens = control.completionTokens ?? pieces.length;
    res.write(
      `data: ${JSON.stringify({ ...base, choices: [], usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens } })}\n\n`,
    );
    res.end('data: [DONE]\n\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    name: 'openai',
    env: {
      OPENAI_API_KEY: 'test-openai-key',
      OPENAI_BASE_URL: `${url}/v1`,
      OPENAI_MODEL: 'gpt-4o-mini',
      CARBOT_LLM_TIMEOUT_MS: '2000',
    },
    urls: { openai: url },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Request bodies are limited by the bytes actually read, never by what `Content-Length` claims: a chunked
 * body has no length, and a lying length must not let more through.
 */

export class BodyTooLarge extends Error {
  readonly limit: number;
  constructor(limit: number) {
    super(bodyTooLargeMessage(limit));
    this.limit = limit;
  }
}

export const bodyTooLargeMessage = (limit: number) =>
  `Die Anfrage ist zu groß (höchstens ${formatBytes(limit)}). Bitte senden Sie weniger Daten.`;

const formatBytes = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.floor(bytes / (1024 * 1024))} MB` : `${Math.max(1, Math.floor(bytes / 1024))} KB`;

/**
 * Reads a whole body from a Node stream or a web ReadableStream, counting bytes as they arrive; stops
 * reading and throws BodyTooLarge as soon as one byte more than `limit` has come in.
 */
export async function readBody(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  limit: number,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of source) {
    const bytes =
      typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    size += bytes.byteLength;
    if (size > limit) throw new BodyTooLarge(limit);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, size);
}

type NodeReadable = {
  on(event: 'data', listener: (chunk: Uint8Array | string) => void): unknown;
  on(event: 'end' | 'close', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeAllListeners(event: 'data' | 'end' | 'close' | 'error'): unknown;
  resume(): unknown;
};

/**
 * The same for a Node request stream, by its events. On overflow it keeps nothing more and lets the rest
 * flow away unread: destroying the request (as leaving an async iterator does) or closing the connection
 * while the client still sends makes the kernel reset it, and the client loses the 413 with it. Node's
 * request timeout bounds how long a client can keep sending into the void.
 */
export function readStream(stream: NodeReadable, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      stream.removeAllListeners('data');
      finish();
    };
    stream.on('data', (chunk) => {
      if (settled) return;
      const bytes =
        typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      size += bytes.byteLength;
      if (size > limit) {
        settle(() => reject(new BodyTooLarge(limit)));
        stream.resume();
        return;
      }
      chunks.push(bytes);
    });
    stream.on('end', () => settle(() => resolve(Buffer.concat(chunks, size))));
    stream.on('error', (error) => settle(() => reject(error)));
    stream.on('close', () =>
      settle(() => reject(new Error('Die Verbindung wurde vor dem Ende der Anfrage getrennt.'))),
    );
  });
}

/** A declared length that already exceeds the limit is refused before a byte is read. */
export function declaredTooLarge(contentLength: string | null | undefined, limit: number): boolean {
  if (contentLength === null || contentLength === undefined || contentLength === '') return false;
  const length = Number(contentLength);
  return !Number.isFinite(length) || length > limit;
}

/** Whether a Content-Type names JSON (`application/json`, `application/…+json`, any parameters). */
export function isJsonType(contentType: string | null | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || type.endsWith('+json');
}

export const NOT_JSON_MESSAGE = 'Bitte senden Sie die Angaben als JSON (Content-Type: application/json).';

/**
 * Why a body is refused before any endpoint sees it. The messages here are the German defaults; an API
 * whose visitors chose a language words them from its own text table (see BodyLimit in the extension).
 */
export type BodyRefusal =
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'INVALID_UTF8'
  | 'INVALID_JSON'
  | 'TOO_DEEP'
  | 'INCOMPLETE';

export const INCOMPLETE_MESSAGE = 'Die Anfrage kam unvollständig an.';

export type ParsedBody =
  | { ok: true; body: unknown }
  | { ok: false; reason: 'INVALID_UTF8' | 'INVALID_JSON' | 'TOO_DEEP'; message: string };

/**
 * What Directus's JSON parser would make of the bytes (it skips requests whose body was read before it):
 * JSON objects and arrays for JSON content types, `{}` for an empty body or any other type.
 */
export function parseBody(bytes: Buffer, contentType: string | null | undefined): ParsedBody {
  if (!isJsonType(contentType) || bytes.byteLength === 0) return { ok: true, body: {} };
  let text: string;
  try {
    // JSON is UTF-8 (RFC 8259). Decoding leniently would store U+FFFD where the sender meant something else.
    text = UTF8.decode(bytes);
  } catch {
    return { ok: false, reason: 'INVALID_UTF8', message: INVALID_UTF8 };
  }
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return { ok: false, reason: 'INVALID_JSON', message: INVALID_JSON };
  if (nestingDepth(text) > MAX_DEPTH) return { ok: false, reason: 'TOO_DEEP', message: TOO_DEEP };
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false, reason: 'INVALID_JSON', message: INVALID_JSON };
  }
}

const INVALID_JSON = 'Die Anfrage enthält kein gültiges JSON-Objekt.';
const TOO_DEEP = 'Die Anfrage ist zu tief verschachtelt. Bitte senden Sie einfacheres JSON.';

/**
 * No body of ours nests deeper than a handful of levels. Thousands of levels cost every recursive step
 * after parsing (validation, JSON.stringify, hashing) its stack; they are refused before JSON.parse.
 */
export const MAX_DEPTH = 32;

/** The deepest nesting of objects and arrays in a JSON text (brackets inside strings do not count). */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if (c === 0x7d || c === 0x5d) depth -= 1;
  }
  return deepest;
}
const INVALID_UTF8 = 'Die Anfrage enthält Zeichen, die kein gültiges UTF-8 sind. Bitte senden Sie den Text in UTF-8.';
// Strips a leading byte order mark, as JSON.parse would choke on it.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

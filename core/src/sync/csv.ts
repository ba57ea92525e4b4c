import { type CsvError, parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';

/**
 * Dealer exports arrive as UTF-8 (with or without BOM) or in a Western single-byte code page: mobile.de
 * documents ISO-8859-15, Excel on Windows writes Windows-1252. Bytes 0x80–0x9F are control characters in
 * ISO-8859-15 but letters and signs (€, „, “, –) in Windows-1252, which tells the two apart; without them
 * the two only differ in rare signs, and ISO-8859-15 (mobile.de's) is assumed.
 */
export type Encoding = 'utf-8' | 'iso-8859-15' | 'windows-1252';
export type Delimiter = ';' | ',' | '\t';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function detectEncoding(bytes: Uint8Array): Encoding {
  try {
    utf8.decode(bytes);
    return 'utf-8';
  } catch {
    return bytes.some((b) => b >= 0x80 && b <= 0x9f) ? 'windows-1252' : 'iso-8859-15';
  }
}

export function decodeFeed(
  bytes: Uint8Array,
  encoding: Encoding = detectEncoding(bytes),
): { text: string; encoding: Encoding } {
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, {
    stripBOM: true,
  });
  return { text, encoding };
}

/** Counts a character outside double-quoted sections of one line. */
const countOutsideQuotes = (line: string, char: string): number => {
  let quoted = false;
  let n = 0;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === char) n++;
  }
  return n;
};

/** The delimiter is the candidate the header line uses most; German exports prefer `;` on a tie. */
export function detectDelimiter(text: string): Delimiter {
  const header = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const candidates: Delimiter[] = [';', '\t', ','];
  let best: Delimiter = ';';
  let bestCount = 0;
  for (const c of candidates) {
    const n = countOutsideQuotes(header, c);
    if (n > bestCount) {
      best = c;
      bestCount = n;
    }
  }
  return best;
}

export type CsvTable = {
  header: string[];
  rows: { line: number; cells: string[] }[];
  /** Lines that could not be read (broken quoting), reported like rejected rows. */
  broken: { line: number; message: string }[];
  delimiter: Delimiter;
};

type Parsed = { record: string[]; info: { lines: number } };

function parseAll(
  text: string,
  delimiter: Delimiter,
  broken: CsvTable['broken'],
): { records: Parsed[]; unclosed: boolean } {
  let unclosed = false;
  const options = {
    delimiter,
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err: CsvError | undefined): undefined => {
      if (!err) return;
      if (err.code === 'CSV_QUOTE_NOT_CLOSED') unclosed = true;
      broken.push({ line: Number(err.lines), message: 'Zeile nicht lesbar (Anführungszeichen nicht geschlossen?).' });
    },
  };
  try {
    return { records: parse(text, options) as unknown as Parsed[], unclosed };
  } catch (error) {
    if ((error as CsvError).code !== 'CSV_QUOTE_NOT_CLOSED') throw error;
    return { records: [], unclosed: true };
  }
}

/**
 * Reads a table. A quote that is never closed would swallow every following line into one field; then
 * the file is read again line by line (dealer exports do not break lines inside fields; mobile.de
 * forbids it), so only the broken line is lost.
 */
export function parseCsv(text: string, delimiter: Delimiter = detectDelimiter(text)): CsvTable {
  let broken: CsvTable['broken'] = [];
  let { records, unclosed } = parseAll(text, delimiter, broken);
  if (unclosed) {
    broken = [];
    records = [];
    text.split(/\r?\n/).forEach((line, i) => {
      if (line.trim() === '') return;
      const lineBroken: CsvTable['broken'] = [];
      const one = parseAll(line, delimiter, lineBroken);
      if (one.unclosed || lineBroken.length > 0 || one.records.length === 0)
        broken.push({ line: i + 1, message: 'Zeile nicht lesbar (Anführungszeichen nicht geschlossen?).' });
      else for (const r of one.records) records.push({ record: r.record, info: { lines: i + 1 } });
    });
  }
  const [head, ...body] = records;
  return {
    header: (head?.record ?? []).map((h) => h.trim()),
    rows: body.map((r) => ({ line: r.info.lines, cells: r.record })),
    broken,
    delimiter,
  };
}

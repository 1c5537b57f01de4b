// Reads a vendor's JSON answer as a stream (@streamparser/json over the body's bytes): each row of the array at
// `path` (the body itself, or one inside a wrapper such as data.items) is handed on as soon as it is parsed and
// then dropped by the parser, so a page never holds its body's text or its parsed tree, only what the reader
// keeps of each row. A small body is also kept whole, so an answer without rows can still be checked for its
// wrapper (`[]` is an empty listing, a moved wrapper is not).
import { JSONParser } from "@streamparser/json";

/** Where a body's rows are and what the vendor's contract calls them (for the MALFORMED_RESPONSE message). */
export interface RowsAt {
  /** Keys from the body to its array of rows; [] when the body is the array. */
  path: readonly string[];
  /** "array of rows", "data.items"... */
  expected: string;
}

/** Bodies up to this size are also kept as text: an answer without rows is then checked as a whole. */
export const SMALL_BODY_BYTES = 64 * 1024;
/** Characters of the body quoted in an error. */
const HEAD_CHARS = 200;

export type StreamedRows =
  | {
      ok: true;
      rows: number /** The whole body, parsed, when no row came and it was small. */;
      small?: unknown;
    }
  | { ok: false; problem: "not-json" | "no-rows-there"; head: string; detail: string };

/** Streams `body`, calling `onRow` with each row at `at.path`, in order. */
export async function streamRows(
  body: ReadableStream<Uint8Array> | null,
  at: RowsAt,
  onRow: (raw: unknown) => void,
): Promise<StreamedRows> {
  const selector = at.path.length === 0 ? "$.*" : `$.${at.path.join(".")}.*`;
  // Strings gathered in a buffer rather than one string per character: less garbage per row.
  const parser = new JSONParser({
    paths: [selector],
    keepStack: false,
    stringBufferSize: 64 * 1024,
    numberBufferSize: 64,
  });
  let rows = 0;
  let misplaced: string | null = null;
  parser.onValue = ({ value, parent, key }) => {
    // The selector also matches members of an object in the rows' place: not an array of rows.
    if (!Array.isArray(parent)) {
      misplaced ??= `${String(key)} is a member of an object, not a row of an array`;
      return;
    }
    if (misplaced) return;
    rows++;
    onRow(value);
  };
  const kept: Uint8Array[] = [];
  let keptBytes = 0;
  let head = "";
  const decoder = new TextDecoder();
  const reader = body?.getReader();
  for (;;) {
    // A failure to read (the connection dropped, the timeout aborted it) is thrown as it is: the call retries.
    const chunk = reader ? await reader.read() : { done: true as const, value: undefined };
    try {
      if (chunk.done) {
        // The parser ends by itself after the body's one value; ending it again would be an error.
        if (!parser.isEnded) parser.end();
        break;
      }
      if (head.length < HEAD_CHARS)
        head += decoder.decode(chunk.value, { stream: true }).slice(0, HEAD_CHARS);
      if (keptBytes <= SMALL_BODY_BYTES) kept.push(chunk.value);
      keptBytes += chunk.value.byteLength;
      if (keptBytes > SMALL_BODY_BYTES) kept.length = 0;
      parser.write(chunk.value);
    } catch (error) {
      await reader?.cancel().catch(() => undefined);
      return { ok: false, problem: "not-json", head: head.slice(0, HEAD_CHARS), detail: String(error) };
    }
    if (misplaced) break;
  }
  if (misplaced) {
    await reader?.cancel().catch(() => undefined);
    return { ok: false, problem: "no-rows-there", head: head.slice(0, HEAD_CHARS), detail: misplaced };
  }
  if (rows > 0) return { ok: true, rows };
  // No row: an empty listing, or an answer of another shape. A big one with no rows where they belong is the latter.
  if (keptBytes > SMALL_BODY_BYTES)
    return {
      ok: false,
      problem: "no-rows-there",
      head: head.slice(0, HEAD_CHARS),
      detail: `${keptBytes} bytes without a row at ${at.expected}`,
    };
  const text = new TextDecoder().decode(concat(kept));
  try {
    return { ok: true, rows: 0, small: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, problem: "not-json", head: text.slice(0, HEAD_CHARS), detail: String(error) };
  }
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const all = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return all;
}

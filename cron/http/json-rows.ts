// Reads a vendor's JSON answer as a stream (json-row-scanner.ts over the body's decoded text): each row of the
// array at `path` (the body itself, or one inside a wrapper such as data.items) is handed on as soon as its text
// has arrived and been parsed, so a page never holds its body's text or its parsed tree, only what the reader
// keeps of each row. A small body is also kept whole, so an answer without rows can still be checked for its
// wrapper (`[]` is an empty listing, a moved wrapper is not).
import { RowScanner, ScanError } from "./json-row-scanner";

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
  let rows = 0;
  const scanner = new RowScanner(at.path, (row) => {
    rows++;
    onRow(row);
  });
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
        scanner.write(decoder.decode());
        scanner.end();
        break;
      }
      if (keptBytes <= SMALL_BODY_BYTES) kept.push(chunk.value);
      keptBytes += chunk.value.byteLength;
      if (keptBytes > SMALL_BODY_BYTES) kept.length = 0;
      const text = decoder.decode(chunk.value, { stream: true });
      if (head.length < HEAD_CHARS) head += text.slice(0, HEAD_CHARS);
      scanner.write(text);
    } catch (error) {
      await reader?.cancel().catch(() => undefined);
      if (error instanceof ScanError && error.problem === "no-rows-there")
        return {
          ok: false,
          problem: "no-rows-there",
          head: head.slice(0, HEAD_CHARS),
          detail: error.message,
        };
      return { ok: false, problem: "not-json", head: head.slice(0, HEAD_CHARS), detail: String(error) };
    }
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

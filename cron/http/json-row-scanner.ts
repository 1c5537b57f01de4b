// Finds the rows of a vendor's JSON answer as its text arrives: a scanner that follows the document's structure
// (objects, arrays, keys, strings and their escapes) outside the rows, and inside a row only counts brackets
// outside strings to find where the row ends; each row's text is then parsed by JSON.parse, which checks it
// strictly and builds it natively. A tokenizing parser in JavaScript (@streamparser/json, used before) took
// 122–658 ms (warm–cold) for a 4 MB supplier/stocks page, against 20–44 ms for JSON.parse of the whole text and
// 34–289 ms for this scanner, which keeps the stream's bounded memory (one row's text at a time). Everything
// outside the rows (the wrapper, its other members) is checked as JSON too, token by token.

/** What the scanner found wrong, or where the rows were expected and an object was found instead. */
export class ScanError extends Error {
  constructor(
    readonly problem: "not-json" | "no-rows-there",
    detail: string,
  ) {
    super(detail);
  }
}

type Frame =
  | {
      kind: "object";
      state: "key-or-end" | "key" | "colon" | "value" | "comma-or-end";
      key: string;
    }
  | { kind: "array"; state: "value-or-end" | "value" | "comma-or-end"; rows: boolean };

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;
const COMMA = 44;
const COLON = 58;

/** A number or literal outside the rows longer than this is no JSON a vendor sends (and is not held further). */
const MAX_LITERAL_CHARS = 1024;

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;
/** Where a number or literal ends. */
const endsToken = (c: number) =>
  isSpace(c) || c === COMMA || c === CLOSE_ARRAY || c === CLOSE_OBJECT || c === COLON;

export class RowScanner {
  private readonly stack: Frame[] = [];
  /** The top-level value is complete: only whitespace may follow. */
  private done = false;
  /** A token outside the rows being read (a key, a string, a number or literal), its text so far. */
  private token: { text: string; string: boolean; escaped: boolean; key: boolean } | null = null;
  /** A row being read: its text so far, the brackets open in it, and whether inside one of its strings. */
  private row: { text: string; depth: number; inString: boolean; escaped: boolean; scalar: boolean } | null =
    null;
  private misplaced = false;

  constructor(
    private readonly path: readonly string[],
    private readonly onRow: (raw: unknown) => void,
  ) {}

  /** Scans the next piece of the text; throws ScanError. */
  write(text: string): void {
    let i = 0;
    const n = text.length;
    while (i < n) {
      if (this.row) i = this.scanRow(text, i);
      else if (this.token) i = this.scanToken(text, i);
      else {
        const c = text.charCodeAt(i);
        // A row, a number or a literal is read from its first character on (not consumed here).
        if (isSpace(c) || this.structural(c, text[i] as string)) i++;
      }
    }
  }

  /** The text has ended: it must have been one whole JSON value. */
  end(): void {
    if (this.token && !this.token.string) this.finishToken();
    if (this.row || this.token || this.stack.length > 0 || !this.done)
      this.fail("the text ends before its value is complete");
  }

  private fail(detail: string): never {
    throw new ScanError("not-json", detail);
  }

  /** Whether a value starting now sits where the rows are: every enclosing object's key along `path`. */
  private atRowsPlace(): boolean {
    if (this.stack.length !== this.path.length) return false;
    return this.stack.every((frame, at) => frame.kind === "object" && frame.key === this.path[at]);
  }

  /**
   * One character outside rows and tokens (not whitespace); false when it starts a row, a number or a literal,
   * which is then read from this character on.
   */
  private structural(c: number, char: string): boolean {
    const frame = this.stack[this.stack.length - 1];
    if (this.done) this.fail(`unexpected ${char} after the value`);
    if (frame?.kind === "object" && frame.state !== "value") {
      if (frame.state === "colon") {
        if (c !== COLON) this.fail(`expected : after a key, got ${char}`);
        frame.state = "value";
      } else if (frame.state === "comma-or-end") {
        if (c === COMMA) frame.state = "key";
        else if (c === CLOSE_OBJECT) this.close();
        else this.fail(`expected , or } in an object, got ${char}`);
      } else if (c === QUOTE) this.token = { text: '"', string: true, escaped: false, key: true };
      else if (c === CLOSE_OBJECT && frame.state === "key-or-end") this.close();
      else this.fail(`expected a key, got ${char}`);
      return true;
    }
    if (frame?.kind === "array" && frame.state === "comma-or-end") {
      if (c === COMMA) frame.state = "value";
      else if (c === CLOSE_ARRAY) this.close();
      else this.fail(`expected , or ] in an array, got ${char}`);
      return true;
    }
    if (frame?.kind === "array" && frame.state === "value-or-end" && c === CLOSE_ARRAY) {
      this.close();
      return true;
    }
    // A value starts here.
    if (c === CLOSE_ARRAY || c === CLOSE_OBJECT || c === COMMA || c === COLON)
      this.fail(`expected a value, got ${char}`);
    const container = c === OPEN_OBJECT || c === OPEN_ARRAY;
    if (frame?.kind === "array" && frame.rows) {
      frame.state = "comma-or-end";
      this.row = { text: "", depth: 0, inString: false, escaped: false, scalar: !container };
      return false;
    }
    const rowsPlace = this.atRowsPlace();
    if (frame) frame.state = "comma-or-end";
    if (c === OPEN_OBJECT) {
      this.misplaced = rowsPlace;
      this.stack.push({ kind: "object", state: "key-or-end", key: "" });
    } else if (c === OPEN_ARRAY) this.stack.push({ kind: "array", state: "value-or-end", rows: rowsPlace });
    else if (c === QUOTE) this.token = { text: '"', string: true, escaped: false, key: false };
    // A number or literal is read from its first character on.
    else {
      this.token = { text: "", string: false, escaped: false, key: false };
      return false;
    }
    return true;
  }

  private close(): void {
    this.stack.pop();
    this.misplaced = false;
    if (this.stack.length === 0) this.done = true;
  }

  /** Reads a token's characters from `i`; returns where scanning goes on. */
  private scanToken(text: string, i: number): number {
    const token = this.token as NonNullable<RowScanner["token"]>;
    const start = i;
    const n = text.length;
    if (token.string) {
      for (; i < n; i++) {
        const c = text.charCodeAt(i);
        if (token.escaped) token.escaped = false;
        else if (c === BACKSLASH) token.escaped = true;
        else if (c === QUOTE) {
          token.text += text.slice(start, i + 1);
          this.finishToken();
          return i + 1;
        }
      }
    } else {
      for (; i < n; i++) {
        if (i - start + token.text.length > MAX_LITERAL_CHARS)
          this.fail(`${token.text.slice(0, 40)}… is no JSON value`);
        if (endsToken(text.charCodeAt(i))) {
          token.text += text.slice(start, i);
          this.finishToken();
          return i;
        }
      }
    }
    token.text += text.slice(start);
    return n;
  }

  private finishToken(): void {
    const token = this.token as NonNullable<RowScanner["token"]>;
    this.token = null;
    let value: unknown;
    try {
      value = JSON.parse(token.text);
    } catch (error) {
      this.fail(`${String(error)} in ${token.text.slice(0, 40)}`);
    }
    const frame = this.stack[this.stack.length - 1];
    if (token.key && frame?.kind === "object") {
      if (this.misplaced)
        throw new ScanError(
          "no-rows-there",
          `${String(value)} is a member of an object, not a row of an array`,
        );
      frame.key = String(value);
      frame.state = "colon";
    } else if (!frame) this.done = true;
  }

  /** Reads a row's characters from `i`; hands the row on when it ends; returns where scanning goes on. */
  private scanRow(text: string, i: number): number {
    const row = this.row as NonNullable<RowScanner["row"]>;
    const start = i;
    const n = text.length;
    let { depth, inString, escaped } = row;
    let end = -1;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) {
          inString = false;
          if (row.scalar) {
            end = i + 1;
            break;
          }
        }
      } else if (c === QUOTE) inString = true;
      else if (row.scalar) {
        if (endsToken(c)) {
          end = i;
          break;
        }
      } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth++;
      else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        if (--depth === 0) {
          end = i + 1;
          break;
        }
      }
    }
    if (end < 0) {
      row.text += text.slice(start);
      Object.assign(row, { depth, inString, escaped });
      return n;
    }
    const piece = text.slice(start, end);
    const whole = row.text === "" ? piece : row.text + piece;
    this.row = null;
    let value: unknown;
    try {
      value = JSON.parse(whole);
    } catch (error) {
      this.fail(`${String(error)} in a row`);
    }
    this.onRow(value);
    return end;
  }
}

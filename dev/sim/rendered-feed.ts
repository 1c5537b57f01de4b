// A feed's rows rendered once as JSON bytes: a page is then a slice of one buffer, where it was a fresh
// JSON.stringify of thousands of rows and their UTF-8 encoding on every call. Built per world version through
// SimState.cached, and for the big stock feeds right after the world changes (SimState.prepare), the way the
// vendors serve these feeds from reports they refresh on their own schedule, not per request.

export class RenderedFeed {
  private constructor(
    private readonly bytes: Buffer<ArrayBuffer>,
    /** Byte offset where row i starts; starts[length] is one past the last row (each row ends with a comma). */
    private readonly starts: Uint32Array,
  ) {}

  static of(rows: readonly unknown[]): RenderedFeed {
    const parts = rows.map((row) => JSON.stringify(row));
    const starts = new Uint32Array(parts.length + 1);
    let size = 0;
    parts.forEach((part, i) => {
      starts[i] = size;
      size += Buffer.byteLength(part) + 1;
    });
    starts[parts.length] = size;
    const bytes = Buffer.allocUnsafe(size);
    parts.forEach((part, i) => {
      const at = starts[i] ?? 0;
      bytes.write(part, at);
      bytes[(starts[i + 1] ?? size) - 1] = 0x2c; // ","
    });
    return new RenderedFeed(bytes, starts);
  }

  get length(): number {
    return this.starts.length - 1;
  }

  /**
   * Rows [from, to) as the JSON text `${before}[row,row,...]${after}` in UTF-8, in chunks: the rows are a view
   * of the rendered bytes, not a copy (a copy of a 20 MB page would also have the simulator's whole heap
   * collected, for the external memory it adds).
   */
  page(from: number, to: number, before = "", after = ""): Uint8Array<ArrayBuffer>[] {
    const start = this.starts[Math.max(0, Math.min(from, this.length))] ?? 0;
    const end = this.starts[Math.max(0, Math.min(to, this.length))] ?? 0;
    // Rows end with a comma: drop the last one.
    const rows = this.bytes.subarray(start, Math.max(start, end - 1));
    return [Buffer.from(`${before}[`), rows, Buffer.from(`]${after}`)];
  }
}

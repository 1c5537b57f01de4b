// COPY ... FROM STDIN with plain `pg` (no pg-copy-streams): a minimal Submittable that answers the server's
// CopyInResponse with the prepared chunks, then CopyDone, and resolves with the command's row count.
import type pg from "pg";

interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

class CopyFromStdin {
  private rowCount = 0;
  private failure: Error | null = null;
  readonly done: Promise<number>;
  private settle!: { resolve: (rows: number) => void; reject: (error: Error) => void };

  constructor(
    private readonly text: string,
    private readonly chunks: readonly Buffer[],
  ) {
    this.done = new Promise((resolve, reject) => {
      this.settle = { resolve, reject };
    });
  }

  submit(connection: CopyConnection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: CopyConnection): void {
    for (const chunk of this.chunks) connection.sendCopyFromChunk(chunk);
    connection.endCopyFrom();
  }

  handleCommandComplete(message: { text?: string }): void {
    this.rowCount = Number(message.text?.split(" ").at(-1) ?? 0);
  }

  handleError(error: Error): void {
    this.failure = error;
  }

  handleReadyForQuery(): void {
    if (this.failure) this.settle.reject(this.failure);
    else this.settle.resolve(this.rowCount);
  }

  // Messages a COPY FROM never gets; present because the client may call them on any active query.
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handlePortalSuspended(): void {}
  handleEmptyQuery(): void {}
  handleCopyData(): void {}
}

/** Runs `COPY <target> FROM STDIN` (text format) with `lines` (tab-separated, no trailing newline). */
export async function copyFromStdin(
  client: pg.Client,
  target: string,
  lines: readonly string[],
): Promise<number> {
  const chunks: Buffer[] = [];
  for (let i = 0; i < lines.length; i += 5_000) {
    chunks.push(Buffer.from(`${lines.slice(i, i + 5_000).join("\n")}\n`, "utf8"));
  }
  const copy = new CopyFromStdin(`copy ${target} from stdin`, chunks);
  client.query(copy as unknown as pg.QueryConfig);
  return copy.done;
}

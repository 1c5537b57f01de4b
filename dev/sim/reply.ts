// The small response value handlers return, and its conversion into a fetch Response.

export interface Reply {
  status: number;
  /** A JSON body (serialised as is). */
  json?: unknown;
  /** A raw body (HTML, plain text, broken JSON). */
  text?: string;
  /** JSON already rendered to UTF-8, in chunks sent one after the other (a page of a RenderedFeed). */
  chunks?: Uint8Array<ArrayBuffer>[];
  contentType?: string;
  headers?: Record<string, string>;
}

export function jsonReply(json: unknown, status = 200): Reply {
  return { status, json };
}

/** A JSON body already rendered to UTF-8, in chunks. */
export function jsonChunksReply(chunks: Uint8Array<ArrayBuffer>[], status = 200): Reply {
  return { status, chunks };
}

function streamOf(chunks: Uint8Array<ArrayBuffer>[]): ReadableStream<Uint8Array<ArrayBuffer>> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

export function toResponse(reply: Reply): Response {
  const headers = new Headers(reply.headers);
  let body: string | ReadableStream<Uint8Array<ArrayBuffer>> | null;
  if (reply.status === 204) body = null;
  else if (reply.chunks !== undefined) {
    body = streamOf(reply.chunks);
    headers.set("Content-Type", reply.contentType ?? "application/json");
    headers.set("Content-Length", String(reply.chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0)));
  } else if (reply.text !== undefined) {
    body = reply.text;
    headers.set("Content-Type", reply.contentType ?? "text/plain; charset=utf-8");
  } else {
    body = JSON.stringify(reply.json ?? null);
    headers.set("Content-Type", reply.contentType ?? "application/json");
  }
  return new Response(body, { status: reply.status, headers });
}

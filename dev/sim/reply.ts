// The small response value handlers return, and its conversion into a fetch Response.

export interface Reply {
  status: number;
  /** A JSON body (serialised as is). */
  json?: unknown;
  /** A raw body (HTML, plain text, broken JSON). */
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export function jsonReply(json: unknown, status = 200): Reply {
  return { status, json };
}

export function toResponse(reply: Reply): Response {
  const headers = new Headers(reply.headers);
  let body: string;
  if (reply.text !== undefined) {
    body = reply.text;
    headers.set("Content-Type", reply.contentType ?? "text/plain; charset=utf-8");
  } else {
    body = JSON.stringify(reply.json ?? null);
    headers.set("Content-Type", reply.contentType ?? "application/json");
  }
  return new Response(body, { status: reply.status, headers });
}

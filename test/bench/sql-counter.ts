// A pass-through HTTP proxy in front of the local Neon endpoint that counts the requests (the database round
// trips) and their body bytes: the Worker's NEON_HTTP_ENDPOINT points here, so every statement batch the queue
// path sends is counted without touching the endpoint.
import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";

export interface SqlCounter {
  /** url + "/sql": the value for NEON_HTTP_ENDPOINT. */
  sqlUrl: string;
  /** Requests and request-body bytes forwarded so far. */
  counts(): { requests: number; bytes: number };
  close(): Promise<void>;
}

export async function startSqlCounter(targetUrl: string): Promise<SqlCounter> {
  const target = new URL(targetUrl);
  let requests = 0;
  let bytes = 0;
  const server = createServer((incoming, outgoing) => {
    requests++;
    incoming.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
    });
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: target.host },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on("error", (error) => {
      if (!outgoing.headersSent) outgoing.writeHead(502, { "content-type": "text/plain" });
      outgoing.end(`sql counter: ${error.message}`);
    });
    incoming.pipe(upstream);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    sqlUrl: `http://127.0.0.1:${port}/sql`,
    counts: () => ({ requests, bytes }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

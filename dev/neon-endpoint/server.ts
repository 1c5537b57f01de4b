// Starts the local Neon-compatible SQL-over-HTTP endpoint (Hono on Node) over PGlite or a real
// PostgreSQL server; this module's exports are what dev tooling and test setups depend on.

import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { Hono } from "hono";
import type { Backend } from "./backend.js";
import { controlRoutes, type RequestLimits } from "./control-routes.js";
import { assertDatabaseName } from "./database-names.js";
import { PgliteBackend } from "./pglite-backend.js";
import { PostgresBackend } from "./postgres-backend.js";
import { errorResponse } from "./responses.js";
import { sqlHandler } from "./sql-route.js";

export interface NeonEndpointOptions {
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Default: PGlite in memory. `postgres.url` is an admin connection string to a server. */
  backend?: { kind: "pglite"; dataDir?: string } | { kind: "postgres"; url: string };
  /** Default 10 MiB, as on Neon. */
  maxRequestBytes?: number;
  /** Default 10 MiB, as on Neon. */
  maxResponseBytes?: number;
  log?: (line: string) => void;
}

export interface NeonEndpoint {
  /** http://HOST:PORT */
  url: string;
  /** url + "/sql": the value for neonConfig.fetchEndpoint. */
  sqlUrl: string;
  /** A connection string selecting `database`, e.g. postgresql://local:local@127.0.0.1:PORT/main */
  connectionString(database: string): string;
  createDatabase(name: string, options?: { template?: string }): Promise<void>;
  dropDatabase(name: string): Promise<void>;
  close(): Promise<void>;
}

const MIB = 1024 * 1024;

export async function startNeonEndpoint(options: NeonEndpointOptions = {}): Promise<NeonEndpoint> {
  const host = options.host ?? "127.0.0.1";
  const log = options.log ?? (() => {});
  const backend: Backend =
    options.backend?.kind === "postgres"
      ? await PostgresBackend.open(options.backend.url)
      : await PgliteBackend.open({ dataDir: options.backend?.dataDir });

  const app = new Hono();
  const limits: RequestLimits = new Map();
  const sql = sqlHandler({
    backend,
    limits,
    maxRequestBytes: options.maxRequestBytes ?? 10 * MIB,
    maxResponseBytes: options.maxResponseBytes ?? 10 * MIB,
    log,
  });
  app.post("/sql", sql);
  app.post("/", sql);
  app.options("*", () => new Response(null, { status: 204, headers: CORS_PREFLIGHT }));
  app.route("/_dev", controlRoutes(backend, limits, log));
  app.onError((error) => errorResponse(error));

  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  // PGlite runs on this thread, so creating a database can block the loop for seconds; idle
  // keep-alive sockets must outlive that (and the client's own idle timeout) or a reused socket
  // is closed under a request in flight.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 0, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    await backend.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const urlHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  const url = `http://${urlHost}:${port}`;
  log(`neon endpoint (${backend.kind}) listening on ${url}`);

  let closing: Promise<void> | undefined;
  return {
    url,
    sqlUrl: `${url}/sql`,
    connectionString: (database) =>
      `postgresql://local:local@${urlHost}:${port}/${encodeURIComponent(database)}`,
    async createDatabase(name, createOptions) {
      assertDatabaseName(name, "name");
      if (createOptions?.template !== undefined) assertDatabaseName(createOptions.template, "template");
      await backend.createDatabase(name, createOptions?.template);
    },
    async dropDatabase(name) {
      assertDatabaseName(name, "name");
      await backend.dropDatabase(name);
    },
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await backend.close();
      })();
      return closing;
    },
  };
}

const CORS_PREFLIGHT = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "POST, GET, DELETE, OPTIONS",
  "access-control-allow-headers": "*",
  "access-control-max-age": "86400",
};

// The /_dev control API, for tests that can only reach the endpoint by fetch (inside workerd):
// create a database (optionally from a template, optionally with a request limit below the endpoint's, so a test
// can make ordinary pages "too large" as Neon would refuse a real one), drop one, list them, check health.

import { Hono } from "hono";
import type { Backend } from "./backend.js";
import { readBodyText } from "./body.js";
import { assertDatabaseName } from "./database-names.js";
import { HttpError } from "./errors.js";
import { errorResponse, json } from "./responses.js";

const MAX_CONTROL_BODY = 64 * 1024;

/** Per database, a request limit below the endpoint's (set at creation, forgotten when the database is dropped). */
export type RequestLimits = Map<string, number>;

export function controlRoutes(backend: Backend, limits: RequestLimits, log: (line: string) => void): Hono {
  const app = new Hono();

  app.get("/health", async () => json(200, { ok: true, backend: backend.kind }));

  app.get("/databases", async () => {
    try {
      return json(200, { databases: await backend.listDatabases() });
    } catch (error) {
      return errorResponse(error, { control: true });
    }
  });

  app.post("/databases", async (c) => {
    try {
      const { name, template, maxRequestBytes } = parseCreateBody(
        await readBodyText(c.req.raw, MAX_CONTROL_BODY),
      );
      await backend.createDatabase(name, template);
      if (maxRequestBytes !== undefined) limits.set(name, maxRequestBytes);
      log(`created database ${name}${template === undefined ? "" : ` from ${template}`}`);
      return json(201, {
        name,
        ...(template === undefined ? {} : { template }),
        ...(maxRequestBytes === undefined ? {} : { maxRequestBytes }),
      });
    } catch (error) {
      return errorResponse(error, { control: true });
    }
  });

  app.delete("/databases/:name", async (c) => {
    try {
      const name = decodeURIComponent(c.req.param("name"));
      assertDatabaseName(name, "database name");
      await backend.dropDatabase(name);
      limits.delete(name);
      log(`dropped database ${name}`);
      return json(200, { name, dropped: true });
    } catch (error) {
      return errorResponse(error, { control: true });
    }
  });

  return app;
}

function parseCreateBody(text: string): { name: string; template?: string; maxRequestBytes?: number } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, `invalid JSON body: ${(error as Error).message}`);
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'invalid body: expected {"name": "...", "template": "optional"}');
  }
  const { name, template, maxRequestBytes } = body as {
    name?: unknown;
    template?: unknown;
    maxRequestBytes?: unknown;
  };
  if (name === undefined) throw new HttpError(400, "missing field: name");
  assertDatabaseName(name, "name");
  if (
    maxRequestBytes !== undefined &&
    !(typeof maxRequestBytes === "number" && Number.isInteger(maxRequestBytes) && maxRequestBytes >= 1024)
  ) {
    throw new HttpError(400, "invalid field: maxRequestBytes must be a whole number of bytes, at least 1024");
  }
  const limit = maxRequestBytes === undefined ? {} : { maxRequestBytes };
  if (template === undefined || template === null) return { name, ...limit };
  assertDatabaseName(template, "template");
  return { name, template, ...limit };
}

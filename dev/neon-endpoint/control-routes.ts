// The /_dev control API, for tests that can only reach the endpoint by fetch (inside workerd):
// create a database (optionally from a template), drop one, list them, check health.

import { Hono } from "hono";
import type { Backend } from "./backend.js";
import { readBodyText } from "./body.js";
import { assertDatabaseName } from "./database-names.js";
import { HttpError } from "./errors.js";
import { errorResponse, json } from "./responses.js";

const MAX_CONTROL_BODY = 64 * 1024;

export function controlRoutes(backend: Backend, log: (line: string) => void): Hono {
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
      const { name, template } = parseCreateBody(await readBodyText(c.req.raw, MAX_CONTROL_BODY));
      await backend.createDatabase(name, template);
      log(`created database ${name}${template === undefined ? "" : ` from ${template}`}`);
      return json(201, { name, ...(template === undefined ? {} : { template }) });
    } catch (error) {
      return errorResponse(error, { control: true });
    }
  });

  app.delete("/databases/:name", async (c) => {
    try {
      const name = decodeURIComponent(c.req.param("name"));
      assertDatabaseName(name, "database name");
      await backend.dropDatabase(name);
      log(`dropped database ${name}`);
      return json(200, { name, dropped: true });
    } catch (error) {
      return errorResponse(error, { control: true });
    }
  });

  return app;
}

function parseCreateBody(text: string): { name: string; template?: string } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, `invalid JSON body: ${(error as Error).message}`);
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'invalid body: expected {"name": "...", "template": "optional"}');
  }
  const { name, template } = body as { name?: unknown; template?: unknown };
  if (name === undefined) throw new HttpError(400, "missing field: name");
  assertDatabaseName(name, "name");
  if (template === undefined || template === null) return { name };
  assertDatabaseName(template, "template");
  return { name, template };
}

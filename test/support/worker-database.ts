// Inside workerd tests: gives the calling test file a database of its own, cloned from the migrated
// template that global-setup prepared, and points env.DATABASE_URL (seen by SELF, queues and Durable
// Objects in this isolate) at it.
import { env } from "cloudflare:test";
import { afterAll, beforeAll } from "vitest";

import { TEMPLATE_DATABASE } from "./template";

/** `maxRequestBytes` makes the endpoint refuse this database's bigger requests (413), as Neon refuses over 10 MiB. */
export async function createTestDatabase(prefix = "t", maxRequestBytes?: number): Promise<string> {
  const name = `${prefix}_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const response = await fetch(`${env.NEON_CONTROL_URL}/_dev/databases`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name, template: TEMPLATE_DATABASE, maxRequestBytes }),
  });
  if (!response.ok)
    throw new Error(`Could not create test database ${name}: ${response.status} ${await response.text()}`);
  const url = new URL(env.DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database made by createTestDatabase: each PGlite database lives in the endpoint's memory. */
export async function dropTestDatabase(databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const response = await fetch(`${env.NEON_CONTROL_URL}/_dev/databases/${encodeURIComponent(name)}`, {
    method: "DELETE",
  });
  if (!response.ok)
    throw new Error(`Could not drop test database ${name}: ${response.status} ${await response.text()}`);
}

/**
 * Call at the top of a test file: the file's tests run against a fresh migrated database, dropped after
 * the file (kept, ~100 MB of PGlite memory per file added up to an out-of-memory kill of the whole suite).
 */
export function useTestDatabase(options: { maxRequestBytes?: number } = {}): void {
  let url: string | undefined;
  beforeAll(async () => {
    url = await createTestDatabase("t", options.maxRequestBytes);
    env.DATABASE_URL = url;
  });
  afterAll(async () => {
    if (url) await dropTestDatabase(url);
  });
}

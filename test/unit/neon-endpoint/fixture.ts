// Shared helpers for the neon-endpoint tests: raw HTTP calls that bypass the driver, and
// unique database names (a real PostgreSQL server keeps databases between runs).

export const POSTGRES_URL = process.env.NEON_ENDPOINT_TEST_POSTGRES_URL;

let counter = 0;
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${counter}`;
}

export interface RawReply {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/** POSTs a SQL-over-HTTP request the way the driver does, with headers overridable. */
export async function postSql(
  sqlUrl: string,
  body: unknown,
  headers: Record<string, string | undefined>,
): Promise<RawReply> {
  const sent: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) if (value !== undefined) sent[key] = value;
  const response = await fetch(sqlUrl, {
    method: "POST",
    headers: sent,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as RawReply["body"],
  };
}

export async function control(url: string, method: string, path: string, body?: string): Promise<RawReply> {
  const response = await fetch(`${url}${path}`, { method, ...(body === undefined ? {} : { body }) });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as RawReply["body"],
  };
}

/** Awaits a promise expected to reject and returns the rejection (fails the test otherwise). */
export async function rejection(promise: Promise<unknown>): Promise<Record<string, unknown> & Error> {
  try {
    await promise;
  } catch (error) {
    return error as Record<string, unknown> & Error;
  }
  throw new Error("expected the promise to reject, but it resolved");
}

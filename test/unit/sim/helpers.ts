// Shared helpers for the simulator tests: start/stop on port 0, authenticated Ozon and WB calls.

// biome-ignore-all lint/suspicious/noExplicitAny: vendor JSON bodies are inspected loosely in these tests.
import { type Simulator, type SimulatorOptions, startSimulator } from "../../../dev/sim/server";

export const OZON_HEADERS = {
  "Client-Id": "1001",
  "Api-Key": "demo-ozon-key",
  "Content-Type": "application/json",
};
export const WB_TOKEN = "demo-wb-token";

export function start(options: SimulatorOptions = {}): Promise<Simulator> {
  return startSimulator({ port: 0, seed: 7, size: 400, ...options });
}

export interface JsonResponse<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  json: T;
}

async function read<T>(response: Response): Promise<JsonResponse<T>> {
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json: json as T };
}

export async function ozon<T = any>(
  sim: Simulator,
  path: string,
  body: unknown,
  headers: Record<string, string> = OZON_HEADERS,
): Promise<JsonResponse<T>> {
  return read<T>(
    await fetch(`${sim.url}/ozon${path}`, { method: "POST", headers, body: JSON.stringify(body) }),
  );
}

export async function wb<T = any>(
  sim: Simulator,
  path: string,
  init: { method?: string; body?: unknown; token?: string | null } = {},
): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  const token = init.token === undefined ? WB_TOKEN : init.token;
  if (token !== null) headers.Authorization = token;
  return read<T>(
    await fetch(`${sim.url}/wb${path}`, {
      method: init.method ?? "GET",
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
  );
}

export async function control<T = any>(
  sim: Simulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<JsonResponse<T>> {
  return read<T>(
    await fetch(`${sim.url}/_sim${path}`, {
      method,
      headers: { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
}

/** Counts of each key; used to check that paging returned every row exactly once. */
export function counts(keys: string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const key of keys) map.set(key, (map.get(key) ?? 0) + 1);
  return map;
}

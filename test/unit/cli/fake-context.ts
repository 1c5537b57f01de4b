// A CliContext for command tests: a scripted API (method + path → answer), captured output, a manual clock.
import type { Api } from "../../../cli/api-client";
import { resolveConnection } from "../../../cli/connection";
import type { CliContext } from "../../../cli/context";
import { NOW } from "./fixtures";

export type Route = (body: unknown, call: number) => unknown;

export function fakeContext(routes: Record<string, Route>, options: { database?: boolean } = {}) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  const counts = new Map<string, number>();
  const lines: string[] = [];
  let now = NOW;
  const api: Api = {
    async request<T>(method: string, path: string, body?: unknown): Promise<T> {
      calls.push({ method, path, body });
      const key = `${method} ${path}`;
      const route = routes[key];
      if (!route) throw new Error(`unexpected request ${key}`);
      const call = (counts.get(key) ?? 0) + 1;
      counts.set(key, call);
      return route(body, call) as T;
    },
  };
  const connection = resolveConnection({ url: "http://127.0.0.1:8787" }, {});
  if (!options.database) connection.database = undefined;
  const ctx: CliContext = {
    connection,
    api: () => api,
    out: (line) => lines.push(line),
    json: false,
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
  };
  return { ctx, calls, lines };
}

// What a command runs with: the resolved connection, the API client and database opened on first use,
// where output goes, and the clock (injectable, so tests need no network and no waiting).
import { type Api, ApiClient } from "./api-client";
import { ArgumentError } from "./args";
import type { Connection } from "./connection";

export interface CliContext {
  connection: Connection;
  /** The Worker's JSON API; throws an ArgumentError when there are no credentials for a remote Worker. */
  api(): Api;
  out(line: string): void;
  /** --json: commands print the API's JSON instead of text. */
  json: boolean;
  now(): number;
  sleep(ms: number): Promise<void>;
}

export function createContext(connection: Connection, json: boolean): CliContext {
  let client: ApiClient | undefined;
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  return {
    connection,
    api() {
      if (connection.auth.kind === "none") {
        throw new ArgumentError(
          `--api-key: required for ${connection.baseUrl} (or set MI_CORE_API_KEY, or --email and --password)`,
        );
      }
      client ??= new ApiClient({ baseUrl: connection.baseUrl, auth: connection.auth, sleep });
      return client;
    },
    out: (line) => console.log(line),
    json,
    now: () => Date.now(),
    sleep,
  };
}

// Where the CLI talks to and as whom, from flags, then environment, then the local dev defaults: the Worker
// URL and its credentials (API key, email/password, or the demo user locally), and the database used by
// the commands that have no API route (accounts).
import type { Auth } from "./api-client";
import { ArgumentError, stringValue, type Values } from "./args";
import { DEMO_LOGIN, DEV_CREDENTIALS_KEY, LOCAL_DATABASE_URL, LOCAL_WORKER_URL } from "./local-defaults";

export interface DatabaseTarget {
  url: string;
  /** The local Neon endpoint's /sql URL; undefined means Neon itself. */
  httpEndpoint: string | undefined;
  /** Whether the database lives on this machine (the dev credentials key is then acceptable). */
  local: boolean;
  /** Neither --database-url nor DATABASE_URL named it: the dev runner's default port was assumed. */
  assumed: boolean;
}

export interface Connection {
  baseUrl: string;
  local: boolean;
  auth: Auth;
  /** For messages: "API key mic_abc…", "demo@mi-core.local (demo user)". */
  authLabel: string;
  database: DatabaseTarget | undefined;
  credentialsKey: string | undefined;
}

export type Env = Record<string, string | undefined>;

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

export function isLocalHost(hostname: string): boolean {
  return LOCAL_HOSTS.has(hostname.toLowerCase());
}

function parseUrl(text: string, option: string, protocols: readonly string[]): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ArgumentError(`${option}: not a URL: "${text}"`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ArgumentError(`${option}: expected ${protocols.join(" or ")} URL, got "${text}"`);
  }
  return url;
}

function resolveAuth(values: Values, env: Env, local: boolean): { auth: Auth; label: string } {
  const key = stringValue(values, "api-key") ?? env.MI_CORE_API_KEY;
  if (key) {
    if (!key.startsWith("mic_")) throw new ArgumentError("--api-key: expected a key starting with mic_");
    return { auth: { kind: "api-key", key }, label: `API key ${key.slice(0, 12)}…` };
  }
  const email = stringValue(values, "email") ?? env.MI_CORE_EMAIL;
  const password = stringValue(values, "password") ?? env.MI_CORE_PASSWORD;
  if (email || password) {
    if (!email) throw new ArgumentError("--email: required with --password (or set MI_CORE_EMAIL)");
    if (!password) throw new ArgumentError("--password: required with --email (or set MI_CORE_PASSWORD)");
    return { auth: { kind: "login", email, password }, label: email };
  }
  if (local) return { auth: { kind: "login", ...DEMO_LOGIN }, label: `${DEMO_LOGIN.email} (demo user)` };
  return { auth: { kind: "none" }, label: "nobody" };
}

function resolveDatabase(values: Values, env: Env, local: boolean): DatabaseTarget | undefined {
  const named = stringValue(values, "database-url") ?? env.DATABASE_URL;
  const text = named ?? (local ? LOCAL_DATABASE_URL : undefined);
  if (!text) return undefined;
  const url = parseUrl(text, "--database-url", ["postgres:", "postgresql:"]);
  const onThisMachine = isLocalHost(url.hostname);
  // A database URL on this machine means the local Neon endpoint, which serves SQL at /sql on that port.
  const httpEndpoint =
    env.NEON_HTTP_ENDPOINT || (onThisMachine ? `http://${url.hostname}:${url.port || 8791}/sql` : undefined);
  return { url: text, httpEndpoint, local: onThisMachine, assumed: named === undefined };
}

export function resolveConnection(values: Values, env: Env): Connection {
  const urlText = stringValue(values, "url") ?? env.MI_CORE_URL ?? LOCAL_WORKER_URL;
  const url = parseUrl(urlText, "--url", ["http:", "https:"]);
  const local = isLocalHost(url.hostname);
  const { auth, label } = resolveAuth(values, env, local);
  const database = resolveDatabase(values, env, local);
  const credentialsKey = env.CREDENTIALS_KEY || (database?.local ? DEV_CREDENTIALS_KEY : undefined);
  return { baseUrl: url.origin, local, auth, authLabel: label, database, credentialsKey };
}

// The CLI's JSON client for the Worker's /api: a Bearer API key, or a session cookie from signing in with
// email and password; the API's error shape becomes an ApiRequestError carrying its message and requestId.

export interface Api {
  request<T>(method: "GET" | "POST" | "PUT" | "DELETE", path: string, body?: unknown): Promise<T>;
}

export type Auth =
  | { kind: "api-key"; key: string }
  | { kind: "login"; email: string; password: string }
  | { kind: "none" };

export class ApiRequestError extends Error {
  override name = "ApiRequestError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string,
    /** The answer's JSON body, when it had one (a 503 health report carries its checks). */
    readonly body: unknown = undefined,
  ) {
    super(message);
  }
}

/** Connection failures after the Worker was reached: worth repeating a GET for, unlike a refused connection. */
const DROPPED = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED"]);
const DROPPED_RETRIES = 2;

/** The Worker could not be reached at all (not running, wrong URL, DNS...). */
export class ApiUnreachableError extends Error {
  override name = "ApiUnreachableError";
}

/** Reads `{"error":{"code","message","requestId"}}`, falling back to the status and the X-Request-Id header. */
export function errorFromResponse(
  status: number,
  text: string,
  headerRequestId: string | null,
): ApiRequestError {
  let code = `HTTP_${status}`;
  let message = text.trim().slice(0, 300) || `HTTP ${status}`;
  let requestId = headerRequestId ?? "";
  let parsed: unknown;
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; requestId?: unknown } };
    parsed = body;
    if (body.error && typeof body.error.message === "string") {
      message = body.error.message;
      if (typeof body.error.code === "string") code = body.error.code;
      if (typeof body.error.requestId === "string" && body.error.requestId) requestId = body.error.requestId;
    }
  } catch {
    // Not JSON (a proxy's HTML page...): keep the text.
  }
  return new ApiRequestError(status, code, message, requestId, parsed);
}

/** The `name=value` of the session cookie among Set-Cookie headers, or undefined. */
export function sessionCookie(setCookies: readonly string[], name = "mi_session"): string | undefined {
  for (const header of setCookies) {
    const pair = header.split(";")[0]?.trim() ?? "";
    if (pair.startsWith(`${name}=`) && pair.length > name.length + 1) return pair;
  }
  return undefined;
}

export interface ApiClientOptions {
  baseUrl: string;
  auth: Auth;
  fetch?: typeof fetch;
  /** Waits on a 429 with Retry-After (at most this many times per request). */
  retries429?: number;
  sleep?: (ms: number) => Promise<void>;
}

export class ApiClient implements Api {
  private cookie: string | undefined;
  private readonly fetcher: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: ApiClientOptions) {
    this.fetcher = options.fetch ?? fetch;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  async request<T>(method: "GET" | "POST" | "PUT" | "DELETE", path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const auth = this.options.auth;
    if (auth.kind === "api-key") headers.Authorization = `Bearer ${auth.key}`;
    else if (auth.kind === "login") headers.Cookie = await this.signIn(auth);
    const init = { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
    const response = await this.send(path, init);
    const text = await response.text();
    if (!response.ok) throw errorFromResponse(response.status, text, response.headers.get("X-Request-Id"));
    return (text ? JSON.parse(text) : null) as T;
  }

  private async send(path: string, init: RequestInit): Promise<Response> {
    const url = new URL(path, this.options.baseUrl).toString();
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await this.fetcher(url, init);
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        const why = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
        // A dropped connection on a busy Worker: a read may be sent again (a write might have landed).
        if (init.method === "GET" && DROPPED.has(cause?.code ?? "") && attempt < DROPPED_RETRIES) {
          await this.sleep(1000);
          continue;
        }
        throw new ApiUnreachableError(`cannot reach ${this.options.baseUrl} (${why})`);
      }
      const retryAfter = Number(response.headers.get("Retry-After"));
      if (response.status !== 429 || attempt >= (this.options.retries429 ?? 2) || !(retryAfter <= 60)) {
        return response;
      }
      await response.body?.cancel();
      await this.sleep(Math.max(1, retryAfter) * 1000);
    }
  }

  /** Signs in once per process; the cookie is kept in memory only. */
  private async signIn(auth: { email: string; password: string }): Promise<string> {
    if (this.cookie) return this.cookie;
    const response = await this.send("/api/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ email: auth.email, password: auth.password }),
    });
    const text = await response.text();
    if (!response.ok) throw errorFromResponse(response.status, text, response.headers.get("X-Request-Id"));
    const cookie = sessionCookie(response.headers.getSetCookie());
    if (!cookie)
      throw new ApiRequestError(response.status, "NO_SESSION", "sign-in set no session cookie", "");
    this.cookie = cookie;
    return cookie;
  }
}

// Talks to /api on the same origin: JSON in and out, the API's one error shape turned into ApiFailure,
// a 401 reported to the session model, and a 429 waited out once (Retry-After) before giving up, with the
// wait announced in `rateLimitUntil` so the page says why it is slow instead of sitting blank.
import { signal } from "@preact/signals";

/** What the API's error body says was wrong (400, 409): the field, a stable reason and its numbers. */
export interface FieldProblem {
  field: string;
  reason: string;
  params?: Record<string, string | number>;
}

export class ApiFailure extends Error {
  override name = "ApiFailure";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId = "",
    readonly problem: FieldProblem | null = null,
  ) {
    super(message);
  }
}

type UnauthorizedListener = () => void;
let onUnauthorized: UnauthorizedListener = () => {};

/** The session model registers itself here, so any 401 signs the dashboard out. */
export function whenUnauthorized(listener: UnauthorizedListener): void {
  onUnauthorized = listener;
}

const MAX_RATE_LIMIT_WAIT_S = 65;
/** How long a request may go unanswered before the page says so (a stalled server must not leave it blank). */
export const REQUEST_TIMEOUT_MS = 30_000;

/**
 * When the requests now waiting out a 429's Retry-After will try again (ms since the epoch, the latest of
 * them); null when none waits.
 */
export const rateLimitUntil = signal<number | null>(null);
let waitingOutRateLimit = 0;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

async function failureFrom(response: Response): Promise<ApiFailure> {
  try {
    const body = (await response.json()) as {
      error?: { code?: string; message?: string; requestId?: string } & Partial<FieldProblem>;
    };
    const error = body.error ?? {};
    const problem =
      typeof error.field === "string" && typeof error.reason === "string"
        ? { field: error.field, reason: error.reason, ...(error.params && { params: error.params }) }
        : null;
    return new ApiFailure(
      response.status,
      error.code ?? "HTTP_ERROR",
      error.message ?? response.statusText,
      error.requestId ?? response.headers.get("X-Request-Id") ?? "",
      problem,
    );
  } catch {
    return new ApiFailure(response.status, "HTTP_ERROR", `${response.status} ${response.statusText}`);
  }
}

export async function apiRequest<T>(
  method: string,
  path: string,
  options: { body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
    try {
      response = await fetch(path, {
        method,
        credentials: "same-origin",
        signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
        headers:
          options.body === undefined
            ? { Accept: "application/json" }
            : {
                Accept: "application/json",
                "Content-Type": "application/json",
              },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      if (timeout.aborted) throw new ApiFailure(0, "TIMEOUT", `no answer in ${REQUEST_TIMEOUT_MS / 1000} s`);
      throw new ApiFailure(0, "NETWORK", error instanceof Error ? error.message : String(error));
    }
    if (response.status === 429 && attempt === 0) {
      const wait = Math.min(Number(response.headers.get("Retry-After")) || 5, MAX_RATE_LIMIT_WAIT_S);
      const until = Date.now() + wait * 1000;
      rateLimitUntil.value = Math.max(rateLimitUntil.value ?? 0, until);
      waitingOutRateLimit++;
      try {
        await sleep(wait * 1000, options.signal);
      } finally {
        if (--waitingOutRateLimit === 0) rateLimitUntil.value = null;
      }
      continue;
    }
    if (response.status === 401 && !path.startsWith("/api/auth/login")) onUnauthorized();
    if (!response.ok) throw await failureFrom(response);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
}

export function apiGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  return apiRequest<T>("GET", path, { signal });
}

/** Builds `/api/x?a=1&b=2`, leaving out empty values. */
export function apiPath(
  path: string,
  query: Record<string, string | number | boolean | undefined | null>,
): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

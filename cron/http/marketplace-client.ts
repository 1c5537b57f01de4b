// Sends one logical vendor request: waits for the endpoint's budget, applies a timeout, retries 429, 5xx,
// timeouts and network errors with backoff (honouring the vendor's retry headers), feeds the circuit breaker,
// and maps failures to MarketplaceError. A wait longer than `maxInlineWaitMs` is not slept through: it is
// thrown as retryable with `retryAfterMs` (no budget slot is booked for it), so the queue redelivers the page later.
import { type BackoffOptions, backoffDelayMs, DEFAULT_BACKOFF, vendorRetryDelayMs } from "./backoff";
import { type RowsAt, streamRows } from "./json-rows";
import { MarketplaceError } from "./marketplace-error";
import type { BudgetRule } from "./request-budget";
import type { RequestGate } from "./request-gate";

export interface VendorRequest {
  method: "GET" | "POST";
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}

/** Turns a non-2xx answer into an error; adapters supply the vendor's own rules. */
export type ErrorMapper = (
  endpoint: string,
  status: number,
  bodyText: string,
  headers: Headers,
) => MarketplaceError;

export interface ClientOptions {
  fetch?: typeof fetch;
  gate: RequestGate;
  timeoutMs?: number;
  maxAttempts?: number;
  backoff?: BackoffOptions;
  maxInlineWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** What calls cost, for the run log. */
export interface CallStats {
  requests: number;
  failed: number;
  ms: number;
}

/** What a streamed answer brought: how many rows went to the reader, and a small body without rows, parsed. */
export interface RowsAnswer {
  rows: number;
  /** The whole body when no row came and it was small (an empty listing, or another shape to check). */
  small?: unknown;
}

/** Reads a 2xx answer's body: parsed whole (`call`) or streamed row by row (`callRows`). */
type BodyReader<T> = (endpoint: string, response: Response) => Promise<T>;

export const emptyCallStats = (): CallStats => ({ requests: 0, failed: 0, ms: 0 });

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class MarketplaceClient {
  readonly stats: CallStats = emptyCallStats();
  private readonly options: Required<ClientOptions>;

  constructor(options: ClientOptions) {
    this.options = {
      fetch: (input, init) => fetch(input, init),
      timeoutMs: 30_000,
      maxAttempts: 5,
      backoff: DEFAULT_BACKOFF,
      maxInlineWaitMs: 15_000,
      sleep: defaultSleep,
      random: Math.random,
      ...options,
    };
  }

  /** Returns the parsed JSON body of a 2xx answer (null for a 204 without one). */
  call(
    endpoint: string,
    budget: BudgetRule,
    request: VendorRequest,
    mapError: ErrorMapper,
  ): Promise<unknown> {
    return this.send(endpoint, budget, request, mapError, readWhole);
  }

  /**
   * Streams a 2xx answer's rows at `at` to the row reader `startReading` makes, one row at a time, without holding
   * the body (null for a 204). Every attempt starts a new reader: rows of an attempt that failed midway are never
   * mixed with the retry's. A body that is not JSON, or whose rows are not an array at `at`, is MALFORMED_RESPONSE.
   */
  callRows(
    endpoint: string,
    budget: BudgetRule,
    request: VendorRequest,
    mapError: ErrorMapper,
    at: RowsAt,
    startReading: () => (raw: unknown) => void,
  ): Promise<RowsAnswer | null> {
    return this.send(endpoint, budget, request, mapError, (id, response) =>
      readRows(id, response, at, startReading()),
    );
  }

  private async send<T>(
    endpoint: string,
    budget: BudgetRule,
    request: VendorRequest,
    mapError: ErrorMapper,
    read: BodyReader<T>,
  ): Promise<T | null> {
    const { maxAttempts } = this.options;
    for (let attempt = 1; ; attempt++) {
      await this.waitForSlot(endpoint, budget);
      let error: MarketplaceError;
      try {
        const body = await this.attempt(endpoint, request, mapError, read);
        await this.options.gate.report(endpoint, true);
        return body;
      } catch (failure) {
        error = this.asMarketplaceError(endpoint, failure);
      }
      this.stats.failed++;
      await this.options.gate.report(endpoint, !error.retryable);
      if (!error.retryable || attempt >= maxAttempts) throw error;
      const delay = backoffDelayMs(attempt, error.retryAfterMs, this.options.backoff, this.options.random);
      if (delay > this.options.maxInlineWaitMs) {
        throw new MarketplaceError(error.code, error.message, endpoint, error.status, delay);
      }
      await this.options.sleep(delay);
    }
  }

  /**
   * Books a slot of a second budget an endpoint has beside its per-call one (a daily cap): waits inline or throws
   * the wait as retryable, as a call's own budget does.
   */
  reserve(key: string, budget: BudgetRule): Promise<void> {
    return this.waitForSlot(key, budget);
  }

  /** Waits for a budget slot inline, or throws the wait to the caller; the gate books only a slot waited for. */
  private async waitForSlot(endpoint: string, budget: BudgetRule): Promise<void> {
    const { maxInlineWaitMs } = this.options;
    const answer = await this.options.gate.acquire(endpoint, budget, maxInlineWaitMs);
    if (!answer.go && answer.reason === "circuit-open") {
      const waitMs = Math.max(0, answer.retryAtMs - Date.now());
      throw new MarketplaceError(
        "CIRCUIT_OPEN",
        `Circuit open for ${endpoint} after repeated failures`,
        endpoint,
        null,
        waitMs,
      );
    }
    // A gate that ignores maxWaitMs (one not yet updated) may answer go with a long wait: not slept through either.
    if (!answer.go || answer.waitMs > maxInlineWaitMs) {
      throw new MarketplaceError(
        "RATE_LIMITED",
        `Request budget of ${endpoint} is spent`,
        endpoint,
        null,
        answer.waitMs,
      );
    }
    if (answer.waitMs > 0) await this.options.sleep(answer.waitMs);
  }

  private async attempt<T>(
    endpoint: string,
    request: VendorRequest,
    mapError: ErrorMapper,
    read: BodyReader<T>,
  ): Promise<T | null> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
    const started = Date.now();
    this.stats.requests++;
    try {
      const response = await this.options.fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: controller.signal,
      });
      // 204 No Content: the vendor has nothing to send (WB's remains download of an empty report); read as null.
      if (response.status === 204) {
        await response.body?.cancel();
        return null;
      }
      if (!response.ok) {
        const text = await response.text();
        const mapped = mapError(endpoint, response.status, text, response.headers);
        const asked = vendorRetryDelayMs(response.headers);
        throw asked === null || mapped.retryAfterMs !== null
          ? mapped
          : new MarketplaceError(mapped.code, mapped.message, endpoint, mapped.status, asked);
      }
      return await read(endpoint, response);
    } finally {
      clearTimeout(timer);
      this.stats.ms += Date.now() - started;
    }
  }

  private asMarketplaceError(endpoint: string, failure: unknown): MarketplaceError {
    if (failure instanceof MarketplaceError) return failure;
    if (failure instanceof Error && failure.name === "AbortError") {
      return new MarketplaceError(
        "TIMEOUT",
        `${endpoint} did not answer within ${this.options.timeoutMs} ms`,
        endpoint,
      );
    }
    return new MarketplaceError(
      "NETWORK",
      `${endpoint}: ${failure instanceof Error ? failure.message : String(failure)}`,
      endpoint,
    );
  }
}

const notJson = (endpoint: string, status: number, head: string) =>
  new MarketplaceError(
    "MALFORMED_RESPONSE",
    `${endpoint} answered ${status} with a body that is not JSON: ${head.slice(0, 120)}`,
    endpoint,
    status,
  );

async function readWhole(endpoint: string, response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw notJson(endpoint, response.status, text);
  }
}

async function readRows(
  endpoint: string,
  response: Response,
  at: RowsAt,
  onRow: (raw: unknown) => void,
): Promise<RowsAnswer> {
  const read = await streamRows(response.body, at, onRow);
  if (read.ok) return read.small === undefined ? { rows: read.rows } : { rows: 0, small: read.small };
  if (read.problem === "not-json") throw notJson(endpoint, response.status, read.head);
  throw new MarketplaceError(
    "MALFORMED_RESPONSE",
    `${endpoint}: the response has no ${at.expected} (${read.detail}): ${read.head}`,
    endpoint,
    response.status,
  );
}

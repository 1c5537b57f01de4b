// One piece of remote data as signals (data, error, loading) with a load action that cancels the
// previous request, keeps the last good data on screen while reloading, and ignores stale answers. Every resource
// is listed so that a session's end (models/session.ts) can clear them all: no answer outlives its session.
import { batch, type Signal, signal } from "@preact/signals";
import { ApiFailure } from "../api/client";

export interface Resource<T> {
  readonly data: Signal<T | undefined>;
  readonly error: Signal<ApiFailure | null>;
  readonly loading: Signal<boolean>;
  /** The key of the answer now in `data` (e.g. its URL and data version). */
  readonly key: Signal<string | null>;
  load(key: string, fetcher: (abort: AbortSignal) => Promise<T>): Promise<void>;
  /** Loads only when `key` differs from the data already held. */
  ensure(key: string, fetcher: (abort: AbortSignal) => Promise<T>): Promise<void>;
  reset(): void;
}

export function toFailure(error: unknown): ApiFailure {
  if (error instanceof ApiFailure) return error;
  return new ApiFailure(0, "CLIENT", error instanceof Error ? error.message : String(error));
}

const everyResource = new Set<Resource<unknown>>();

/** Clears every resource created (its data, error and key) and cancels its request: the session ended. */
export function forgetEveryResource(): void {
  for (const resource of everyResource) resource.reset();
}

export function createResource<T>(): Resource<T> {
  const data = signal<T | undefined>(undefined);
  const error = signal<ApiFailure | null>(null);
  const loading = signal(false);
  const key = signal<string | null>(null);
  let current: AbortController | null = null;
  let pendingKey: string | null = null;

  async function load(nextKey: string, fetcher: (abort: AbortSignal) => Promise<T>): Promise<void> {
    current?.abort();
    const controller = new AbortController();
    current = controller;
    pendingKey = nextKey;
    batch(() => {
      loading.value = true;
      error.value = null;
    });
    try {
      const value = await fetcher(controller.signal);
      if (current !== controller) return;
      batch(() => {
        data.value = value;
        key.value = nextKey;
        loading.value = false;
      });
    } catch (caught) {
      if (current !== controller) return;
      batch(() => {
        error.value = toFailure(caught);
        loading.value = false;
      });
    } finally {
      if (current === controller) {
        current = null;
        pendingKey = null;
      }
    }
  }

  const resource: Resource<T> = {
    data,
    error,
    loading,
    key,
    load,
    ensure(nextKey, fetcher) {
      if (key.value === nextKey && !error.value) return Promise.resolve();
      if (pendingKey === nextKey) return Promise.resolve();
      return load(nextKey, fetcher);
    },
    reset() {
      current?.abort();
      current = null;
      pendingKey = null;
      batch(() => {
        data.value = undefined;
        error.value = null;
        loading.value = false;
        key.value = null;
      });
    },
  };
  everyResource.add(resource as Resource<unknown>);
  return resource;
}

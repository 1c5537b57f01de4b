// Adapter tests without the simulator: a page context whose vendor answers every request 200 with a scripted
// body, and the MarketplaceError an adapter call fails with.
import { expect } from "vitest";
import type { PageContext } from "../../../cron/adapters/adapter";
import { MarketplaceClient } from "../../../cron/http/marketplace-client";
import { MarketplaceError } from "../../../cron/http/marketplace-error";
import { MemoryRequestGate } from "../../../cron/http/request-gate";

/**
 * A page context of a `marketplace` account at http://<marketplace>.test whose vendor answers `answer(url, body)`
 * (the request's JSON body, parsed; undefined without one).
 */
export function answeringContext(
  marketplace: "ozon" | "wb",
  answer: (url: string, body: unknown) => unknown,
  rateScale = 1000,
): PageContext {
  const fetchFn = (async (url: string, init?: RequestInit) => {
    const body = typeof init?.body === "string" ? (JSON.parse(init.body) as unknown) : undefined;
    return new Response(JSON.stringify(answer(url, body)), { status: 200 });
  }) as unknown as typeof fetch;
  return {
    client: new MarketplaceClient({ gate: new MemoryRequestGate(), fetch: fetchFn }),
    credentials:
      marketplace === "ozon" ? { ozon: { clientId: "1001", apiKey: "k" } } : { wb: { token: "t" } },
    baseUrl: `http://${marketplace}.test`,
    rateScale,
    runKind: "full",
  };
}

/** The MarketplaceError `call` rejects with; fails the test if it resolves or rejects with anything else. */
export async function marketplaceError(call: () => Promise<unknown>): Promise<MarketplaceError> {
  const error = await call().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MarketplaceError);
  return error as MarketplaceError;
}

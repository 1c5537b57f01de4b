// What the in-process passes share: the run's identity, credentials and transport, and the page-context and
// page-scope objects every adapter and loader call takes.
import type { Marketplace } from "../../db/schema/enums";
import type { AccountCredentials, PageContext } from "../adapters/adapter";
import { MarketplaceClient } from "../http/marketplace-client";
import type { RequestGate } from "../http/request-gate";
import type { PageScope } from "../load/page-scope";
import type { StatementRunner } from "../load/statement-runner";

export interface SyncInput {
  run: StatementRunner;
  gate: RequestGate;
  orgId: string;
  accountId: string;
  runId: string;
  marketplace: Marketplace;
  kind: "full" | "incremental";
  credentials: AccountCredentials;
  baseUrl: string | null;
  /** Stock adapters: each source's first is used, later ones of the same source replace it when switched off. */
  adapters?: string[];
  /** Sales adapters run after stock; undefined = the marketplace default, [] = none. */
  sales?: string[];
  rateScale?: number;
  /** The account's stock jump factor (marketplace_accounts.stock_jump_factor); null or absent = the default. */
  jumpFactor?: number | null;
  /** Caps the rows asked per page of offset/cursor-paged endpoints (small pages in tests). */
  pageLimit?: number;
  fetch?: typeof fetch;
  /** Clock for the feeds' start positions (defaults to Date.now). */
  nowMs?: number;
  onPage?: (progress: { endpoint: string; page: number; rows: number }) => void;
}

export function newPassContext(input: SyncInput): { client: MarketplaceClient; context: PageContext } {
  const client = new MarketplaceClient({
    gate: input.gate,
    ...(input.fetch ? { fetch: input.fetch } : {}),
    maxInlineWaitMs: 120_000,
  });
  const context: PageContext = {
    client,
    credentials: input.credentials,
    baseUrl: input.baseUrl,
    rateScale: input.rateScale ?? 1,
    pageLimit: input.pageLimit,
    runKind: input.kind,
  };
  return { client, context };
}

export function pageScope(input: SyncInput, endpoint: string, page: number): PageScope {
  return {
    orgId: input.orgId,
    accountId: input.accountId,
    marketplace: input.marketplace,
    runId: input.runId,
    pageKey: `${endpoint}#${page}`,
    endpoint,
  };
}

/** The API calls made since `before`, for the run log. */
export function callsSince(client: MarketplaceClient, before: MarketplaceClient["stats"]) {
  return {
    requests: client.stats.requests - before.requests,
    failed: client.stats.failed - before.failed,
    ms: client.stats.ms - before.ms,
  };
}

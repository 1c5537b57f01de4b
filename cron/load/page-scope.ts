// Who and what a loaded page belongs to: the tenant, the account, the run and the page's idempotency key.
// Every statement of a page is guarded by the page claim, so a redelivered page changes nothing.
import { type SQL, sql } from "drizzle-orm";
import type { Marketplace } from "../../db/schema/enums";

export interface PageScope {
  orgId: string;
  accountId: string;
  marketplace: Marketplace;
  runId: string;
  /** "<endpoint>#<page number>": unique within the run. */
  pageKey: string;
  endpoint: string;
}

/** Claims the page for this transaction; does nothing when any transaction (this run) claimed it before. */
export function claimPage(scope: PageScope, rows: number): SQL {
  return sql`insert into etl_pages (run_id, page_key, rows) values (${scope.runId}, ${scope.pageKey}, ${rows})
    on conflict (run_id, page_key) do nothing`;
}

/** True only inside the transaction that inserted the claim: a concurrent or later redelivery sees false. */
export function ownsPage(scope: PageScope): SQL {
  return sql`exists (select 1 from etl_pages where run_id = ${scope.runId} and page_key = ${scope.pageKey}
    and xmin::text = (pg_current_xact_id()::text::bigint % 4294967296)::text)`;
}

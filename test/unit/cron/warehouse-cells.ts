// Stock, orders and snapshots of one listing at one warehouse ("A-1:wb@W1"), written straight into a PGlite
// organization's tables, and a finalize of an account's run: the scenario steps the read-model tests share
// (stock-summaries, supply-plan-inputs) when they compare what finalize stores with the previous queries.
import { finalizeRun } from "../../../cron/load/finalize-run";
import type { TestDatabase } from "./pglite-database";

type Marketplace = "ozon" | "wb";

/** The test's organization, read when a step runs (its ids are set in beforeAll). */
export interface CellWorld {
  db: TestDatabase;
  orgId: string;
  accounts: Record<Marketplace, string>;
  /** "A-1:wb" → listing id. */
  listings: Record<string, string>;
  /** "W1" → warehouse id. */
  warehouses: Record<string, number>;
  marketplaceOf(warehouse: string): Marketplace;
}

export function warehouseCells(world: () => CellWorld) {
  const cellOf = (cell: string) => {
    const [listing, warehouse] = cell.split("@") as [string, string];
    const w = world();
    return {
      w,
      listing: w.listings[listing],
      warehouse: w.warehouses[warehouse],
      marketplace: w.marketplaceOf(warehouse),
    };
  };
  return {
    async stock(cell: string, available: number, reserved = 0, inTransit = 0) {
      const { w, listing, warehouse, marketplace } = cellOf(cell);
      await w.db.query(
        `insert into inventory (org_id, listing_id, warehouse_id, product_id, marketplace, available, reserved,
           in_transit, source_endpoint, last_synced_at)
         select $1, l.id, $2, l.product_id, $3, $4, $5, $6, 'test', clock_timestamp() from listings l where l.id = $7
         on conflict (listing_id, warehouse_id) do update set available = excluded.available,
           reserved = excluded.reserved, in_transit = excluded.in_transit, last_synced_at = excluded.last_synced_at`,
        [w.orgId, warehouse, marketplace, available, reserved, inTransit, listing],
      );
    },

    async order(runId: string | null, cell: string, back: number, quantity: number) {
      const { w, listing, warehouse, marketplace } = cellOf(cell);
      await w.db.query(
        `insert into sales (org_id, account_id, marketplace, kind, external_id, listing_id, product_id, warehouse_id,
           occurred_at, day, quantity, revenue, run_id)
         select $1, $2, $3, 'order', $4, l.id, l.product_id, $5, now() - make_interval(days => $6::int),
           current_date - $6::int, $7, 100 * $7, $8 from listings l where l.id = $9`,
        [
          w.orgId,
          w.accounts[marketplace],
          marketplace,
          crypto.randomUUID(),
          warehouse,
          back,
          quantity,
          runId,
          listing,
        ],
      );
    },

    async snapshot(cell: string, back: number, available: number) {
      const { w, listing, warehouse } = cellOf(cell);
      await w.db.query(
        `insert into inventory_daily (org_id, day, listing_id, warehouse_id, product_id, marketplace, available,
           reserved, in_transit)
         select $1, current_date - $2::int, l.id, $3, l.product_id, l.marketplace, $4, 0, 0 from listings l
         where l.id = $5`,
        [w.orgId, back, warehouse, available, listing],
      );
    },

    async finalize(marketplace: Marketplace, runId: string) {
      const w = world();
      await finalizeRun(w.db.run, {
        orgId: w.orgId,
        accountId: w.accounts[marketplace],
        runId,
        zeroUnseen: false,
        status: "succeeded",
        error: null,
      });
    },
  };
}

// A page that writes a listing's new cell while another account's finalize relinks that listing to a WB
// article's product, on a real PostgreSQL server (two connections, interleaved by hand). Whichever commits
// first, the cell ends under the listing's new product: the organization's relink lock makes the page wait for
// the relink, or the relink wait for the page and then move the page's rows too. Before the lock, a first
// sync of bench:ingest left 3 cells under a product their listing no longer had.

import { beforeEach, describe, expect, it } from "vitest";
import { readStockOnWarehousesRow } from "../../../cron/adapters/ozon/stock-on-warehouses-v2";
import { finalizeStatements, relinkTransaction } from "../../../cron/load/finalize-run";
import { loadStockPages } from "../../../cron/load/load-stock-page";
import { validateStockPage } from "../../../cron/validate/validate-stock";
import { postgresInstalled, runnerOn, usePostgresSessions } from "./postgres-sessions";
import { type RowsQuery, seedOrganization, seedProducts, startTestRun } from "./seed-organization";

describe.skipIf(!postgresInstalled())(
  "relinking a listing while a page writes its stock (real PostgreSQL)",
  () => {
    const pg = usePostgresSessions(["page", "finalize"] as const);
    let ids: { orgId: string; ozonAccount: string; runId: string; wbArticle: string; offerProduct: string };

    const observer = {
      query: (async (text, params) => (await pg.observer.query(text, params)).rows) as RowsQuery,
    };

    // One organization with a WB listing of article ART in size 46 and an Ozon listing (sku 61) of offer ART-46,
    // still under its own product: the relink moves it to ART.
    beforeEach(async () => {
      const { orgId, accounts } = await seedOrganization(observer.query, ["ozon", "wb"]);
      const [ozonAccount, wbAccount] = [accounts.ozon, accounts.wb];
      const [wbArticle, offerProduct] = await seedProducts(observer.query, orgId, ["ART", "ART-46"]);
      await pg.observer.query(
        `insert into listings (org_id, product_id, account_id, marketplace, external_key, wb_nm_id, size, name)
       values ($1, $2, $3, 'wb', 'nm:1:46', 1, '46', 'Футболка')`,
        [orgId, wbArticle, wbAccount],
      );
      await pg.observer.query(
        `insert into listings (org_id, product_id, account_id, marketplace, external_key, ozon_sku, offer_id, name)
       values ($1, $2, $3, 'ozon', 'sku:61', 61, 'ART-46', 'Товар 61')`,
        [orgId, offerProduct, ozonAccount],
      );
      const runId = await startTestRun(observer, orgId, ozonAccount);
      ids = { orgId, ozonAccount, runId, wbArticle, offerProduct };
    });

    /** The Ozon account's page with the listing's stock at a warehouse where it had none. */
    function loadNewCell(): Promise<unknown> {
      const rows = [
        {
          sku: 61,
          item_code: "ART-46",
          item_name: "Товар 61",
          free_to_sell_amount: 7,
          promised_amount: 0,
          reserved_amount: 1,
          warehouse_name: "Тверь",
        },
      ];
      const valid = validateStockPage("ozon", rows.map(readStockOnWarehousesRow));
      const scope = {
        orgId: ids.orgId,
        accountId: ids.ozonAccount,
        marketplace: "ozon" as const,
        runId: ids.runId,
        pageKey: "ozon.v2#0",
        endpoint: "ozon.v2.stock_on_warehouses",
      };
      return loadStockPages(runnerOn(pg.sessions.page), [
        { scope, page: valid, counts: { extracted: 1, pseudoRows: 0 } },
      ]);
    }

    /** A finalize's relink transaction. */
    const relinkStatements = () => relinkTransaction(ids.orgId);

    /** The products of the listing, of its cell, of the cell's audit rows and of its daily snapshot rows. */
    async function productsOfListing(): Promise<Record<string, string[]>> {
      const of = async (table: string) =>
        (
          await pg.observer.query(
            `select distinct x.product_id::text as product from ${table} x
             join listings l on l.id = ${table === "listings" ? "x.id" : "x.listing_id"}
             where l.external_key = 'sku:61' and l.org_id = $1`,
            [ids.orgId],
          )
        ).rows.map((row) => String(row.product));
      return {
        listing: await of("listings"),
        cell: await of("inventory"),
        audit: await of("inventory_audit"),
        daily: await of("inventory_daily"),
      };
    }

    const allUnder = (product: string, daily: string[] = []) => ({
      listing: [product],
      cell: [product],
      audit: [product],
      daily,
    });

    it("a relink that starts while the page is loading waits for it, then moves the page's cell", async () => {
      await pg.sessions.page.query("begin");
      await loadNewCell();
      await pg.sessions.finalize.query("begin");
      const relinking = runnerOn(pg.sessions.finalize)(relinkStatements());
      await pg.waitingForLock(pg.sessions.finalize);
      await pg.sessions.page.query("commit");
      await relinking;
      await pg.sessions.finalize.query("commit");
      expect(await productsOfListing()).toEqual(allUnder(ids.wbArticle));
    });

    it("a page that starts while a relink runs waits for it, then writes under the new product", async () => {
      await pg.sessions.finalize.query("begin");
      await runnerOn(pg.sessions.finalize)(relinkStatements());
      await pg.sessions.page.query("begin");
      const loading = loadNewCell();
      await pg.waitingForLock(pg.sessions.page);
      await pg.sessions.finalize.query("commit");
      await loading;
      await pg.sessions.page.query("commit");
      expect(await productsOfListing()).toEqual(allUnder(ids.wbArticle));
    });

    it("a relink that starts during another account's finalize waits for it, then moves its snapshot too", async () => {
      const ozon = pg.sessions.page;
      await ozon.query("begin");
      await loadNewCell();
      await ozon.query("commit");
      // The Ozon run's own end (snapshot, summaries, close) while the WB account's finalize relinks.
      await ozon.query("begin");
      await runnerOn(ozon)(
        finalizeStatements({
          orgId: ids.orgId,
          accountId: ids.ozonAccount,
          runId: ids.runId,
          zeroUnseen: true,
          status: "succeeded",
          error: null,
        }),
      );
      await pg.sessions.finalize.query("begin");
      const relinking = runnerOn(pg.sessions.finalize)(relinkStatements());
      await pg.waitingForLock(pg.sessions.finalize);
      await ozon.query("commit");
      await relinking;
      await pg.sessions.finalize.query("commit");
      expect(await productsOfListing()).toEqual(allUnder(ids.wbArticle, [ids.wbArticle]));
    });
  },
);

// The account's listings a feed without the seller's article needs to place its rows (WB stocks-report rows
// carry only nmId + chrtId), read in one statement before each of the feed's pages.
import { sql } from "drizzle-orm";
import { type KnownListings, wbChrtKey } from "../adapters/adapter";
import type { ListingIdentity } from "../adapters/stock-record";
import type { StatementRunner } from "../load/statement-runner";

export async function loadKnownListings(run: StatementRunner, accountId: string): Promise<KnownListings> {
  const [rows = []] = await run([
    sql`select l.external_key, p.article, l.name, l.wb_nm_id::text as nm_id, l.wb_chrt_id::text as chrt_id,
        l.barcode, l.size
      from listings l join products p on p.id = l.product_id
      where l.account_id = ${accountId} and l.wb_nm_id is not null and l.wb_chrt_id is not null`,
  ]);
  const wbByChrt = new Map<string, ListingIdentity>();
  for (const row of rows) {
    const nmId = Number(row.nm_id);
    const chrtId = Number(row.chrt_id);
    wbByChrt.set(wbChrtKey(nmId, chrtId), {
      externalKey: String(row.external_key),
      article: String(row.article),
      name: typeof row.name === "string" ? row.name : "",
      wbNmId: nmId,
      wbChrtId: chrtId,
      ...(typeof row.barcode === "string" ? { barcode: row.barcode } : {}),
      ...(typeof row.size === "string" ? { size: row.size } : {}),
    });
  }
  return { wbByChrt };
}

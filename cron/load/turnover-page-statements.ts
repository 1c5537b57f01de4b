// Loads one page of Ozon's turnover report (/v1/analytics/turnover/stocks) under the run, guarded by the page
// claim like every page; the report's last page marks the run's rows complete and deletes the account's other
// rows in the same transaction: readers see the previous report until this one is whole, never a mix.
import { type SQL, sql } from "drizzle-orm";
import type { TurnoverRecord } from "../adapters/ozon/analytics-turnover-stocks-v1";
import { arr, uniqueBy } from "./catalog-statements";
import { claimPage, ownsPage, type PageScope } from "./page-scope";

export function turnoverPageStatements(
  scope: PageScope,
  records: readonly TurnoverRecord[],
  rejected: readonly { raw: unknown; reasons: string[] }[],
  extracted: number,
  last: boolean,
): SQL[] {
  const rows = uniqueBy(records, (r) => String(r.sku));
  const statements = [claimPage(scope, extracted)];
  if (rows.length > 0)
    statements.push(sql`insert into ozon_turnover as o (account_id, run_id, sku, offer_id, ads, current_stock, idc,
        idc_grade, turnover, turnover_grade)
      select ${scope.accountId}, ${scope.runId}, t.sku, t.offer_id, t.ads, t.current_stock, t.idc, t.idc_grade,
        t.turnover, t.turnover_grade
      from unnest(${arr(rows.map((r) => r.sku))}::bigint[], ${arr(rows.map((r) => r.offerId))}::text[],
        ${arr(rows.map((r) => r.ads))}::real[], ${arr(rows.map((r) => r.currentStock))}::int[],
        ${arr(rows.map((r) => r.idc))}::real[], ${arr(rows.map((r) => r.idcGrade))}::text[],
        ${arr(rows.map((r) => r.turnover))}::real[], ${arr(rows.map((r) => r.turnoverGrade))}::text[])
        as t(sku, offer_id, ads, current_stock, idc, idc_grade, turnover, turnover_grade)
      where ${ownsPage(scope)}
      on conflict (account_id, run_id, sku) do update set offer_id = excluded.offer_id, ads = excluded.ads,
        current_stock = excluded.current_stock, idc = excluded.idc, idc_grade = excluded.idc_grade,
        turnover = excluded.turnover, turnover_grade = excluded.turnover_grade`);
  if (rejected.length > 0)
    statements.push(
      sql`insert into etl_rejects (org_id, run_id, page_key, row_index, endpoint, row, reasons)
        select ${scope.orgId}, ${scope.runId}, ${scope.pageKey}, t.row_index, ${scope.endpoint}, coalesce(t.row, 'null'::jsonb), t.reasons
        from jsonb_to_recordset(${JSON.stringify(rejected.map((r, i) => ({ row_index: i, row: r.raw ?? null, reasons: r.reasons })))}::jsonb)
          as t(row_index int, row jsonb, reasons text[])
        where ${ownsPage(scope)}
        on conflict (run_id, page_key, row_index) do nothing`,
    );
  if (last)
    statements.push(
      sql`update ozon_turnover set complete = true
        where account_id = ${scope.accountId} and run_id = ${scope.runId} and not complete and ${ownsPage(scope)}`,
      sql`delete from ozon_turnover where account_id = ${scope.accountId} and run_id <> ${scope.runId}
        and ${ownsPage(scope)}`,
    );
  statements.push(sql`update etl_runs set extracted = extracted + ${extracted}::int,
      validated = validated + ${rows.length}::int, failed = failed + ${rejected.length}::int, pages_done = pages_done + 1
    where id = ${scope.runId} and ${ownsPage(scope)}
    returning 1`);
  statements.push(sql`select ${ownsPage(scope)} as claimed`);
  return statements;
}

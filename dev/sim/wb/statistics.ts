// GET /api/v1/supplier/{stocks,orders,sales}: keyset paging by lastChangeDate >= dateFrom (Moscow time), flag=1 by day.

import { formatMoscow, parseWbDate } from "../clock.js";
import { malformRows } from "../malform.js";
import { firstAfter } from "../paging.js";
import type { Call } from "../pipeline.js";
import { RenderedFeed } from "../rendered-feed.js";
import { jsonChunksReply, jsonReply, type Reply } from "../reply.js";
import type { SimState } from "../state.js";
import { wbErrors } from "./errors.js";
import { type FeedRow, wbOrderRows, wbSaleRows, wbStockRows } from "./feeds.js";

function keysetPage<T extends object>(
  call: Call,
  rows: FeedRow<T>[],
  pageSize: number,
  byDay: boolean,
  rendered?: () => RenderedFeed,
): Reply {
  const text = call.query.get("dateFrom");
  if (text === null || text.trim() === "")
    return wbErrors.badRequest("statistics", call.now, "dateFrom: field is required");
  const dateFrom = parseWbDate(text);
  if (dateFrom === undefined)
    return wbErrors.badRequest("statistics", call.now, `dateFrom: invalid date "${text}"`);
  const flag = call.query.get("flag") ?? "0";
  if (flag !== "0" && flag !== "1")
    return wbErrors.badRequest("statistics", call.now, "flag: must be 0 or 1");
  let page: T[];
  if (byDay && flag === "1") {
    const day = formatMoscow(dateFrom).slice(0, 10);
    page = rows.filter((r) => (r.row as { date?: string }).date?.slice(0, 10) === day).map((r) => r.row);
  } else {
    const start = firstAfter(rows, (r) => r.changed >= dateFrom);
    // Without faults to apply, the page is a slice of the rows rendered ahead.
    if (rendered && call.faults.repeatBoundary === 0 && !call.faults.malformed)
      return jsonChunksReply(rendered().page(start, start + pageSize));
    page = rows.slice(start, start + pageSize).map((r) => r.row);
  }
  if (call.faults.repeatBoundary > 0 && page.length > 0)
    page = [...page, ...page.slice(-call.faults.repeatBoundary)];
  if (call.faults.malformed) page = malformRows(page, call.faults.malformed, call.faults.random);
  return jsonReply(page);
}

/** The stock feed's rows rendered once per world version (prepared as soon as the world changes). */
export function renderedWbStocks(state: SimState): RenderedFeed {
  return state.cached("wb.stockRows.rendered", () => RenderedFeed.of(wbStockRows(state).map((r) => r.row)));
}

export function supplierStocks(call: Call): Reply {
  const { state } = call;
  return keysetPage(call, wbStockRows(state), state.config.pageSize.wbStocks, false, () =>
    renderedWbStocks(state),
  );
}

export function supplierOrders(call: Call): Reply {
  return keysetPage(call, wbOrderRows(call.state), call.state.config.pageSize.wbOrders, true);
}

export function supplierSales(call: Call): Reply {
  return keysetPage(call, wbSaleRows(call.state), call.state.config.pageSize.wbSales, true);
}

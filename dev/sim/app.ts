// The Hono app: vendor endpoints under /ozon and /wb/{statistics,seller-analytics,content,marketplace}, control
// under /_sim.

import { Hono } from "hono";
import { controlRoutes } from "./control.js";
import { ENDPOINTS, type EndpointId } from "./endpoints.js";
import { analyticsData } from "./ozon/analytics-data.js";
import { analyticsStocks } from "./ozon/analytics-stocks.js";
import { clusterList } from "./ozon/cluster-list.js";
import { postingFboList } from "./ozon/posting-fbo-list.js";
import { postingFbsList } from "./ozon/posting-fbs-list.js";
import { productInfoStocks } from "./ozon/product-info-stocks.js";
import { productList } from "./ozon/product-list.js";
import { renderedStockOnWarehouses, stockOnWarehouses } from "./ozon/stock-on-warehouses.js";
import { stocksByWarehouseFbs } from "./ozon/stocks-by-warehouse-fbs.js";
import { turnoverStocks } from "./ozon/turnover-stocks.js";
import { warehouseList } from "./ozon/warehouse-list.js";
import { endpointRoute, type Handler } from "./pipeline.js";
import type { SimState } from "./state.js";
import { cardsList } from "./wb/cards.js";
import { sellerStocks, sellerWarehouses } from "./wb/seller-stocks.js";
import { renderedWbStocks, supplierOrders, supplierSales, supplierStocks } from "./wb/statistics.js";
import { stocksReport } from "./wb/stocks-report.js";
import { remainsCreate, remainsDownload, remainsStatus } from "./wb/warehouse-remains.js";

export const HANDLERS: Record<EndpointId, Handler> = {
  "ozon.stock_on_warehouses": stockOnWarehouses,
  "ozon.analytics_stocks": analyticsStocks,
  "ozon.product_list": productList,
  "ozon.product_info_stocks": productInfoStocks,
  "ozon.analytics_data": analyticsData,
  "ozon.posting_fbo_list": postingFboList,
  "ozon.posting_fbs_list": postingFbsList,
  "ozon.stocks_by_warehouse_fbs": stocksByWarehouseFbs,
  "ozon.warehouse_list": warehouseList,
  "ozon.cluster_list": clusterList,
  "ozon.turnover_stocks": turnoverStocks,
  "wb.stocks": supplierStocks,
  "wb.orders": supplierOrders,
  "wb.sales": supplierSales,
  "wb.stocks_report": stocksReport,
  "wb.remains_create": remainsCreate,
  "wb.remains_status": remainsStatus,
  "wb.remains_download": remainsDownload,
  "wb.cards_list": cardsList,
  "wb.seller_warehouses": sellerWarehouses,
  "wb.seller_stocks": sellerStocks,
};

export function createApp(getState: () => SimState): Hono {
  // The big stock feeds are rendered whenever the world changes, ahead of the syncs that read them.
  getState().prepare([renderedStockOnWarehouses, renderedWbStocks]);
  const app = new Hono();
  app.route("/_sim", controlRoutes(getState));
  for (const [id, info] of Object.entries(ENDPOINTS) as [EndpointId, (typeof ENDPOINTS)[EndpointId]][]) {
    app.on(info.method, info.path, endpointRoute(getState, id, HANDLERS[id]));
  }
  app.get("/", (c) =>
    c.json({
      simulator: "MI Core Edge marketplace simulator",
      bases: {
        ozon: "/ozon",
        wbStatistics: "/wb/statistics",
        wbSellerAnalytics: "/wb/seller-analytics",
        wbContent: "/wb/content",
        wbMarketplace: "/wb/marketplace",
      },
      endpoints: Object.fromEntries(
        Object.entries(ENDPOINTS).map(([id, e]) => [id, `${e.method} ${e.path}`]),
      ),
      control: "/_sim (see dev/sim/README.md)",
    }),
  );
  app.notFound((c) => c.json({ code: 5, message: "Not Found", details: [] }, 404));
  app.onError((error, c) => c.json({ error: { message: `simulator error: ${error.message}` } }, 500));
  return app;
}

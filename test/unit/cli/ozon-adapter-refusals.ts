// Adapter lists `accounts add` and `accounts set` both refuse for an Ozon account, with the exact message each
// prints (the same check serves both commands).
export const OZON_ADAPTER_REFUSALS = [
  {
    problem: "an unknown id, listing the marketplace's known ones",
    options: ["--stock-adapters", "ozon.v2.stock_on_warehouses,ozon.v9.nope"],
    message:
      'error: accounts: --stock-adapters: endpoints.stock[1]: unknown stock adapter "ozon.v9.nope"; known for ozon: ozon.v2.stock_on_warehouses, ozon.v4.product_info_stocks, ozon.v1.analytics_stocks, ozon.v2.stocks_by_warehouse_fbs',
  },
  {
    problem: "another marketplace's id",
    options: ["--sales-adapters", "wb.v1.supplier_sales"],
    message:
      "error: accounts: --sales-adapters: endpoints.sales[0]: Adapter wb.v1.supplier_sales is not an Ozon adapter",
  },
  {
    problem: "two feeds that count the same orders",
    options: ["--sales-adapters", "ozon.v1.analytics_data,ozon.v3.posting_fbo_list"],
    message:
      "error: accounts: --sales-adapters: endpoints.sales: Sales adapters ozon.v1.analytics_data and ozon.v3.posting_fbo_list count the same orders: configure one of them, not both",
  },
];

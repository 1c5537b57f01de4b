// What a Wildberries API token may call, read from the token itself: WB's tokens are JWTs whose payload holds `s`,
// a bitmask of the token's categories (bit 1 Content, 2 Analytics, 3 Prices, 4 Marketplace, 5 Statistics, …,
// 30 read-only: "Token decode" in WB's API information docs), and `exp`. So a connect can name every category a
// key lacks for the feeds the account reads, without one call per API host (whose limits are a minute long).
import { salesAdapterList } from "../sales-adapters";
import { stockAdapterChain } from "../stock-adapters";
import { WB_CONTENT_CARDS_ID } from "./content-cards";
import { WB_SELLER_STOCKS_ID } from "./seller-stocks";
import { WB_STOCKS_REPORT_ID } from "./stocks-report-wb-warehouses";
import { WB_SUPPLIER_ORDERS_ID } from "./supplier-orders-v1";
import { WB_SUPPLIER_SALES_ID } from "./supplier-sales-v1";
import { WB_SUPPLIER_STOCKS_ID } from "./supplier-stocks-v1";
import { WB_WAREHOUSE_REMAINS_ID } from "./warehouse-remains-task";

/** The token categories our feeds call, with their bit in `s` and the name WB's cabinet shows. */
export const WB_TOKEN_CATEGORIES = {
  content: { bit: 1, cabinetName: "Контент" },
  analytics: { bit: 2, cabinetName: "Аналитика" },
  marketplace: { bit: 4, cabinetName: "Маркетплейс" },
  statistics: { bit: 5, cabinetName: "Статистика" },
} as const;
export type WbTokenCategory = keyof typeof WB_TOKEN_CATEGORIES;

/** The category (API host) each WB feed calls. */
const CATEGORY_OF_ADAPTER: Record<string, WbTokenCategory> = {
  [WB_CONTENT_CARDS_ID]: "content",
  [WB_STOCKS_REPORT_ID]: "analytics",
  [WB_WAREHOUSE_REMAINS_ID]: "analytics",
  [WB_SELLER_STOCKS_ID]: "marketplace",
  [WB_SUPPLIER_STOCKS_ID]: "statistics",
  [WB_SUPPLIER_ORDERS_ID]: "statistics",
  [WB_SUPPLIER_SALES_ID]: "statistics",
};

export interface WbTokenClaims {
  categories: ReadonlySet<WbTokenCategory>;
  /** When the token stops working (`exp`), if it says. */
  expiresAt: Date | null;
}

function jwtPayload(token: string): unknown {
  const parts = token.replace(/^Bearer\s+/i, "").split(".");
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const base64 = parts[1].replace(/-/g, "+").replace(/_/g, "/");
    return JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, "=")));
  } catch {
    return null;
  }
}

/** The token's categories and expiry, or null when it is not a JWT carrying `s` (older tokens): then only a call can tell. */
export function readWbToken(token: string): WbTokenClaims | null {
  const payload = jwtPayload(token);
  if (typeof payload !== "object" || payload === null) return null;
  const { s, exp } = payload as { s?: unknown; exp?: unknown };
  if (typeof s !== "number" || !Number.isInteger(s) || s < 0) return null;
  const categories = new Set<WbTokenCategory>();
  for (const [name, { bit }] of Object.entries(WB_TOKEN_CATEGORIES))
    if (Math.floor(s / 2 ** bit) % 2 === 1) categories.add(name as WbTokenCategory);
  const expiresAt = typeof exp === "number" && Number.isFinite(exp) ? new Date(exp * 1000) : null;
  return { categories, expiresAt };
}

/** The categories an account's feeds call: its stock adapters (or WB's default) and its sales feeds. */
export function wbCategoriesNeeded(endpoints: {
  stock?: readonly string[] | undefined;
  sales?: readonly string[] | undefined;
}): WbTokenCategory[] {
  const needed = new Set<WbTokenCategory>();
  const feeds = [...stockAdapterChain("wb", endpoints.stock), ...salesAdapterList("wb", endpoints.sales)];
  for (const id of feeds) {
    const category = CATEGORY_OF_ADAPTER[id];
    if (category) needed.add(category);
  }
  return [...needed];
}

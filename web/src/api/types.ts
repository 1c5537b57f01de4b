// The shapes the dashboard reads from /api: the Worker's own response schemas (worker/api/schemas/**),
// inferred with z.infer there. Type-only imports: nothing of the Worker lands in the bundle.
import type { Marketplace } from "../../../worker/api/schemas/enums";
import type { ProductDetail as ProductDetailAnswer } from "../../../worker/api/schemas/products";

export type {
  AlertChannel,
  AlertChannels,
  AlertLogItem,
  AlertLogPage,
  AlertSettings,
  AlertSettingsChange,
  AlertTestSend,
  TelegramLink,
} from "../../../worker/api/schemas/alerts";
export type {
  AbcAnalysis,
  AbcClass,
  AbcItem,
  CategorySales,
  Grain,
  Kpis,
  Period,
  ProductRevenue,
  RegionSales,
  SalesTotals,
  TopProducts,
  Trend,
} from "../../../worker/api/schemas/analytics";
export type { Marketplace, Role, RunStatus, StockStatus } from "../../../worker/api/schemas/enums";
export type { ApiKey, Me, Settings } from "../../../worker/api/schemas/organization";
export type { Recommendation, Recommendations } from "../../../worker/api/schemas/recommendations";
export type { Run, RunDetail, RunPage } from "../../../worker/api/schemas/runs";
export type { Dashboard, InventoryPage, StockLine } from "../../../worker/api/schemas/stock";
export type {
  SupplyPlan,
  SupplyPlanLine,
  SupplyReconciliation,
} from "../../../worker/api/schemas/supply-plan";
export type { Warehouse, WarehouseAlias } from "../../../worker/api/schemas/warehouses";

/**
 * One marketplace listing of a product (GET /api/products/{id}); the Ozon or WB ids are null on the
 * other. The API declares listings as open records (the listing row as stored); these are the fields the
 * product page reads.
 */
export interface ProductListing {
  id: number;
  marketplace: Marketplace;
  externalKey: string;
  ozonSku?: number | string | null;
  ozonProductId?: number | string | null;
  offerId?: string | null;
  wbNmId?: number | string | null;
  wbChrtId?: number | string | null;
  barcode?: string | null;
  size?: string | null;
  name?: string | null;
  /** numeric(14,2): a string or a number depending on the driver. */
  price?: number | string | null;
  active?: boolean;
}

export type ProductDetail = Omit<ProductDetailAnswer, "listings"> & { listings: ProductListing[] };

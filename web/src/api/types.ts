// The shapes the dashboard reads from /api, mirroring the Worker's OpenAPI schemas (worker/routes/**).
export type Marketplace = "ozon" | "wb";
export type Role = "viewer" | "operator" | "admin";
export type StockStatus = "critical" | "low" | "normal" | "overstock";
export type RunStatus = "running" | "succeeded" | "partial" | "failed" | "refused";

export interface Me {
  via: "session" | "api_key";
  role: Role;
  user: { id: string; email: string } | null;
  apiKeyId: string | null;
  organization: { id: string; name: string; dataVersion: number };
}

export interface StockLine {
  productId: number;
  article: string;
  name: string;
  category: string | null;
  status: StockStatus;
  available: number;
  reserved: number;
  inTransit: number;
  warehouseCount: number;
  velocity: number;
  daysOfCover: number | null;
  stockoutDate: string | null;
}

export interface Dashboard {
  thresholds: { criticalMax: number; lowMax: number; overstockMin: number };
  dataVersion: number;
  total: number;
  counts: Record<StockStatus, number>;
  items: Record<StockStatus, StockLine[]>;
}

export interface InventoryPage {
  items: StockLine[];
  page: number;
  pageSize: number;
  total: number;
  pages: number;
}

/** One marketplace listing of a product (GET /api/products/{id}); the Ozon or WB ids are null on the other. */
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

export interface ProductDetail {
  product: { id: number; article: string; name: string; brand: string | null; category: string | null };
  status: StockStatus;
  available: number;
  velocity: number;
  daysOfCover: number | null;
  stockoutDate: string | null;
  stock: Array<{
    warehouseId: number;
    warehouse: string;
    region: string | null;
    marketplace: Marketplace;
    listingId: number;
    available: number;
    reserved: number;
    inTransit: number;
    qualityScore: number;
    lastSyncedAt: string;
  }>;
  listings: ProductListing[];
  stockHistory: Array<{ day: string; available: number; reserved: number; inTransit: number }>;
  audit: Array<{
    changedAt: string;
    warehouse: string | null;
    changeType: string;
    oldAvailable: number | null;
    newAvailable: number;
  }>;
  salesHistory: Array<{ day: string; orders: number; units: number; revenue: number; returns: number }>;
}

export interface SalesTotals {
  revenue: number;
  orders: number;
  units: number;
  returns: number;
  cancellations: number;
}

export interface Period {
  from: string;
  to: string;
}

export interface Kpis {
  period: Period;
  previousPeriod: Period;
  current: SalesTotals & { averageOrderValue: number | null };
  previous: SalesTotals & { averageOrderValue: number | null };
  change: {
    revenue: number | null;
    orders: number | null;
    units: number | null;
    averageOrderValue: number | null;
  };
}

export type Grain = "day" | "week" | "month";
export interface Trend {
  period: Period;
  grain: Grain;
  points: Array<SalesTotals & { period: string }>;
}

export interface ProductRevenue extends SalesTotals {
  productId: number;
  article: string;
  name: string;
  category: string | null;
}

export interface TopProducts {
  period: Period;
  items: ProductRevenue[];
}
export interface CategorySales {
  period: Period;
  items: Array<SalesTotals & { category: string | null; products: number }>;
}
export interface RegionSales {
  period: Period;
  items: Array<SalesTotals & { region: string }>;
}
export interface AbcAnalysis {
  period: Period;
  totals: { A: number; B: number; C: number };
  items: Array<ProductRevenue & { share: number; cumulativeShare: number; abcClass: "A" | "B" | "C" }>;
}

export interface Recommendation {
  productId: number;
  article: string;
  name: string;
  warehouseId: number | null;
  warehouse: string | null;
  marketplace: Marketplace | null;
  inputs: {
    available: number;
    inTransit: number;
    velocity: number;
    leadTimeDays: number;
    safetyStockDays: number;
    targetCoverDays: number;
    velocityWindowDays: number;
  };
  safetyStock: number;
  reorderPoint: number;
  targetStock: number;
  stockPosition: number;
  needsReorder: boolean;
  suggestedQuantity: number;
  daysOfCover: number | null;
  stockoutDate: string | null;
  reorderInDays: number | null;
  explanation: string;
}
export interface Recommendations {
  items: Recommendation[];
  page: number;
  pageSize: number;
  total: number;
}

export interface Warehouse {
  id: number;
  marketplace: Marketplace;
  name: string;
  cluster: string | null;
  region: string | null;
  type: string;
  provisional: boolean;
  available: number;
  reserved: number;
  inTransit: number;
  products: number;
}
export interface WarehouseAlias {
  id: number;
  marketplace: Marketplace;
  alias: string;
  warehouseId: number;
  warehouse: string;
  provisional: boolean;
  confidence: number;
  source: "rule" | "manual" | "auto";
  createdAt: string;
}

export interface Run {
  id: string;
  accountId: string;
  account: string;
  marketplace: Marketplace;
  kind: "full" | "incremental";
  trigger: string;
  status: RunStatus;
  startedAt: string;
  finishedAt: string | null;
  extracted: number;
  validated: number;
  normalized: number;
  inserted: number;
  updated: number;
  failed: number;
  apiRequests: number;
  apiFailed: number;
  apiMs: number;
  runMs: number | null;
  pagesDone: number;
  error: string | null;
}
export interface RunPage {
  items: Run[];
  page: number;
  pageSize: number;
  total: number;
}
export interface RunDetail {
  run: Run & { issues: Array<{ code: string; message: string; endpoint?: string; at: string }> };
  pages: number;
  rejectCount: number;
  rejects: Array<{ pageKey: string; rowIndex: number; endpoint: string; reasons: string[]; row: unknown }>;
}

export interface Settings {
  name: string;
  criticalMax: number;
  lowMax: number;
  overstockMin: number;
  leadTimeDays: number;
  safetyStockDays: number;
  targetCoverDays: number;
  velocityWindowDays: number;
  timeZone: string;
  ipAllowlist: string[];
  dataVersion: number;
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

// Enumerations shared by the tables and by the zod schemas at the API and ingestion boundaries.
// Each list is defined once here; the pgEnum and the TypeScript union both come from it.
import { pgEnum } from "drizzle-orm/pg-core";
import { STATUS_BASES, STOCK_STATUSES } from "../../domain/stock-status";

export const MARKETPLACES = ["ozon", "wb"] as const;
export type Marketplace = (typeof MARKETPLACES)[number];
export const marketplaceEnum = pgEnum("marketplace", MARKETPLACES);

export const ROLES = ["viewer", "operator", "admin"] as const;
export type Role = (typeof ROLES)[number];
export const roleEnum = pgEnum("role", ROLES);

export const RUN_KINDS = ["full", "incremental"] as const;
export type RunKind = (typeof RUN_KINDS)[number];
export const runKindEnum = pgEnum("run_kind", RUN_KINDS);

export const RUN_TRIGGERS = ["cron", "api", "cli", "dashboard"] as const;
export type RunTrigger = (typeof RUN_TRIGGERS)[number];
export const runTriggerEnum = pgEnum("run_trigger", RUN_TRIGGERS);

export const RUN_STATUSES = ["running", "succeeded", "partial", "failed", "refused"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const runStatusEnum = pgEnum("run_status", RUN_STATUSES);

export const ALIAS_SOURCES = ["rule", "manual", "auto"] as const;
export type AliasSource = (typeof ALIAS_SOURCES)[number];
export const aliasSourceEnum = pgEnum("alias_source", ALIAS_SOURCES);

export const STOCK_CHANGE_TYPES = ["created", "updated", "zeroed", "manual"] as const;
export type StockChangeType = (typeof STOCK_CHANGE_TYPES)[number];
export const stockChangeTypeEnum = pgEnum("stock_change_type", STOCK_CHANGE_TYPES);

export const SALE_KINDS = ["order", "sale", "return", "cancellation"] as const;
export type SaleKind = (typeof SALE_KINDS)[number];
export const saleKindEnum = pgEnum("sale_kind", SALE_KINDS);

export const WAREHOUSE_TYPES = ["fbo", "fbs", "express", "unknown"] as const;
export type WarehouseType = (typeof WAREHOUSE_TYPES)[number];
export const warehouseTypeEnum = pgEnum("warehouse_type", WAREHOUSE_TYPES);

// The stock statuses and the bases of the status rule are the domain's (domain/stock-status.ts).
export { STATUS_BASES, STOCK_STATUSES, type StatusBasis, type StockStatus } from "../../domain/stock-status";
export const stockStatusEnum = pgEnum("stock_status", STOCK_STATUSES);
export const statusBasisEnum = pgEnum("status_basis", STATUS_BASES);

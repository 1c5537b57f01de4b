// The JSON shapes the CLI reads from the API (as worker/routes/runs.ts, etl-sync.ts and warehouses.ts
// declare them); only the fields the CLI uses.
export type Marketplace = "ozon" | "wb";
export type RunStatus = "running" | "succeeded" | "partial" | "failed" | "refused";

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

export interface RunIssue {
  code: string;
  message: string;
  endpoint?: string;
  at: string;
}

export interface RunReject {
  pageKey: string;
  rowIndex: number;
  endpoint: string;
  reasons: string[];
  row: unknown;
}

export interface RunDetail {
  run: Run & { issues: RunIssue[] };
  pages: number;
  rejectCount: number;
  rejects: RunReject[];
}

export interface SyncOutcome {
  accountId: string;
  started: boolean;
  runId: string;
  activeRunId?: string;
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

export interface Warehouse {
  id: number;
  marketplace: Marketplace;
  name: string;
  cluster: string | null;
  region: string | null;
  type: string;
  provisional: boolean;
  available: number;
  products: number;
}

export interface MappedAlias {
  id: number;
  alias: string;
  marketplace: Marketplace;
  warehouseId: number;
  warehouse: string;
  source: string;
  confidence: number;
}

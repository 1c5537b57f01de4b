// The JSON shapes the CLI reads from the API: the Worker's own response schemas (worker/api/schemas/**),
// inferred with z.infer there. Type-only imports.
export type { Marketplace, RunStatus } from "../worker/api/schemas/enums";
export type { Run, RunDetail, RunIssue, RunPage, RunReject, SyncOutcome } from "../worker/api/schemas/runs";
export type { MappedAlias, Warehouse, WarehouseAlias } from "../worker/api/schemas/warehouses";

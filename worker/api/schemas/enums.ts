// The enumerations the API's answers carry, for the dashboard and the CLI (types only).
export type { Marketplace, Role, RunStatus, StockStatus } from "../../../db/schema/enums";

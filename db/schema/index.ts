// The complete data model; drizzle-kit reads this file to generate migrations.
export * from "./abc-windows";
export * from "./accounts";
export * from "./alerts";
export * from "./catalog";
export * from "./dashboard-read-models";
export * from "./enums";
export * from "./etl";
export * from "./inventory";
export * from "./login-throttle";
export * from "./organizations";
export * from "./ozon-turnover";
export * from "./sales";
export * from "./stock-summaries";
export * from "./summaries";
export * from "./supply";
export * from "./warehouses";
export * from "./watermarks";

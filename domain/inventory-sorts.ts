// The columns the inventory list sorts by, shared by the API's query schema and the dashboard's sort menu.
export const INVENTORY_SORTS = [
  "article",
  "name",
  "category",
  "available",
  "velocity",
  "daysOfCover",
  "status",
] as const;
export type InventorySort = (typeof INVENTORY_SORTS)[number];

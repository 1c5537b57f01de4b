// The Inventory filters become the API's query: empty filters are left out, and the CSV link carries
// the same filters without paging.
import { describe, expect, it } from "vitest";
import {
  DEFAULT_FILTERS,
  filtersFromQuery,
  ignoredInQuery,
  inventoryCsvPath,
  inventoryPagePath,
  inventoryQuery,
  withFilter,
} from "../../../web/src/models/inventory-query";

describe("inventory query", () => {
  it("asks for the first page sorted by available stock by default", () => {
    expect(inventoryPagePath(DEFAULT_FILTERS)).toBe(
      "/api/inventory?sort=available&order=asc&page=1&pageSize=50",
    );
  });

  it("passes every filter that is set, trimmed", () => {
    const filters = {
      ...DEFAULT_FILTERS,
      search: "  кружка ",
      marketplace: "wb" as const,
      warehouseId: 12,
      category: "Дом",
      status: "critical" as const,
      sort: "daysOfCover" as const,
      order: "desc" as const,
      page: 3,
    };
    const params = new URL(inventoryPagePath(filters), "http://x").searchParams;
    expect(Object.fromEntries(params)).toEqual({
      search: "кружка",
      marketplace: "wb",
      warehouseId: "12",
      category: "Дом",
      status: "critical",
      sort: "daysOfCover",
      order: "desc",
      page: "3",
      pageSize: "50",
    });
    const csv = new URL(inventoryCsvPath(filters), "http://x").searchParams;
    expect(csv.get("format")).toBe("csv");
    expect(csv.get("status")).toBe("critical");
    expect(csv.has("page")).toBe(false);
    expect(new URL(inventoryCsvPath(filters, "ru"), "http://x").searchParams.get("lang")).toBe("ru");
  });

  it("goes back to page 1 when a filter changes, but not when the page does", () => {
    const onPage4 = withFilter(DEFAULT_FILTERS, "page", 4);
    expect(onPage4.page).toBe(4);
    expect(withFilter(onPage4, "status", "low").page).toBe(1);
  });
});

describe("inventory filters in the page's address", () => {
  it("carries only what differs from the defaults, and reads it back", () => {
    expect(inventoryQuery(DEFAULT_FILTERS)).toEqual({});
    const filters = {
      ...DEFAULT_FILTERS,
      search: "кружка ",
      marketplace: "wb" as const,
      warehouseId: 12,
      category: "Дом",
      status: "low" as const,
      sort: "name" as const,
      order: "desc" as const,
      page: 2,
    };
    const query = new URLSearchParams(inventoryQuery(filters));
    expect(filtersFromQuery(new URLSearchParams(query.toString()))).toEqual(filters);
  });

  it("falls back to the defaults for values the page does not offer", () => {
    const query = new URLSearchParams(
      "marketplace=amazon&status=gone&sort=price&order=up&page=0&warehouseId=x",
    );
    expect(filtersFromQuery(query)).toEqual(DEFAULT_FILTERS);
  });

  it("names the address's parameters it could not read, and none of those it read or that are defaults", () => {
    const bogus = new URLSearchParams("page=-3&status=bogus&sort=zzz&utm=1&marketplace=wb&search=кеды");
    expect(ignoredInQuery(bogus).sort()).toEqual(["page", "sort", "status", "utm"]);
    const fine = new URLSearchParams(
      "marketplace=ozon&status=critical&sort=available&order=asc&page=1&search=x",
    );
    expect(ignoredInQuery(fine)).toEqual([]);
    expect(ignoredInQuery(new URLSearchParams("page=3&order=desc&warehouseId=7"))).toEqual([]);
  });
});

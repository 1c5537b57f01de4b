// The scoped reads cut each Top-N and each page from the stock columns first and break ties on the product's
// article after (db/queries/dashboard.ts, inventory-list.ts, recommendations.ts): with many products tied on units
// and velocity, each Top-N is the first N of its status' full list, every page of the inventory list and of the
// per-warehouse recommendations follows the one before it in the documented order, no line twice or missing, and
// the totals are the full lists' lengths.
import { drizzle } from "drizzle-orm/pglite";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client";
import { dashboardData } from "../../../db/queries/dashboard";
import { INVENTORY_SORTS, inventoryList } from "../../../db/queries/inventory-list";
import type { ClassifiedStockRow, StockScope } from "../../../db/queries/product-stock";
import {
  type RecommendationQuery,
  type RecommendationRow,
  warehouseRecommendationInputs,
} from "../../../db/queries/recommendations";
import { DEFAULT_STATUS_RULES, STOCK_STATUSES } from "../../../domain/stock-status";
import { migratedDatabase, type TestDatabase } from "./pglite-database";
import { seedOrganization, seedProducts } from "./seed-organization";

let db: TestDatabase;
let api: Database;
let orgId: string;
const warehouses: number[] = [];
// Articles out of id order, so that a tie broken by id instead of article shows.
const ARTICLES = Array.from({ length: 24 }, (_, i) => `P-${String((i * 7) % 24).padStart(2, "0")}`);

beforeAll(async () => {
  db = await migratedDatabase();
  api = drizzle({ client: db.pg }) as unknown as Database;
  ({ orgId } = await seedOrganization(db.query, ["wb"]));
  const ids = await seedProducts(db.query, orgId, ARTICLES);
  for (const name of ["W1", "W2"]) {
    const [row] = await db.query<{ id: number }>(
      "insert into warehouses (org_id, marketplace, name) values ($1, 'wb', $2) returning id",
      [orgId, name],
    );
    warehouses.push(Number(row?.id));
  }
  // Four bands of units × three velocities: every status, each with many ties on (units, velocity).
  for (const [index, id] of ids.entries()) {
    const available = [0, 5, 40, 400][index % 4] as number;
    const velocity = [0, 1, 2][index % 3] as number;
    await db.query(
      `insert into product_summary (org_id, product_id, available, reserved, in_transit, ozon_available, wb_available,
         warehouse_count, units_sold, revenue, velocity)
       values ($1, $2, $3, 0, 0, 0, $3, 2, 0, 0, $4)`,
      [orgId, id, available * 2, velocity],
    );
    await db.query(
      `insert into product_marketplace_stock (org_id, product_id, marketplace, available, reserved, in_transit,
         warehouse_count) values ($1, $2, 'wb', $3, 1, $4, 2)`,
      [orgId, id, available * 2, index % 5],
    );
    for (const warehouseId of warehouses)
      await db.query(
        `insert into product_warehouse_summary (org_id, product_id, warehouse_id, marketplace, available, reserved,
           in_transit, velocity, demand_model, observed_days, censored_days)
         values ($1, $2, $3, 'wb', $4, 0, $5, $6, 'ses', 30, 0)`,
        [orgId, id, warehouseId, available, index % 5, velocity / 2],
      );
  }
});

const scopes = (): StockScope[] => [
  { orgId, marketplace: "wb" },
  { orgId, warehouseId: warehouses[0] },
];

/** Compares two values nulls last; `descending` flips non-null values only. */
function compareNullsLast(a: number | string | null, b: number | string | null, descending: boolean): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const order = typeof a === "string" ? a.localeCompare(b as string) : a - (b as number);
  return descending ? -order : order;
}

describe("scoped stock reads with ties", () => {
  it("each status' Top-N is the first N of its full list, in units, velocity and article order", async () => {
    for (const scope of scopes()) {
      const all = await dashboardData(api, scope, DEFAULT_STATUS_RULES, null);
      const top = await dashboardData(api, scope, DEFAULT_STATUS_RULES, 2);
      expect(top.counts).toEqual(all.counts);
      expect(Object.values(all.counts).reduce((sum, n) => sum + n, 0)).toBe(ARTICLES.length);
      for (const status of STOCK_STATUSES) {
        const descending = status === "overstock";
        const sorted = [...all.rows[status]].sort(
          (a, b) =>
            compareNullsLast(a.available, b.available, descending) ||
            b.velocity - a.velocity ||
            a.article.localeCompare(b.article),
        );
        expect(all.rows[status].map((row) => row.article)).toEqual(sorted.map((row) => row.article));
        expect(top.rows[status]).toEqual(all.rows[status].slice(0, 2));
      }
    }
  });

  it("inventory pages follow each other in every sort and order, ties by article", async () => {
    for (const scope of scopes()) {
      for (const sort of INVENTORY_SORTS) {
        for (const order of ["asc", "desc"] as const) {
          for (const status of [undefined, "overstock"] as const) {
            const label = JSON.stringify({ scope, sort, order, status });
            const full = await inventoryList(api, scope, DEFAULT_STATUS_RULES, {
              status,
              sort,
              order,
              offset: 0,
              limit: 500,
            });
            const pages: ClassifiedStockRow[] = [];
            for (let offset = 0; offset < full.total + 5; offset += 5) {
              const page = await inventoryList(api, scope, DEFAULT_STATUS_RULES, {
                status,
                sort,
                order,
                offset,
                limit: 5,
              });
              expect(page.total, label).toBe(full.total);
              pages.push(...page.rows);
            }
            expect(pages, label).toEqual(full.rows);
            expect(full.rows.length, label).toBe(full.total);
            const key = (row: ClassifiedStockRow): number | string | null => {
              if (sort === "daysOfCover") return row.days_of_cover;
              if (sort === "status") return STOCK_STATUSES.indexOf(row.status);
              if (sort === "velocity") return row.velocity;
              return row[sort];
            };
            const sorted = [...full.rows].sort(
              (a, b) =>
                compareNullsLast(key(a), key(b), order === "desc") || a.article.localeCompare(b.article),
            );
            expect(
              full.rows.map((row) => row.article),
              label,
            ).toEqual(sorted.map((row) => row.article));
          }
        }
      }
    }
  });

  it("per-warehouse recommendation pages follow each other by cover, velocity, article and warehouse", async () => {
    for (const warehouseId of [undefined, warehouses[1]]) {
      for (const onlyReorder of [false, true]) {
        const query: RecommendationQuery = {
          orgId,
          leadTimeDays: 14,
          safetyStockDays: 7,
          velocityWindowDays: 30,
          warehouseId,
          onlyReorder,
          offset: 0,
          limit: 500,
        };
        const label = JSON.stringify({ warehouseId, onlyReorder });
        const full = await warehouseRecommendationInputs(api, query);
        expect(full.length, label).toBeGreaterThan(0);
        expect(
          full.every((row) => row.total_count === full.length),
          label,
        ).toBe(true);
        const pages: RecommendationRow[] = [];
        for (let offset = 0; offset < full.length; offset += 4) {
          pages.push(...(await warehouseRecommendationInputs(api, { ...query, offset, limit: 4 })));
        }
        expect(pages.map((row) => row.total_count)).toEqual(full.map(() => full.length));
        expect(pages, label).toEqual(full);
        const cover = (row: RecommendationRow) => (row.velocity > 0 ? row.available / row.velocity : null);
        const sorted = [...full].sort(
          (a, b) =>
            compareNullsLast(cover(a), cover(b), false) ||
            b.velocity - a.velocity ||
            a.article.localeCompare(b.article) ||
            Number(a.warehouse_id) - Number(b.warehouse_id),
        );
        expect(full, label).toEqual(sorted);
        // Past the last page: no lines.
        expect(await warehouseRecommendationInputs(api, { ...query, offset: full.length })).toEqual([]);
      }
    }
  });
});

// GET /api/supply-plan: per cluster (or warehouse outside any cluster), which products to ship and how many,
// each line with its arithmetic (domain/supply-plan.ts) and in ₽ at the product's unit price; `all=true` keeps
// the lines with nothing to ship; paged (page, pageSize; the totals and the reconciliation cover every line);
// the reconciliation says why the plan's units differ from "order now" (domain/supply-reconciliation.ts);
// `format=csv` exports every line in `lang`'s dialect (Russian Excel: ";", BOM, decimal comma, Russian headers
// and explanations).
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { type SupplyPlanRow, supplyPlanInputs } from "../../db/queries/supply-plan";
import { MARKETPLACES } from "../../db/schema/enums";
import { planVelocity, supplyLine, supplyUnits } from "../../domain/supply-plan";
import { explainSupply } from "../../domain/supply-plan-explanation";
import {
  explainReconciliation,
  type ProductReconciliation,
  type ReconciledLine,
  reconcilePlan,
  reconcileProduct,
} from "../../domain/supply-reconciliation";
import { Int4Id, PageQuery, text } from "../api/common";
import { CSV_DIALECTS, CSV_LANGUAGES, toCsv } from "../api/csv";
import { AUTHENTICATED, errorResponses } from "../api/responses";
import { type SupplyPlanLine, SupplyPlanSchema } from "../api/schemas/supply-plan";
import { supplyPlanCsvColumns } from "../api/supply-plan-csv";
import type { OrganizationSettings } from "../auth/principal";
import type { AppEnv } from "../context";
import { cacheAside } from "../middleware/cache";

const SupplyPlanQuery = PageQuery.extend({
  marketplace: z
    .enum(MARKETPLACES)
    .optional()
    .openapi({ description: "Only this marketplace's destinations" }),
  warehouseId: Int4Id()
    .optional()
    .openapi({ description: "Only the destination holding this warehouse (its whole cluster)" }),
  cluster: text().trim().min(1).max(200).optional().openapi({ description: "Only this cluster" }),
  search: text().trim().min(1).max(200).optional().openapi({
    description: "Matches the article, the name's words in any order, a WB nmId, an Ozon SKU or a barcode",
  }),
  all: z
    .enum(["true", "false"])
    .default("false")
    .openapi({ description: "true: every product × destination, not only those to ship" }),
  format: z.enum(["json", "csv"]).default("json"),
  lang: z.enum(CSV_LANGUAGES).default("en").openapi({
    description:
      'Language of the CSV export: "ru" writes ";" separators, decimal commas, a UTF-8 BOM and Russian headers and explanations (for Excel); "en" writes "," and the machine headers.',
  }),
});

const route = createRoute({
  method: "get",
  operationId: "getSupplyPlan",
  path: "/api/supply-plan",
  tags: ["supply"],
  summary: "What to ship to which cluster or warehouse, line by line explained, or its CSV (format=csv)",
  security: AUTHENTICATED,
  middleware: [cacheAside({ query: SupplyPlanQuery, keepHeaders: ["Content-Disposition"] })],
  request: { query: SupplyPlanQuery },
  responses: {
    200: {
      description: "The plan's lines by destination, and its totals; or the CSV file",
      content: { "application/json": { schema: SupplyPlanSchema }, "text/csv": { schema: z.string() } },
    },
    ...errorResponses(400),
  },
});

/** Per product, the plan against its order-now (lines of every outcome); `unscoped`: all the product's destinations. */
function reconcile(
  rows: readonly SupplyPlanRow[],
  lines: readonly SupplyPlanLine[],
  org: OrganizationSettings,
  unscoped: boolean,
): ProductReconciliation[] {
  const byProduct = new Map<number, { velocity: number; lines: ReconciledLine[] }>();
  rows.forEach((row, index) => {
    const line = lines[index] as SupplyPlanLine;
    const entry = byProduct.get(row.product_id) ?? { velocity: 0, lines: [] };
    // Over all destinations the product's own forecast (what Recommendations read); in a marketplace, its share.
    entry.velocity = unscoped ? row.product_velocity : entry.velocity + row.velocity;
    entry.lines.push({
      productId: row.product_id,
      article: row.article,
      destination: row.destination,
      available: row.available,
      inTransit: row.in_transit,
      velocity: row.velocity,
      unitPrice: line.unitPrice,
      shortfall: line.shortfall,
      roundedToPacks: line.roundedToPacks,
      quantity: line.quantity,
      reorderPoint: line.reorderPoint,
      stockPosition: line.stockPosition,
    });
    byProduct.set(row.product_id, entry);
  });
  return [...byProduct.values()].map((entry) => reconcileProduct(entry.lines, entry.velocity, org));
}

function planLine(row: SupplyPlanRow, org: OrganizationSettings): SupplyPlanLine {
  const inputs = {
    available: row.available,
    inTransit: row.in_transit,
    velocity: planVelocity(row.velocity),
    leadTimeDays: org.leadTimeDays,
    safetyStockDays: org.safetyStockDays,
    targetCoverDays: org.targetCoverDays,
    coverCeilingDays: org.coverCeilingDays,
    ...supplyUnits({ minOrderUnits: row.min_order_units, packSize: row.pack_size }, org),
  };
  const numbers = supplyLine(inputs);
  const unitPrice = Math.round(row.unit_price * 100) / 100;
  return {
    productId: row.product_id,
    article: row.article,
    name: row.name,
    marketplace: row.marketplace,
    destination: {
      kind: row.cluster === null ? "warehouse" : "cluster",
      name: row.destination,
      warehouseId: row.warehouse_id,
      warehouses: row.warehouses,
    },
    inputs,
    demandShare: Math.round(row.demand_share * 1000) / 1000,
    productVelocity: Math.round(row.product_velocity * 1000) / 1000,
    ...numbers,
    unitPrice,
    value: Math.round(numbers.quantity * unitPrice * 100) / 100,
    explanation: explainSupply(inputs, numbers, "en"),
  };
}

export function registerSupplyPlan(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { all, format, lang, page, pageSize, ...scope } = c.req.valid("query");
    const org = c.get("organization");
    const rows = await supplyPlanInputs(c.var.db, { orgId: org.id, ...scope });
    const planned = rows.map((row) => planLine(row, org));
    const items = planned.filter((line) => all === "true" || line.quantity > 0);
    if (format === "csv") {
      const day = new Date().toISOString().slice(0, 10);
      c.header("Content-Disposition", `attachment; filename="supply-plan-${day}.csv"`);
      return c.body(toCsv(supplyPlanCsvColumns(lang), items, CSV_DIALECTS[lang]), 200, {
        "Content-Type": "text/csv; charset=utf-8",
      });
    }
    const shipping = items.filter((line) => line.quantity > 0);
    const totals = {
      lines: shipping.length,
      products: new Set(shipping.map((line) => line.productId)).size,
      destinations: new Set(shipping.map((line) => `${line.marketplace}:${line.destination.name}`)).size,
      units: shipping.reduce((sum, line) => sum + line.quantity, 0),
      value: Math.round(shipping.reduce((sum, line) => sum + line.value, 0) * 100) / 100,
    };
    // A cluster or a warehouse is part of a product's destinations: its order-now has nothing to compare with.
    const whole = scope.cluster === undefined && scope.warehouseId === undefined;
    const reconciliation = whole
      ? reconcilePlan(reconcile(rows, planned, org, scope.marketplace === undefined))
      : null;
    return c.json(
      {
        items: items.slice((page - 1) * pageSize, page * pageSize),
        page,
        pageSize,
        total: items.length,
        totals,
        reconciliation: reconciliation && {
          ...reconciliation,
          explanation: explainReconciliation(reconciliation),
        },
      },
      200,
    );
  });
}

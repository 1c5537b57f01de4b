// Why the supply plan's units differ from "order now" (Recommendations and the Overview, one product over all
// its warehouses): the plan works per destination, with the destinations' shares of the product's forecast
// (db/queries/supply-plan.ts), so for each product
//   plan units = order now + packs and minimum order + cover cap (≤ 0) + destinations
// where "destinations" is Σ destinations' shortfalls − the product's order-now: a destination short while
// another holds stock above its reorder point (the product-level count nets that stock against the need, a
// shipment cannot move it), or a destination due while the product as a whole is not, plus the per-destination
// rounding up of targets. Pure: the route sums it, the dashboard says it in the reader's language.
import { reorderNumbers } from "./replenishment";
import { roubles } from "./selling-price";
import type { SupplyNumbers } from "./supply-plan";

export interface ReconciledLine
  extends Pick<
    SupplyNumbers,
    "shortfall" | "roundedToPacks" | "quantity" | "reorderPoint" | "stockPosition"
  > {
  productId: number;
  article: string;
  /** The destination's name as the reader sees it. */
  destination: string;
  available: number;
  inTransit: number;
  velocity: number;
  /** The product's one unit price (product_summary.unit_price), ₽. */
  unitPrice: number;
}

/** The figures a product's reconciliation and the whole plan's (their sum) both carry. */
export interface ReconciliationParts {
  planUnits: number;
  orderNowUnits: number;
  /** planUnits and orderNowUnits at the products' unit prices, ₽ (the plan's lines' values, the Overview's). */
  planValue: number;
  orderNowValue: number;
  /** Units the minimum order and whole packs add. */
  packsAndMinimum: number;
  /** Units the cover cap takes away (0 or negative). */
  coverCap: number;
  /** Σ destinations' shortfalls − order now. */
  destinations: number;
}

export interface ProductReconciliation extends ReconciliationParts {
  productId: number;
  article: string;
  /** Destinations with a shortfall. */
  short: string[];
  /** Destinations holding stock above their reorder point. */
  surplus: string[];
}

export interface PlanReconciliation extends ReconciliationParts {
  /** The products whose plan differs most from their order-now, most first. */
  products: ProductReconciliation[];
}

export interface ReconcileSettings {
  leadTimeDays: number;
  safetyStockDays: number;
  targetCoverDays: number;
}

/**
 * One product: `velocity` its forecast over the lines' destinations (the product's, unscoped), its order-now
 * from the lines' summed stock, as Recommendations compute it over all warehouses.
 */
export function reconcileProduct(
  lines: readonly ReconciledLine[],
  velocity: number,
  settings: ReconcileSettings,
): ProductReconciliation {
  const first = lines[0];
  const sum = (pick: (line: ReconciledLine) => number) =>
    lines.reduce((total, line) => total + pick(line), 0);
  const orderNowUnits = reorderNumbers({
    available: sum((line) => line.available),
    inTransit: sum((line) => line.inTransit),
    velocity,
    ...settings,
  }).suggestedQuantity;
  const shortfalls = sum((line) => line.shortfall);
  return {
    productId: first?.productId ?? 0,
    article: first?.article ?? "",
    planUnits: sum((line) => line.quantity),
    orderNowUnits,
    planValue: roubles(sum((line) => roubles(line.quantity * line.unitPrice))),
    orderNowValue: roubles(orderNowUnits * (first?.unitPrice ?? 0)),
    packsAndMinimum: sum((line) => line.roundedToPacks - line.shortfall),
    coverCap: sum((line) => line.quantity - line.roundedToPacks),
    destinations: shortfalls - orderNowUnits,
    short: lines.filter((line) => line.shortfall > 0).map((line) => line.destination),
    surplus: lines
      .filter((line) => line.stockPosition > line.reorderPoint && line.stockPosition > 0)
      .map((line) => line.destination),
  };
}

/** Every product's reconciliation summed, with the `top` products that differ most. */
export function reconcilePlan(products: readonly ProductReconciliation[], top = 5): PlanReconciliation {
  const sum = (pick: (product: ProductReconciliation) => number) =>
    products.reduce((total, product) => total + pick(product), 0);
  const differing = products
    .filter((product) => product.planUnits !== product.orderNowUnits)
    .sort(
      (a, b) =>
        Math.abs(b.planUnits - b.orderNowUnits) - Math.abs(a.planUnits - a.orderNowUnits) ||
        byCodeUnits(a.article, b.article),
    );
  return {
    planUnits: sum((product) => product.planUnits),
    orderNowUnits: sum((product) => product.orderNowUnits),
    planValue: roubles(sum((product) => product.planValue)),
    orderNowValue: roubles(sum((product) => product.orderNowValue)),
    packsAndMinimum: sum((product) => product.packsAndMinimum),
    coverCap: sum((product) => product.coverCap),
    destinations: sum((product) => product.destinations),
    products: differing.slice(0, top),
  };
}

/** Articles in code unit order, as the database's "C" collation sorts them (db/queries/supply-plan.ts). */
function byCodeUnits(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

const signed = (value: number) => (value >= 0 ? `+${value}` : `${value}`);

/** The English summary line the API answers with (the dashboard writes its own in the reader's language). */
export function explainReconciliation(reconciliation: PlanReconciliation): string {
  const { planUnits, orderNowUnits, planValue, orderNowValue, packsAndMinimum, coverCap, destinations } =
    reconciliation;
  const parts = [
    `plan ${planUnits} units (${planValue} RUB) vs order-now ${orderNowUnits} units (${orderNowValue} RUB)`,
  ];
  const reasons: string[] = [];
  if (packsAndMinimum !== 0) reasons.push(`${signed(packsAndMinimum)} from packs and minimum orders`);
  if (coverCap !== 0) reasons.push(`${signed(coverCap)} cut by the cover cap`);
  if (destinations !== 0) {
    const example = reconciliation.products.find((p) => p.destinations !== 0 && p.short.length > 0);
    const where =
      example && example.surplus.length > 0
        ? ` (e.g. ${example.article}: ${example.short.join(", ")} short while ${example.surplus.join(", ")} ${example.surplus.length > 1 ? "hold" : "holds"} stock)`
        : "";
    reasons.push(
      `${signed(destinations)} because destinations are planned one by one: one is short while another has stock the order-now counts${where}`,
    );
  }
  return reasons.length > 0 ? `${parts[0]}: ${reasons.join(", ")}.` : `${parts[0]}: they agree.`;
}

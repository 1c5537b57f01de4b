// `mappings list|warehouses|map`: warehouse names awaiting review (provisional or low confidence), the
// canonical warehouses to map them to, and mapping one alias (GET/PUT /api/warehouses/aliases).
import type { MappedAlias, Warehouse, WarehouseAlias } from "../api-types";
import { ArgumentError, noExtraPositionals, oneOf, positionalId } from "../args";
import { int, table } from "../format";
import type { Command } from "./command";

export function aliasesTable(aliases: readonly WarehouseAlias[]): string {
  if (aliases.length === 0) return "No warehouse names await review.";
  return table(
    ["ALIAS ID", "MARKETPLACE", "NAME AS THE API WROTE IT", "MAPPED TO", "CONFIDENCE", "SOURCE"],
    aliases.map((a) => [
      String(a.id),
      a.marketplace,
      a.alias,
      `#${a.warehouseId} ${a.warehouse}${a.provisional ? " (provisional)" : ""}`,
      a.confidence.toFixed(2),
      a.source,
    ]),
  );
}

export function warehousesTable(warehouses: readonly Warehouse[]): string {
  if (warehouses.length === 0) return "No warehouses yet.";
  return table(
    ["WAREHOUSE ID", "MARKETPLACE", "NAME", "TYPE", "REGION", "AVAILABLE", "PRODUCTS"],
    warehouses.map((w) => [
      String(w.id),
      w.marketplace,
      `${w.name}${w.provisional ? " (provisional)" : ""}`,
      w.type,
      w.region ?? "–",
      int(w.available),
      int(w.products),
    ]),
  );
}

export const mappingsCommand: Command = {
  name: "mappings",
  summary: "warehouse names awaiting review; map one to a warehouse",
  help: `Usage: npm run cli -- mappings <list|warehouses|map> [options]

  mappings list                              warehouse names awaiting review (provisional or low confidence)
  mappings warehouses [--marketplace m]      canonical warehouses: the ids to map to
  mappings map <alias-id> <warehouse-id>     map a name to a canonical warehouse of its marketplace

Mapping needs the operator role; cached API answers refresh after it.`,
  options: { marketplace: { type: "string" } },
  async run(ctx, { values, positionals }) {
    const action = positionals[0];
    if (action === "list") {
      noExtraPositionals(positionals, 1);
      const { items } = await ctx
        .api()
        .request<{ items: WarehouseAlias[] }>("GET", "/api/warehouses/aliases");
      ctx.out(ctx.json ? JSON.stringify(items, null, 2) : aliasesTable(items));
      if (!ctx.json && items.length > 0)
        ctx.out("Map one: npm run cli -- mappings map <alias-id> <warehouse-id>");
      return 0;
    }
    if (action === "warehouses") {
      noExtraPositionals(positionals, 1);
      const marketplace = oneOf(values, "marketplace", ["ozon", "wb"] as const);
      const path = marketplace ? `/api/warehouses?marketplace=${marketplace}` : "/api/warehouses";
      const { items } = await ctx.api().request<{ items: Warehouse[] }>("GET", path);
      ctx.out(ctx.json ? JSON.stringify(items, null, 2) : warehousesTable(items));
      return 0;
    }
    if (action === "map") {
      const aliasId = positionalId(positionals[1], "alias-id");
      const warehouseId = positionalId(positionals[2], "warehouse-id");
      noExtraPositionals(positionals, 3);
      const mapped = await ctx
        .api()
        .request<MappedAlias>("PUT", `/api/warehouses/aliases/${aliasId}`, { warehouseId });
      ctx.out(
        ctx.json
          ? JSON.stringify(mapped, null, 2)
          : `"${mapped.alias}" (${mapped.marketplace}, alias ${mapped.id}) now maps to #${mapped.warehouseId} ${mapped.warehouse} (${mapped.source}, confidence ${mapped.confidence.toFixed(2)}).`,
      );
      return 0;
    }
    if (action === undefined) throw new ArgumentError("<list|warehouses|map>: required");
    throw new ArgumentError(`"${action}": unknown mappings command (list, warehouses, map)`);
  },
};

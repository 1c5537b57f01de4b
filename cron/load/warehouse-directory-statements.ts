// Stores the Ozon warehouse directory read at the start of a run: each warehouse with its cluster, region and
// type (a provisional one it names becomes a known one), and its aliases pointed at it, so the run's pages place
// stock and sales on it. An alias an operator mapped by hand, or switched off, is left alone. Idempotent.
import { type SQL, sql } from "drizzle-orm";
import type { DirectoryWarehouse } from "../adapters/ozon/warehouse-directory";
import { arr } from "./catalog-statements";

export function warehouseDirectoryStatements(orgId: string, directory: readonly DirectoryWarehouse[]): SQL[] {
  if (directory.length === 0) return [];
  // One row per alias (the last warehouse naming it wins): an upsert may not touch a row twice.
  const byAlias = new Map<string, string>();
  for (const w of directory) for (const alias of w.aliases) byAlias.set(alias, w.name);
  const aliases = [...byAlias].map(([alias, name]) => ({ alias, name }));
  return [
    sql`insert into warehouses as w (org_id, marketplace, name, cluster, region, type, provisional)
      select ${orgId}, 'ozon'::marketplace, t.name, t.cluster, t.region, t.type::warehouse_type, false
      from unnest(${arr(directory.map((w) => w.name))}::text[], ${arr(directory.map((w) => w.cluster))}::text[],
        ${arr(directory.map((w) => w.region))}::text[], ${arr(directory.map((w) => w.type))}::text[])
        as t(name, cluster, region, type)
      on conflict (org_id, marketplace, name) do update set cluster = coalesce(excluded.cluster, w.cluster),
        region = coalesce(excluded.region, w.region), type = excluded.type, provisional = false
      where (w.cluster, w.region, w.type, w.provisional) is distinct from
        (coalesce(excluded.cluster, w.cluster), coalesce(excluded.region, w.region), excluded.type, false)`,
    sql`insert into warehouse_aliases as a (org_id, marketplace, alias, warehouse_id, confidence, source)
      select ${orgId}, 'ozon'::marketplace, t.alias, w.id, 1, 'rule'::alias_source
      from unnest(${arr(aliases.map((a) => a.alias))}::text[], ${arr(aliases.map((a) => a.name))}::text[])
        as t(alias, name)
      join warehouses w on w.org_id = ${orgId} and w.marketplace = 'ozon' and w.name = t.name
      on conflict (org_id, marketplace, alias) do update set warehouse_id = excluded.warehouse_id,
        confidence = 1, source = 'rule'
      where a.source <> 'manual' and a.active and a.warehouse_id <> excluded.warehouse_id`,
  ];
}

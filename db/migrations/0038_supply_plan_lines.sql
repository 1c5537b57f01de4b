CREATE TABLE "supply_plan_lines" (
	"org_id" uuid NOT NULL,
	"product_id" bigint NOT NULL,
	"marketplace" "marketplace" NOT NULL,
	"destination_key" text NOT NULL,
	"destination" text NOT NULL,
	"cluster" text,
	"warehouse_id" integer,
	"warehouse_ids" integer[] NOT NULL,
	"warehouses" text[] NOT NULL,
	"article" text NOT NULL,
	"available" integer NOT NULL,
	"in_transit" integer NOT NULL,
	"demand_share" double precision NOT NULL,
	"velocity" double precision NOT NULL,
	CONSTRAINT "supply_plan_lines_org_id_product_id_marketplace_destination_key_pk" PRIMARY KEY("org_id","product_id","marketplace","destination_key")
);
--> statement-breakpoint
CREATE TABLE "supply_plan_products" (
	"org_id" uuid NOT NULL,
	"product_id" bigint NOT NULL,
	"marketplace" "marketplace" NOT NULL,
	"available" integer NOT NULL,
	"in_transit" integer NOT NULL,
	"velocity" double precision NOT NULL,
	CONSTRAINT "supply_plan_products_org_id_product_id_marketplace_pk" PRIMARY KEY("org_id","product_id","marketplace")
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "supply_plan_stale" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "supply_plan_lines_due_idx" ON "supply_plan_lines" USING btree ("org_id",((available + in_transit - 2)::float8 / (floor(velocity * 1000::float8 + 0.5::float8) / 1000::float8))) WHERE floor(velocity * 1000::float8 + 0.5::float8) > 0;--> statement-breakpoint
CREATE INDEX "supply_plan_lines_order_idx" ON "supply_plan_lines" USING btree ("org_id","marketplace","destination","article","destination_key");
--> statement-breakpoint
-- A deleted organization's or product's lines go with it (no foreign keys, as the other read models: 0032).
CREATE OR REPLACE FUNCTION "organizations_delete_supply_plan_lines"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM supply_plan_lines s USING gone g WHERE s.org_id = g.id;
  DELETE FROM supply_plan_products s USING gone g WHERE s.org_id = g.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "organizations_delete_supply_plan_lines" AFTER DELETE ON "organizations" REFERENCING OLD TABLE AS gone
  FOR EACH STATEMENT EXECUTE FUNCTION "organizations_delete_supply_plan_lines"();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "products_delete_supply_plan_lines"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM supply_plan_lines s USING gone g WHERE s.org_id = g.org_id AND s.product_id = g.id;
  DELETE FROM supply_plan_products s USING gone g WHERE s.org_id = g.org_id AND s.product_id = g.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "products_delete_supply_plan_lines" AFTER DELETE ON "products" REFERENCING OLD TABLE AS gone
  FOR EACH STATEMENT EXECUTE FUNCTION "products_delete_supply_plan_lines"();
--> statement-breakpoint
-- A warehouse whose cluster, name or type changed, or that went, moves lines of products whose own runs did not
-- change: the organization's next finalize rebuilds every product's lines (db/queries/supply-plan-lines.ts).
CREATE OR REPLACE FUNCTION "warehouses_mark_supply_plan_stale"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE organizations o SET supply_plan_stale = true
    WHERE NOT o.supply_plan_stale AND o.id IN (SELECT g.org_id FROM gone g);
  ELSE
    UPDATE organizations o SET supply_plan_stale = true
    WHERE NOT o.supply_plan_stale AND o.id IN (SELECT n.org_id FROM moved n JOIN was w ON w.id = n.id
      WHERE (n.cluster, n.name, n.type) IS DISTINCT FROM (w.cluster, w.name, w.type));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "warehouses_mark_supply_plan_stale_update" AFTER UPDATE ON "warehouses"
  REFERENCING OLD TABLE AS was NEW TABLE AS moved
  FOR EACH STATEMENT EXECUTE FUNCTION "warehouses_mark_supply_plan_stale"();
--> statement-breakpoint
CREATE TRIGGER "warehouses_mark_supply_plan_stale_delete" AFTER DELETE ON "warehouses" REFERENCING OLD TABLE AS gone
  FOR EACH STATEMENT EXECUTE FUNCTION "warehouses_mark_supply_plan_stale"();
--> statement-breakpoint
-- Backfill: every organization's products, as db/queries/supply-plan-lines.ts' rebuildSupplyPlanLines does (its
-- statement rendered with the organization as v_org), so the plan answers before the next run.
DO $$
DECLARE v_org uuid;
BEGIN
  FOR v_org IN SELECT id FROM organizations LOOP
with  unstocked as (select distinct s.product_id from sales s
    where s.org_id = v_org and s.kind = 'order' and s.warehouse_id is not null and s.product_id in (select p.id from products p where p.org_id = v_org)
      and s.day >= current_date - 112::int and s.day < current_date
      and not exists (select 1 from product_warehouse_summary t where t.org_id = v_org
        and t.product_id = s.product_id and t.warehouse_id = s.warehouse_id)),
    forecast_days as (with sold as (select product_id, warehouse_id, day, sum(quantity)::int as units from sales s
      where s.org_id = v_org and s.product_id in (select product_id from unstocked) and s.kind = 'order' and s.warehouse_id is not null 
        and day >= current_date - 112::int and day < current_date
      group by product_id, warehouse_id, day), stock as (select product_id, warehouse_id, day, sum(available)::int as available from inventory_daily idy
      where idy.org_id = v_org and idy.product_id in (select product_id from unstocked) 
        and day >= current_date - 113::int and day < current_date
      group by product_id, warehouse_id, day),
      first_snapshots as (
        select product_id, warehouse_id, min(day) as first_snapshot from stock group by product_id, warehouse_id),
      starts as (
        select s.product_id, s.warehouse_id, case when min(fs.first_snapshot) is null then current_date - 112::int
            else least(min(s.day), min(fs.first_snapshot)) end as first_day
        from sold s
        left join first_snapshots fs on fs.product_id = s.product_id and fs.warehouse_id = s.warehouse_id
        group by s.product_id, s.warehouse_id)
    select f.product_id, f.warehouse_id, d.day::date as day, coalesce(s.units, 0) as units,
      coalesce(st.available, 1) > 0 and coalesce(prev.available, 1) > 0 as in_stock
    from starts f
    cross join generate_series(current_date - 112::int, current_date - 1, interval '1 day') as d(day)
    left join sold s on s.product_id = f.product_id and s.warehouse_id = f.warehouse_id and s.day = d.day::date
    left join stock st on st.product_id = f.product_id and st.warehouse_id = f.warehouse_id and st.day = d.day::date
    left join stock prev on prev.product_id = f.product_id and prev.warehouse_id = f.warehouse_id
      and prev.day = d.day::date - 1
    where d.day::date >= f.first_day),
    forecast_ranked as (
      select product_id, warehouse_id, greatest(units, 0)::float8 as y,
        (row_number() over (partition by product_id, warehouse_id order by day desc) - 1)::int as r,
        (row_number() over (partition by product_id, warehouse_id, units > 0 order by day desc) - 1)::int as q,
        count(*) over (partition by product_id, warehouse_id)::int as n,
        (count(*) filter (where units > 0) over (partition by product_id, warehouse_id))::int as k,
        avg(greatest(units, 0)::float8) filter (where units > 0) over (partition by product_id, warehouse_id) as z0
      from forecast_days where in_stock),
    forecast_sums as (
      select product_id, warehouse_id, max(n) as n, max(k) as k,
        sum(y * case when r = n - 1 then power(1 - 0.05::float8, r) else 0.05::float8 * power(1 - 0.05::float8, r) end) as ses,
        power(1 - 0.02::float8, max(n)) * max(k)::float8 / max(n)
          + coalesce(sum(0.02::float8 * power(1 - 0.02::float8, r)) filter (where y > 0), 0) as p,
        power(1 - 0.05::float8, max(k)) * coalesce(max(z0), 0)
          + coalesce(sum(0.05::float8 * power(1 - 0.05::float8, q) * y) filter (where y > 0), 0) as z
      from forecast_ranked group by product_id, warehouse_id),
    demand_forecast as (
      select d.product_id, d.warehouse_id,
        case when s.n is null then 'none' when s.k = 0 or s.n::float8 / s.k > 1.32::float8 then 'tsb' else 'ses' end as model,
        case when s.n is null or s.k = 0 then 0::float8
          when s.n::float8 / s.k > 1.32::float8 then s.p * s.z else s.ses end as per_day,
        coalesce(s.n, 0)::int as observed_days, (count(*) filter (where not d.in_stock))::int as censored_days
      from forecast_days d left join forecast_sums s using (product_id, warehouse_id)
      group by d.product_id, d.warehouse_id, s.n, s.k, s.p, s.z, s.ses),
    stock as (
      select t.product_id, t.warehouse_id, sum(t.available)::int as available, sum(t.in_transit)::int as in_transit,
        max(t.velocity) as velocity
      from product_warehouse_summary t where t.org_id = v_org and t.product_id in (select p.id from products p where p.org_id = v_org)
      group by t.product_id, t.warehouse_id),
    per_warehouse as (
      select product_id, warehouse_id, available, in_transit, velocity from stock
      union all
      select d.product_id, d.warehouse_id, 0, 0, coalesce(d.per_day, 0) from demand_forecast d
      where not exists (select 1 from stock s where s.product_id = d.product_id and s.warehouse_id = d.warehouse_id)),
    located as (
      select pw.*, w.marketplace, w.type, w.cluster, coalesce(w.cluster, w.name) as destination,
        w.name as warehouse_name, case when w.cluster is null then w.id end as own_warehouse_id
      from per_warehouse pw join warehouses w on w.id = pw.warehouse_id and w.org_id = v_org),
    marketplace_totals as (
      select distinct on (product_id, marketplace) product_id, marketplace, cluster, destination, own_warehouse_id
      from located where type = 'unknown' and velocity > 0
      order by product_id, marketplace, velocity desc),
    placed as (
      select l.product_id, l.warehouse_id, l.warehouse_name, l.available, l.in_transit, l.velocity, l.marketplace,
        case when t.product_id is null or l.velocity > 0 then l.cluster else t.cluster end as cluster,
        case when t.product_id is null or l.velocity > 0 then l.destination else t.destination end as destination,
        case when t.product_id is null or l.velocity > 0 then l.own_warehouse_id else t.own_warehouse_id end
          as own_warehouse_id
      from located l left join marketplace_totals t on t.product_id = l.product_id and t.marketplace = l.marketplace),
    grouped as (
      select product_id, marketplace, destination, cluster, own_warehouse_id as warehouse_id,
        array_agg(warehouse_id order by warehouse_name) as warehouse_ids,
        array_agg(warehouse_name order by warehouse_name) as warehouses,
        sum(available)::int as available, sum(in_transit)::int as in_transit, sum(velocity)::float8 as velocity
      from placed group by product_id, marketplace, destination, cluster, own_warehouse_id),
    shared as (
      select g.product_id, g.marketplace,
        case when g.cluster is null then 'w:' || g.warehouse_id else 'c:' || g.cluster end as destination_key,
        g.destination, g.cluster, g.warehouse_id, g.warehouse_ids, g.warehouses, p.article, g.available,
        g.in_transit,
        coalesce(g.velocity / nullif(sum(g.velocity) over (partition by g.product_id), 0), 0)::float8 as demand_share
      from grouped g join products p on p.id = g.product_id),
    planned as (
      select s.*, (coalesce(ps.velocity, 0) * s.demand_share)::float8 as velocity
      from shared s left join product_summary ps on ps.org_id = v_org and ps.product_id = s.product_id),
    kept as (
      select t.product_id, t.marketplace, t.destination_key, t.destination, t.cluster, t.warehouse_id,
        t.warehouse_ids, t.warehouses, t.article, t.available, t.in_transit, t.demand_share, t.velocity
      from supply_plan_lines t where t.org_id = v_org and t.product_id in (select p.id from products p where p.org_id = v_org)),
    diff as (
      select l.*, k.product_id as kept_product_id, k.marketplace as kept_marketplace,
        k.destination_key as kept_destination_key
      from planned l full join kept k on k.product_id = l.product_id and k.marketplace = l.marketplace
        and k.destination_key = l.destination_key
      where l.product_id is null or k.product_id is null
        or (k.destination, k.cluster, k.warehouse_id, k.warehouse_ids, k.warehouses, k.article, k.available,
          k.in_transit, k.demand_share, k.velocity)
          is distinct from (l.destination, l.cluster, l.warehouse_id, l.warehouse_ids, l.warehouses, l.article,
            l.available, l.in_transit, l.demand_share, l.velocity)),
    upserted as (
      insert into supply_plan_lines as t (org_id, product_id, marketplace, destination_key, destination, cluster,
        warehouse_id, warehouse_ids, warehouses, article, available, in_transit, demand_share, velocity)
      select v_org, product_id, marketplace, destination_key, destination, cluster, warehouse_id, warehouse_ids,
        warehouses, article, available, in_transit, demand_share, velocity
      from diff where product_id is not null order by product_id, marketplace, destination_key
      on conflict (org_id, product_id, marketplace, destination_key) do update set
        destination = excluded.destination, cluster = excluded.cluster, warehouse_id = excluded.warehouse_id,
        warehouse_ids = excluded.warehouse_ids, warehouses = excluded.warehouses, article = excluded.article,
        available = excluded.available, in_transit = excluded.in_transit, demand_share = excluded.demand_share,
        velocity = excluded.velocity
      returning 1),
    -- Per product × marketplace, the lines summed, the velocities in the plan's order of destinations.
    sums as (
      select product_id, marketplace, sum(available)::int as available, sum(in_transit)::int as in_transit,
        sum(velocity order by destination, destination_key)::float8 as velocity
      from planned group by product_id, marketplace),
    sums_upserted as (
      insert into supply_plan_products as t (org_id, product_id, marketplace, available, in_transit, velocity)
      select v_org, product_id, marketplace, available, in_transit, velocity from sums
      order by product_id, marketplace
      on conflict (org_id, product_id, marketplace) do update set available = excluded.available,
        in_transit = excluded.in_transit, velocity = excluded.velocity
      where (t.available, t.in_transit, t.velocity) is distinct from
        (excluded.available, excluded.in_transit, excluded.velocity)
      returning 1),
    sums_deleted as (
      delete from supply_plan_products t where t.org_id = v_org and t.product_id in (select p.id from products p where p.org_id = v_org)
        and not exists (select 1 from sums s where s.product_id = t.product_id and s.marketplace = t.marketplace)
      returning 1)
    delete from supply_plan_lines t using diff d
    where d.product_id is null and t.org_id = v_org and t.product_id = d.kept_product_id
      and t.marketplace = d.kept_marketplace and t.destination_key = d.kept_destination_key;
  END LOOP;
END $$;

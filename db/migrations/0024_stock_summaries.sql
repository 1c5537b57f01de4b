CREATE TABLE "product_marketplace_stock" (
	"org_id" uuid NOT NULL,
	"product_id" bigint NOT NULL,
	"marketplace" "marketplace" NOT NULL,
	"available" integer NOT NULL,
	"reserved" integer NOT NULL,
	"in_transit" integer NOT NULL,
	"warehouse_count" integer NOT NULL,
	CONSTRAINT "product_marketplace_stock_org_id_marketplace_product_id_pk" PRIMARY KEY("org_id","marketplace","product_id")
);
--> statement-breakpoint
CREATE TABLE "product_warehouse_summary" (
	"org_id" uuid NOT NULL,
	"product_id" bigint NOT NULL,
	"warehouse_id" integer NOT NULL,
	"marketplace" "marketplace" NOT NULL,
	"available" integer NOT NULL,
	"reserved" integer NOT NULL,
	"in_transit" integer NOT NULL,
	"velocity" double precision NOT NULL,
	"demand_model" text NOT NULL,
	"observed_days" integer NOT NULL,
	"censored_days" integer NOT NULL,
	CONSTRAINT "product_warehouse_summary_org_id_product_id_warehouse_id_marketplace_pk" PRIMARY KEY("org_id","product_id","warehouse_id","marketplace")
);
--> statement-breakpoint
ALTER TABLE "product_marketplace_stock" ADD CONSTRAINT "product_marketplace_stock_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_warehouse_summary" ADD CONSTRAINT "product_warehouse_summary_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_warehouse_summary_warehouse_idx" ON "product_warehouse_summary" USING btree ("org_id","warehouse_id");--> statement-breakpoint
-- A deleted product's rows go with it, as its product_summary row does (no foreign key, see 0002).
CREATE OR REPLACE FUNCTION "products_delete_summary"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM product_summary s USING gone g WHERE s.org_id = g.org_id AND s.product_id = g.id;
  DELETE FROM product_warehouse_summary s USING gone g WHERE s.org_id = g.org_id AND s.product_id = g.id;
  DELETE FROM product_marketplace_stock s USING gone g WHERE s.org_id = g.org_id AND s.product_id = g.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A deleted warehouse's per-warehouse rows go with its stock.
CREATE OR REPLACE FUNCTION "warehouses_delete_stock"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM inventory i USING gone g WHERE i.warehouse_id = g.id;
  DELETE FROM product_warehouse_summary s USING gone g WHERE s.org_id = g.org_id AND s.warehouse_id = g.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Backfill: every organization's products, as db/queries/stock-summaries.ts' rebuildStockSummaries does (its two
-- statements rendered with the organization as v_org), so the scoped reads answer before the next run.
DO $$
DECLARE v_org uuid;
BEGIN
  FOR v_org IN SELECT id FROM organizations LOOP
    with  wf_sold as (
          select product_id, warehouse_id, day, sum(quantity)::int as units from sales s
          where s.org_id = v_org and s.product_id in (select p.id from products p where p.org_id = v_org) and s.kind = 'order' and s.warehouse_id is not null
          and day >= current_date - 112::int and day < current_date
          group by product_id, warehouse_id, day),
          wf_stock as (
          select product_id, warehouse_id, day, sum(available)::int as available from inventory_daily idy
          where idy.org_id = v_org and idy.product_id in (select p.id from products p where p.org_id = v_org)
          and day >= current_date - 113::int and day < current_date
          group by product_id, warehouse_id, day),
          wf_first_snapshots as (
          select product_id, warehouse_id, min(day) as first_snapshot from wf_stock group by product_id, warehouse_id),
          wf_series as (
          select s.product_id, s.warehouse_id,
          greatest(case when min(fs.first_snapshot) is null then current_date - 112::int
          else least(min(s.day), min(fs.first_snapshot)) end, current_date - 112::int) as first_day
          from wf_sold s
          left join wf_first_snapshots fs on fs.product_id = s.product_id and fs.warehouse_id = s.warehouse_id
          group by s.product_id, s.warehouse_id),
          -- A snapshot of no stock censors its day and the next, within the series.
          wf_censored as (
          select distinct f.product_id, f.warehouse_id, c.day
          from wf_stock z
          join wf_series f on f.product_id = z.product_id and f.warehouse_id = z.warehouse_id
          cross join lateral (values (z.day), (z.day + 1)) as c(day)
          where z.available <= 0 and c.day >= f.first_day and c.day < current_date),
          wf_counts as (
          select f.product_id, f.warehouse_id, (current_date - f.first_day)::int as days,
          coalesce(c.censored, 0)::int as censored
          from wf_series f
          left join (select product_id, warehouse_id, count(*) as censored from wf_censored group by product_id, warehouse_id) c
          on c.product_id = f.product_id and c.warehouse_id = f.warehouse_id),
          -- The days that sold in stock and the censored days, latest first: for a day that sold, the censored days and
          -- the days that sold after it.
          wf_marked as (
          select product_id, warehouse_id, day, y, censored,
          (count(*) filter (where censored) over later)::int as censored_after,
          (count(*) filter (where not censored) over later - 1)::int as q
          from (
          select s.product_id, s.warehouse_id, s.day, s.units::float8 as y, false as censored from wf_sold s
          where s.units > 0 and not exists (select 1 from wf_censored c where c.product_id = s.product_id
          and c.warehouse_id = s.warehouse_id and c.day = s.day)
          union all
          select product_id, warehouse_id, day, 0::float8, true from wf_censored) m
          window later as (partition by product_id, warehouse_id order by day desc
          rows between unbounded preceding and current row)),
          wf_sales as (
          select product_id, warehouse_id, y, q, ((current_date - 1 - day) - censored_after)::int as r
          from wf_marked where not censored),
          wf_sums as (
          select c.product_id, c.warehouse_id, c.days - c.censored as n, c.censored,
          count(s.y)::int as k, avg(s.y) as z0,
          coalesce(sum(s.y * case when s.r = c.days - c.censored - 1 then power(1 - 0.05::float8, s.r)
          else 0.05::float8 * power(1 - 0.05::float8, s.r) end), 0) as ses,
          coalesce(sum(0.02::float8 * power(1 - 0.02::float8, s.r)), 0) as p_sum,
          coalesce(sum(0.05::float8 * power(1 - 0.05::float8, s.q) * s.y), 0) as z_sum
          from wf_counts c
          left join wf_sales s on s.product_id = c.product_id and s.warehouse_id = c.warehouse_id
          group by c.product_id, c.warehouse_id, c.days, c.censored),
          demand_forecast as (
          select product_id, warehouse_id,
          case when n = 0 then 'none' when k = 0 or n::float8 / k > 1.32::float8 then 'tsb'
          else 'ses' end as model,
          case when n = 0 or k = 0 then 0::float8
          when n::float8 / k > 1.32::float8
          then (power(1 - 0.02::float8, n) * k::float8 / n + p_sum) * (power(1 - 0.05::float8, k) * coalesce(z0, 0) + z_sum)
          else ses end as per_day,
          n::int as observed_days, censored::int as censored_days
          from wf_sums),
          fresh as (
          select i.product_id, i.warehouse_id, i.marketplace, sum(i.available)::int as available,
          sum(i.reserved)::int as reserved, sum(i.in_transit)::int as in_transit
          from inventory i where i.org_id = v_org and i.product_id in (select p.id from products p where p.org_id = v_org)
          group by i.product_id, i.warehouse_id, i.marketplace
          ),
          lines as (
          select f.product_id, f.warehouse_id, f.marketplace, f.available, f.reserved, f.in_transit,
          coalesce(d.per_day, 0)::float8 as velocity, coalesce(d.model, 'none') as demand_model,
          coalesce(d.observed_days, 0)::int as observed_days, coalesce(d.censored_days, 0)::int as censored_days
          from fresh f left join demand_forecast d on d.product_id = f.product_id and d.warehouse_id = f.warehouse_id
          ),
          -- The rows as they are, against the lines as they should be, in one join: what changed or is new is written,
          -- what has no line any more goes (an upsert of every line cost a conflict check per row).
          kept as (
          select t.product_id, t.warehouse_id, t.marketplace, t.available, t.reserved, t.in_transit, t.velocity,
          t.demand_model, t.observed_days, t.censored_days
          from product_warehouse_summary t where t.org_id = v_org and t.product_id in (select p.id from products p where p.org_id = v_org)
          ),
          diff as (
          select l.*, k.product_id as kept_product_id, k.warehouse_id as kept_warehouse_id, k.marketplace as kept_marketplace
          from lines l full join kept k
          on k.product_id = l.product_id and k.warehouse_id = l.warehouse_id and k.marketplace = l.marketplace
          where l.product_id is null or k.product_id is null
          or (k.available, k.reserved, k.in_transit, k.velocity, k.demand_model, k.observed_days, k.censored_days)
          is distinct from (l.available, l.reserved, l.in_transit, l.velocity, l.demand_model, l.observed_days,
          l.censored_days)
          ),
          upserted as (
          insert into product_warehouse_summary as t (org_id, product_id, warehouse_id, marketplace, available, reserved,
          in_transit, velocity, demand_model, observed_days, censored_days)
          select v_org, product_id, warehouse_id, marketplace, available, reserved, in_transit, velocity, demand_model,
          observed_days, censored_days
          from diff where product_id is not null order by product_id, warehouse_id, marketplace
          on conflict (org_id, product_id, warehouse_id, marketplace) do update set available = excluded.available,
          reserved = excluded.reserved, in_transit = excluded.in_transit, velocity = excluded.velocity,
          demand_model = excluded.demand_model, observed_days = excluded.observed_days,
          censored_days = excluded.censored_days
          returning 1
          )
          delete from product_warehouse_summary t using diff d
          where d.product_id is null and t.org_id = v_org and t.product_id = d.kept_product_id
          and t.warehouse_id = d.kept_warehouse_id and t.marketplace = d.kept_marketplace;
        with  fresh as (
          select product_id, marketplace, sum(available)::int as available, sum(reserved)::int as reserved,
          sum(in_transit)::int as in_transit, count(distinct warehouse_id)::int as warehouse_count
          from product_warehouse_summary where org_id = v_org and product_id in (select p.id from products p where p.org_id = v_org)
          group by product_id, marketplace
          ),
          upserted as (
          insert into product_marketplace_stock as t (org_id, product_id, marketplace, available, reserved, in_transit,
          warehouse_count)
          select v_org, product_id, marketplace, available, reserved, in_transit, warehouse_count
          from fresh order by product_id, marketplace
          on conflict (org_id, marketplace, product_id) do update set available = excluded.available,
          reserved = excluded.reserved, in_transit = excluded.in_transit, warehouse_count = excluded.warehouse_count
          where (t.available, t.reserved, t.in_transit, t.warehouse_count)
          is distinct from (excluded.available, excluded.reserved, excluded.in_transit, excluded.warehouse_count)
          returning 1
          )
          delete from product_marketplace_stock t
          where t.org_id = v_org and t.product_id in (select p.id from products p where p.org_id = v_org)
          and not exists (select 1 from fresh f where f.product_id = t.product_id and f.marketplace = t.marketplace);
  END LOOP;
END $$;

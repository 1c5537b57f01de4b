// Top products, categories, ABC (ranked from those rows at finalize) and turnover's units (its products walked by
// cover), read from product_sales_windows for the standard periods up to today, answer as the previous queries
// over sales_daily did, after runs whose finalize adds, changes and removes sales and after the day moved; other
// periods still sum sales_daily; a repeated finalize of the same run rewrites no row.
import { drizzle } from "drizzle-orm/pglite";
import { beforeAll, describe, expect, it } from "vitest";
import { finalizeRun } from "../../../cron/load/finalize-run";
import type { Database } from "../../../db/client";
import { abcPage } from "../../../db/queries/abc-analysis";
import {
  revenueByCategory,
  revenueByProduct,
  type SalesPeriod,
  turnoverRows,
} from "../../../db/queries/sales-analytics";
import { migratedDatabase, startTestRun, type TestDatabase } from "./pglite-database";
import { insertSale, seedOrganization, seedProducts } from "./seed-organization";

let db: TestDatabase;
let api: Database;
let orgId: string;
let accounts: Record<"ozon" | "wb", string>;
const listings: Record<string, string> = {};
/** The organization's today (its time zone), the day the standard periods end on. */
let today: string;
let sequence = 0;

const dayBefore = (days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

async function addSale(
  runId: string,
  sale: { listing: string; kind?: string; day: number; quantity: number; revenue: number; region?: string },
): Promise<string> {
  const externalId = `s${++sequence}`;
  const marketplace = sale.listing.endsWith(":wb") ? "wb" : "ozon";
  await insertSale(db.query, {
    orgId,
    accountId: accounts[marketplace],
    marketplace,
    listingId: listings[sale.listing] as string,
    runId,
    externalId,
    ...(sale.kind !== undefined && { kind: sale.kind }),
    day: dayBefore(sale.day),
    quantity: sale.quantity,
    revenue: sale.revenue,
    region: sale.region ?? "Москва",
  });

  return externalId;
}

async function finalize(runId: string) {
  await finalizeRun(db.run, {
    orgId,
    accountId: accounts.wb,
    runId,
    zeroUnseen: false,
    status: "succeeded",
    error: null,
  });
}

/** The previous queries: every product's sales_daily rows of the period summed on each request. */
const PREVIOUS_TOTALS = `coalesce(sum(sd.revenue), 0)::float8 as revenue, coalesce(sum(sd.orders), 0)::int as orders,
  coalesce(sum(sd.units), 0)::int as units, coalesce(sum(sd.returns), 0)::int as returns,
  coalesce(sum(sd.cancellations), 0)::int as cancellations`;

function previousWhere(period: SalesPeriod): [string, unknown[]] {
  const params: unknown[] = [period.orgId, period.from, period.to];
  let where = "sd.org_id = $1 and sd.day between $2::date and $3::date";
  if (period.marketplace) {
    params.push(period.marketplace);
    where += " and sd.marketplace = $4";
  }
  return [where, params];
}

const byCategory = (rows: Array<{ category: unknown }>) =>
  [...rows].sort((a, b) => String(a.category).localeCompare(String(b.category)));

async function expectPeriodAsBefore(period: SalesPeriod) {
  const [where, params] = previousWhere(period);
  const products = await db.query(
    `select sd.product_id, p.article, p.name, p.category, ${PREVIOUS_TOTALS}
     from sales_daily sd join products p on p.id = sd.product_id and p.org_id = $1 where ${where}
     group by sd.product_id, p.article, p.name, p.category order by revenue desc, units desc, p.article`,
    params,
  );
  expect(await revenueByProduct(api, period, null)).toEqual(products);
  expect(await revenueByProduct(api, period, 2)).toEqual(products.slice(0, 2));
  const categories = await db.query<{ category: unknown }>(
    `select p.category, count(distinct sd.product_id)::int as products, ${PREVIOUS_TOTALS}
     from sales_daily sd join products p on p.id = sd.product_id and p.org_id = $1 where ${where}
     group by p.category order by revenue desc`,
    params,
  );
  expect(byCategory(await revenueByCategory(api, period))).toEqual(byCategory(categories));
  const sold = await db.query<{ product_id: string; units: number }>(
    `select sd.product_id, sum(sd.units)::int as units from sales_daily sd where ${where} group by sd.product_id`,
    params,
  );
  const unitsOf = new Map(sold.map((row) => [String(row.product_id), row.units]));
  for (const row of await turnoverRows(api, period, 100))
    expect([row.article, row.units]).toEqual([row.article, unitsOf.get(String(row.product_id)) ?? 0]);
  // Turnover's products in the previous order (every product's cover sorted, then the article), cut as asked.
  const soonest = await db.query<{ product_id: string }>(
    `select ps.product_id from product_summary ps join products p on p.id = ps.product_id where ps.org_id = $1
     order by case when ps.velocity > 0 then ps.available / ps.velocity end asc nulls last, p.article`,
    [orgId],
  );
  for (const limit of [2, 100])
    expect((await turnoverRows(api, period, limit)).map((row) => String(row.product_id))).toEqual(
      soonest.slice(0, limit).map((row) => String(row.product_id)),
    );
  // ABC from the ranks finalize stored answers as ranking the period per request (stored rows hidden).
  for (const abcClass of [undefined, "A", "B", "C"] as const) {
    const input = { abcClass, page: 1, pageSize: 2 };
    const stored = await abcPage(api, period, input);
    await db.query("begin", []);
    try {
      await db.query("delete from abc_class_windows where org_id = $1", [orgId]);
      expect(stored).toEqual(await abcPage(api, period, input));
    } finally {
      await db.query("rollback", []);
    }
  }
}

/** Every standard period (7, 30, 90 and the velocity window of 14 days) and two others, per marketplace. */
async function expectAnswersAsBefore() {
  for (const marketplace of [undefined, "ozon", "wb"] as const) {
    for (const [from, to] of [
      [dayBefore(6), today],
      [dayBefore(13), today],
      [dayBefore(29), today],
      [dayBefore(89), today],
      [dayBefore(5), dayBefore(1)],
      [dayBefore(30), today],
    ] as const) {
      await expectPeriodAsBefore({ orgId, from, to, marketplace });
    }
  }
}

const windowRows = () =>
  db.query<{ key: string; xmin: string }>(
    `select days || ' ' || product_id || ' ' || (ozon_orders is not null) || ' ' || (wb_orders is not null) as key,
       xmin::text as xmin from product_sales_windows
     where org_id = $1 order by 1`,
    [orgId],
  );

const periods = () =>
  db.query<{ days: number; ends_on: string }>(
    "select days, ends_on::text as ends_on from sales_windows where org_id = $1 order by days",
    [orgId],
  );

beforeAll(async () => {
  db = await migratedDatabase();
  api = drizzle({ client: db.pg }) as unknown as Database;
  ({ orgId, accounts } = await seedOrganization(db.query, ["ozon", "wb"]));
  await db.query("update organizations set velocity_window_days = 14 where id = $1", [orgId]);
  const articles = ["A-1", "A-2", "A-3"] as const;
  const products = await seedProducts(db.query, orgId, articles);
  for (const [index, article] of articles.entries()) {
    await db.query("update products set name = $2, category = $3 where id = $1", [
      products[index],
      `Product ${article}`,
      index === 2 ? null : `Category ${index % 2}`,
    ]);
    for (const marketplace of ["ozon", "wb"] as const) {
      const [row] = await db.query<{ id: string }>(
        `insert into listings (org_id, product_id, account_id, marketplace, external_key, name)
         values ($1, $2, $3, $4, $5, $5) returning id::text as id`,
        [orgId, products[index], accounts[marketplace], marketplace, `${article}:${marketplace}`],
      );
      listings[`${article}:${marketplace}`] = String(row?.id);
    }
  }
  const [row] = await db.query<{ today: string }>(
    "select (now() at time zone time_zone)::date::text as today from organizations where id = $1",
    [orgId],
  );
  today = String(row?.today);
});

describe("product_sales_windows behind top products, categories, ABC and turnover", () => {
  it("answers as sales_daily did after runs that add, change and remove sales, and after the day moved", async () => {
    const first = await startTestRun(db, orgId, accounts.wb);
    const s1 = await addSale(first, { listing: "A-1:wb", day: 0, quantity: 2, revenue: 2000 });
    await addSale(first, { listing: "A-1:ozon", day: 3, quantity: 4, revenue: 4400, region: "Омск" });
    await addSale(first, { listing: "A-2:wb", day: 6, quantity: 1, revenue: 700, region: "Казань" });
    const s4 = await addSale(first, { listing: "A-2:ozon", day: 7, quantity: 1, revenue: 990 });
    await addSale(first, { listing: "A-3:wb", day: 13, quantity: 3, revenue: 4400 });
    await addSale(first, { listing: "A-3:ozon", day: 29, quantity: 5, revenue: 300 });
    await addSale(first, { listing: "A-1:wb", day: 30, quantity: 1, revenue: 100 });
    await addSale(first, { listing: "A-2:wb", day: 89, quantity: 2, revenue: 5000 });
    await addSale(first, { listing: "A-3:wb", day: 95, quantity: 9, revenue: 9000 });
    // A product whose only sale of the week is a return: in the week's lists with no revenue, as before.
    await addSale(first, { listing: "A-3:ozon", kind: "return", day: 2, quantity: 1, revenue: 0 });
    await addSale(first, { listing: "A-2:wb", kind: "cancellation", day: 20, quantity: 1, revenue: 0 });
    await finalize(first);
    expect(await periods()).toEqual([7, 14, 30, 90].map((days) => ({ days, ends_on: today })));
    expect((await windowRows()).length).toBeGreaterThan(0);
    await expectAnswersAsBefore();

    // The next run: a sale changed (units, revenue), another added, and the only ozon sale of A-2 within 30
    // days gone, whose rows must go with it.
    const second = await startTestRun(db, orgId, accounts.wb);
    await addSale(second, { listing: "A-2:wb", day: 1, quantity: 3, revenue: 2100 });
    await db.query("update sales set quantity = 5, revenue = 5000, run_id = $1 where external_id = $2", [
      second,
      s1,
    ]);
    await db.query("delete from sales where external_id = $1", [s4]);
    await finalize(second);
    const keys = (await windowRows()).map((r) => r.key);
    const a2 = await db.query<{ id: string }>(
      "select id::text as id from products where org_id = $1 and article = 'A-2'",
      [orgId],
    );
    expect(keys).toContain(`30 ${a2[0]?.id} false true`);
    await expectAnswersAsBefore();

    // The same step again, nothing changed: no row is rewritten.
    const before = await windowRows();
    await finalize(second);
    expect(await windowRows()).toEqual(before);

    // The day moved since the last run (the periods end yesterday): the next finalize brings them to today.
    await db.query("update sales_windows set ends_on = ends_on - 1 where org_id = $1", [orgId]);
    await finalize(second);
    expect(await periods()).toEqual([7, 14, 30, 90].map((days) => ({ days, ends_on: today })));
    await expectAnswersAsBefore();
  });

  it("reads a standard period from the windows and any other from sales_daily", async () => {
    const week = { orgId, from: dayBefore(6), to: today };
    const other = { orgId, from: dayBefore(5), to: today };
    const weekBefore = await revenueByProduct(api, week, null);
    const otherBefore = await revenueByProduct(api, other, null);
    // sales_daily changed outside a run: the standard period keeps the last finalize's figures until the next.
    await db.query("update sales_daily set revenue = revenue + 1 where org_id = $1 and day = $2::date", [
      orgId,
      dayBefore(1),
    ]);
    expect(await revenueByProduct(api, week, null)).toEqual(weekBefore);
    expect(await revenueByProduct(api, other, null)).not.toEqual(otherBefore);
  });
});

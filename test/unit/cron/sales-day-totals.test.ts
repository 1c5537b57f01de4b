// The analytics answers read from sales_day_totals (KPIs, trend, regions) equal the same figures computed
// straight from the sales facts, after runs whose finalize adds, changes and removes sales, and a repeated
// finalize of the same run rewrites no row.
import { drizzle } from "drizzle-orm/pglite";
import { beforeAll, describe, expect, it } from "vitest";
import { finalizeRun } from "../../../cron/load/finalize-run";
import type { Database } from "../../../db/client";
import {
  revenueByRegion,
  type SalesPeriod,
  salesTotals,
  salesTotalsOf,
  salesTrend,
  type TrendGrain,
} from "../../../db/queries/sales-analytics";
import { migratedDatabase, startTestRun, type TestDatabase } from "./pglite-database";
import { insertSale, seedOrganization, seedProducts } from "./seed-organization";

let db: TestDatabase;
let api: Database;
let orgId: string;
let accounts: Record<"ozon" | "wb", string>;
const listings: Record<string, string> = {};
let today: string;

const dayBefore = (days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

async function addSale(
  runId: string,
  externalId: string,
  sale: {
    listing: string;
    kind?: string;
    day: number;
    quantity: number;
    revenue: number;
    region: string | null;
  },
) {
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
    region: sale.region,
  });
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

/** The same figures as sales_daily's rebuild takes them, straight from the sales facts. */
const DIRECT_TOTALS = `coalesce(sum(revenue) filter (where kind = 'order'), 0)::float8 as revenue,
  (count(*) filter (where kind = 'order'))::int as orders,
  coalesce(sum(quantity) filter (where kind = 'order'), 0)::int as units,
  (count(*) filter (where kind = 'return'))::int as returns,
  (count(*) filter (where kind = 'cancellation'))::int as cancellations`;

function directWhere(period: SalesPeriod): [string, unknown[]] {
  const params: unknown[] = [period.orgId, period.from, period.to];
  let where = "org_id = $1 and day between $2::date and $3::date";
  if (period.marketplace) {
    params.push(period.marketplace);
    where += " and marketplace = $4";
  }
  return [where, params];
}

async function expectAnswersEqualDirect() {
  for (const marketplace of [undefined, "ozon", "wb"] as const) {
    for (const [from, to] of [
      [dayBefore(29), today],
      [dayBefore(89), today],
      [dayBefore(5), dayBefore(1)],
    ] as const) {
      const period: SalesPeriod = { orgId, from, to, marketplace };
      const [where, params] = directWhere(period);
      const [totals] = await db.query(`select ${DIRECT_TOTALS} from sales where ${where}`, params);
      expect(await salesTotals(api, period)).toEqual(totals);
      // KPIs' one statement for a period and another: each as alone, in the order given.
      const other: SalesPeriod = { ...period, from: dayBefore(9), to: dayBefore(2) };
      expect(await salesTotalsOf(api, [period, other])).toEqual([totals, await salesTotals(api, other)]);
      for (const grain of ["day", "week", "month"] satisfies TrendGrain[]) {
        const trend = await db.query(
          `select to_char(date_trunc('${grain}', day), 'YYYY-MM-DD') as period, ${DIRECT_TOTALS}
           from sales where ${where} group by 1 order by 1`,
          params,
        );
        expect(await salesTrend(api, period, grain)).toEqual(trend);
      }
      const regions = await db.query(
        `select coalesce(region, '') as region, ${DIRECT_TOTALS} from sales where ${where}
         group by 1 order by revenue desc, region`,
        params,
      );
      expect(await revenueByRegion(api, period)).toEqual(regions);
    }
  }
}

const totalsRows = () =>
  db.query<{ key: string; xmin: string }>(
    `select day || ' ' || marketplace || ' ' || region as key, xmin::text as xmin from sales_day_totals
     where org_id = $1 order by 1`,
    [orgId],
  );

beforeAll(async () => {
  db = await migratedDatabase();
  api = drizzle({ client: db.pg }) as unknown as Database;
  ({ orgId, accounts } = await seedOrganization(db.query, ["ozon", "wb"]));
  const products = await seedProducts(db.query, orgId, ["A-1", "A-2"]);
  for (const [article, product] of [
    ["A-1", products[0]],
    ["A-2", products[1]],
  ] as const) {
    for (const marketplace of ["ozon", "wb"] as const) {
      const [row] = await db.query<{ id: string }>(
        `insert into listings (org_id, product_id, account_id, marketplace, external_key, name)
         values ($1, $2, $3, $4, $5, $5) returning id::text as id`,
        [orgId, product, accounts[marketplace], marketplace, `${article}:${marketplace}`],
      );
      listings[`${article}:${marketplace}`] = String(row?.id);
    }
  }
  const [row] = await db.query<{ today: string }>("select current_date::text as today");
  today = String(row?.today);
});

describe("sales_day_totals behind KPIs, trend and regions", () => {
  it("answers as the sales facts do after runs that add, change and remove sales", async () => {
    const first = await startTestRun(db, orgId, accounts.wb);
    await addSale(first, "s1", { listing: "A-1:wb", day: 1, quantity: 2, revenue: 2000, region: "Москва" });
    await addSale(first, "s2", { listing: "A-2:wb", day: 1, quantity: 1, revenue: 700, region: "Казань" });
    await addSale(first, "s3", { listing: "A-1:ozon", day: 3, quantity: 4, revenue: 4400, region: null });
    await addSale(first, "s4", { listing: "A-2:ozon", day: 40, quantity: 1, revenue: 990, region: "Омск" });
    await addSale(first, "s5", {
      listing: "A-1:wb",
      kind: "return",
      day: 2,
      quantity: 1,
      revenue: 0,
      region: "Москва",
    });
    await addSale(first, "s6", {
      listing: "A-2:wb",
      kind: "cancellation",
      day: 8,
      quantity: 1,
      revenue: 0,
      region: "Тула",
    });
    await finalize(first);
    expect((await totalsRows()).length).toBeGreaterThan(0);
    await expectAnswersEqualDirect();

    // The next run: a new sale on a new day, one sale changed (units, revenue and region), and the only sale
    // of a day × marketplace × region gone, whose totals row must go with it.
    const second = await startTestRun(db, orgId, accounts.wb);
    await addSale(second, "s7", { listing: "A-2:wb", day: 0, quantity: 3, revenue: 2100, region: "Казань" });
    await db.query(
      "update sales set quantity = 5, revenue = 5000, region = 'Сочи', run_id = $1 where external_id = 's1'",
      [second],
    );
    await db.query("delete from sales where external_id = 's6'");
    await finalize(second);
    const keys = (await totalsRows()).map((r) => r.key);
    expect(keys).not.toContain(`${dayBefore(8)} wb Тула`);
    expect(keys).toContain(`${dayBefore(1)} wb Сочи`);
    await expectAnswersEqualDirect();

    // The same step again, nothing changed: no totals row is rewritten.
    const before = await totalsRows();
    await finalize(second);
    expect(await totalsRows()).toEqual(before);
    await expectAnswersEqualDirect();
  });
});

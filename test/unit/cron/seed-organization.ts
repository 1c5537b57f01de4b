// Test organizations: one with an account per marketplace named, products by article and running runs, through
// any query function (a PGlite TestDatabase's, or a PostgreSQL session's).
export type RowsQuery = (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

type Marketplace = "ozon" | "wb";

const firstId = async (query: RowsQuery, text: string, params: unknown[]) =>
  String((await query(text, params))[0]?.id);

/** A new organization with one account ("main ozon", "main wb") per marketplace named. */
export async function seedOrganization<M extends Marketplace>(
  query: RowsQuery,
  marketplaces: readonly M[],
): Promise<{ orgId: string; accounts: Record<M, string> }> {
  const orgId = await firstId(
    query,
    "insert into organizations (name, slug) values ('Test', $1) returning id",
    [`test-${crypto.randomUUID()}`],
  );
  const accounts = {} as Record<M, string>;
  for (const marketplace of marketplaces)
    accounts[marketplace] = await firstId(
      query,
      "insert into marketplace_accounts (org_id, marketplace, name, credentials_encrypted) values ($1, $2, $3, 'x') returning id",
      [orgId, marketplace, `main ${marketplace}`],
    );
  return { orgId, accounts };
}

/** The organization's products of these articles, their ids in the same order. */
export async function seedProducts<const A extends readonly string[]>(
  query: RowsQuery,
  orgId: string,
  articles: A,
): Promise<{ [K in keyof A]: string }> {
  const ids: string[] = [];
  for (const article of articles)
    ids.push(
      await firstId(query, "insert into products (org_id, article) values ($1, $2) returning id::text", [
        orgId,
        article,
      ]),
    );
  return ids as { [K in keyof A]: string };
}

/** A running run of the account (trigger cli); returns its id. */
export async function startTestRun(
  db: { query: RowsQuery },
  orgId: string,
  accountId: string,
  kind: "full" | "incremental" = "full",
): Promise<string> {
  const runId = crypto.randomUUID();
  await db.query(
    "insert into etl_runs (id, org_id, account_id, kind, trigger) values ($1, $2, $3, $4, 'cli')",
    [runId, orgId, accountId, kind],
  );
  return runId;
}

/** One sale fact of a listing (its product read from the listing), as a sales page's load writes it. */
export interface TestSale {
  orgId: string;
  accountId: string;
  marketplace: Marketplace;
  listingId: string;
  runId: string;
  externalId: string;
  kind?: string;
  /** YYYY-MM-DD */
  day: string;
  quantity: number;
  revenue: number;
  region: string | null;
}

export async function insertSale(query: RowsQuery, sale: TestSale): Promise<void> {
  await query(
    `insert into sales (org_id, account_id, marketplace, kind, external_id, listing_id, product_id, occurred_at, day,
       quantity, revenue, region, run_id)
     select $1, $2, $3, $4, $5, l.id, l.product_id, now(), $6::date, $7, $8, $9, $10 from listings l where l.id = $11`,
    [
      sale.orgId,
      sale.accountId,
      sale.marketplace,
      sale.kind ?? "order",
      sale.externalId,
      sale.day,
      sale.quantity,
      sale.revenue,
      sale.region,
      sale.runId,
      sale.listingId,
    ],
  );
}

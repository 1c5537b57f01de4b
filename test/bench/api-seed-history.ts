// What the API benchmark's seller has besides stock and sales, for the admin and supply-planning reads to find
// real rows: Ozon's warehouses grouped into clusters (the supply plan's destinations), a year of sync runs of both
// accounts (every 2 hours, 12 pages each, the newest with rejected rows), the alert settings, a Telegram and a
// webhook channel and a year of their deliveries (sent, failed, dead), and some products' own minimum order and
// pack size. Idempotent: each part is written only when the organization has none of it yet, so a reused
// database (BENCH_REUSE=1) gets it once and later runs read the same rows.
import type pg from "pg";

/** Runs a year at one every 2 hours per account. */
const RUN_DAYS = 365;
const PAGES_PER_RUN = 12;
const REJECTS = 120;

export async function seedBenchHistory(client: pg.Client, orgId: string): Promise<void> {
  const org = `'${orgId}'`;
  const statements = [
    // Ozon's warehouses in 5 clusters of 4 (WB's stay warehouses of their own, as WB names no clusters).
    `update warehouses w set cluster = 'Cluster ' || (r.n % 5) from (
       select id, row_number() over (order by id) as n from warehouses where org_id = ${org} and marketplace = 'ozon') r
     where w.id = r.id and w.org_id = ${org}
       and not exists (select 1 from warehouses c where c.org_id = ${org} and c.cluster is not null)`,
    `insert into etl_runs (id, org_id, account_id, kind, trigger, status, started_at, finished_at, extracted, validated,
       normalized, inserted, updated, failed, api_requests, api_ms, run_ms, pages_done, issues, error)
     select gen_random_uuid(), ${org}, a.id, case when g % 6 = 0 then 'full' else 'incremental' end::run_kind, 'cron',
       case when g % 97 = 0 then 'failed' when g % 31 = 0 then 'partial' else 'succeeded' end::run_status,
       now() - make_interval(hours => 2 * g), now() - make_interval(hours => 2 * g) + interval '4 minutes',
       4000 + g % 500, 4000 + g % 500, 4000 + g % 500, 100 + g % 50, 900 + g % 70, case when g % 31 = 0 then 3 else 0 end,
       ${PAGES_PER_RUN}, 52000, 240000, ${PAGES_PER_RUN},
       case when g % 31 = 0 then jsonb_build_array(jsonb_build_object('code', 'STEP_FAILED', 'message', 'HTTP 502',
         'at', now() - make_interval(hours => 2 * g) + interval '1 minute')) else '[]'::jsonb end,
       case when g % 97 = 0 then 'HTTP 401: the API key was revoked' end
     from marketplace_accounts a cross join generate_series(0, ${RUN_DAYS * 12 - 1}) g
     where a.org_id = ${org} and not exists (select 1 from etl_runs r where r.org_id = ${org})`,
    `insert into etl_pages (run_id, page_key, rows, processed_at)
     select r.id, 'stock#' || p, 400, r.started_at + make_interval(secs => 20 * p)
     from etl_runs r cross join generate_series(1, ${PAGES_PER_RUN}) p
     where r.org_id = ${org} and not exists (select 1 from etl_pages e join etl_runs x on x.id = e.run_id
       where x.org_id = ${org})`,
    // The newest run of each account rejected rows (what the run's page lists, the first 50 of them).
    `insert into etl_rejects (org_id, run_id, page_key, row_index, endpoint, row, reasons)
     select ${org}, r.id, 'stock#1', g, 'stock', jsonb_build_object('offer_id', 'ART-' || g, 'stock', -1),
       array['stock: must not be negative']
     from (select distinct on (account_id) id from etl_runs where org_id = ${org} order by account_id, started_at desc) r
     cross join generate_series(1, ${REJECTS}) g
     where not exists (select 1 from etl_rejects e where e.org_id = ${org})`,
    `insert into alert_settings (org_id, digest_hour, quiet_start_hour, quiet_end_hour) values (${org}, 9, 23, 7)
     on conflict (org_id) do nothing`,
    `insert into alert_channels (org_id, kind, telegram_chat_id, webhook_url, webhook_secret)
     select ${org}, k, case when k = 'telegram' then '100200300' end,
       case when k = 'webhook' then 'https://hooks.example.test/mi' end, case when k = 'webhook' then 'secret' end
     from unnest(array['telegram', 'webhook']) k
     where not exists (select 1 from alert_channels c where c.org_id = ${org})`,
    // An alert from every 4th run to both channels: critical products, a failed run, the digest.
    `insert into alert_deliveries (org_id, channel_id, rule, run_id, payload, status, attempts, reason, created_at, sent_at)
     select ${org}, c.id, rule, r.id,
       case rule when 'run_failed' then jsonb_build_object('rule', rule, 'runId', r.id, 'account', 'WB',
           'marketplace', 'wb', 'status', 'failed', 'error', 'HTTP 401')
         else jsonb_build_object('rule', 'product_critical', 'runId', r.id, 'products', jsonb_build_array(
           jsonb_build_object('productId', 1, 'article', 'ART-000001', 'name', 'Product 1', 'available', 2))) end,
       case when r.n % 53 = 0 then 'dead' when r.n % 17 = 0 then 'failed' else 'sent' end,
       case when r.n % 53 = 0 then 5 when r.n % 17 = 0 then 2 else 1 end,
       case when r.n % 17 = 0 or r.n % 53 = 0 then 'HTTP 429 from Telegram' end, r.finished_at,
       case when r.n % 17 <> 0 and r.n % 53 <> 0 then r.finished_at end
     from (select id, finished_at, status, row_number() over (order by started_at) as n from etl_runs
       where org_id = ${org}) r
     cross join lateral (values (case when r.status = 'failed' then 'run_failed' else 'product_critical' end)) v(rule)
     join alert_channels c on c.org_id = ${org}
     where r.n % 4 = 0 and not exists (select 1 from alert_deliveries d where d.org_id = ${org})`,
    // Every 20th product with its own minimum order and pack size.
    `insert into product_supply_settings (org_id, product_id, min_order_units, pack_size)
     select ${org}, id, 10, 6 from products where org_id = ${org} and id % 20 = 0
     on conflict do nothing`,
  ];
  for (const statement of statements) await client.query(statement);
}

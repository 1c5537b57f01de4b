// SQL of the alerts: the facts a run's end is judged on, the episodes it opens and closes, the deliveries it
// queues (opened and delivered in one statement, so two runs ending together cannot both alert one start),
// and the delivery log the consumer keeps.
import { type SQL, sql } from "drizzle-orm";
import { daysOfCoverSql } from "../../domain/cover-sql";
import type { StatusRules } from "../../domain/stock-status";
import { stockStatusConditionSql } from "../../domain/stock-status-sql";
import type { AlertRule } from "../schema/alerts";
import { handleDeadLettersSql } from "./dead-letters";
import { SUMMARY_STOCK } from "./product-stock";

/** The run, its account, the organization's status rules and alert settings (one row, or none). */
export function runEndFactsSql(runId: string): SQL {
  return sql`select r.org_id, r.account_id, r.status, r.error, a.name as account, a.marketplace, a.endpoints,
      o.status_basis, o.critical_max, o.low_max, o.overstock_min, o.lead_time_days, o.safety_stock_days,
      o.cover_ceiling_days, s.rules, coalesce(s.sunset_warning_days, 30) as sunset_warning_days
    from etl_runs r
    join marketplace_accounts a on a.id = r.account_id
    join organizations o on o.id = r.org_id
    left join alert_settings s on s.org_id = r.org_id
    where r.id = ${runId}`;
}

/** The organization's products whose stock status is critical now (product_summary, rebuilt by the run). */
export function criticalProductIdsSql(orgId: string, rules: StatusRules): SQL {
  return sql`select ps.product_id::text as subject_key from product_summary ps
    where ps.org_id = ${orgId} and ${stockStatusConditionSql("critical", SUMMARY_STOCK, rules)}`;
}

const SUMMARY_COVER = daysOfCoverSql(sql`ps.available`, sql`ps.velocity`);

/**
 * The organization's products whose days of cover (available ÷ the forecast velocity in product_summary) is
 * within the lead time: they run out before a supply ordered today arrives. Products without sales never do.
 */
export function stockoutSoonProductIdsSql(orgId: string, leadTimeDays: number): SQL {
  return sql`select ps.product_id::text as subject_key from product_summary ps
    where ps.org_id = ${orgId} and ${SUMMARY_COVER} <= ${leadTimeDays}::int`;
}

/** Open episodes of the organization: rule and subject. */
export function openEpisodesSql(orgId: string): SQL {
  return sql`select rule, subject_key from alert_episodes where org_id = ${orgId} and closed_at is null`;
}

export function closeEpisodesSql(orgId: string, rule: AlertRule, subjects: string[], runId: string): SQL {
  return sql`update alert_episodes set closed_at = now(), closed_run_id = ${runId}
    where org_id = ${orgId} and rule = ${rule} and closed_at is null
      and subject_key = any(${sql.param(subjects)}::text[])`;
}

/** Channels that can receive: enabled and linked (a chat, a URL). */
export const READY_CHANNELS = sql`c.enabled and ((c.kind = 'telegram' and c.telegram_chat_id is not null)
  or (c.kind = 'webhook' and c.webhook_url is not null))`;

function openedCte(orgId: string, rule: AlertRule, subjects: string[], runId: string): SQL {
  return sql`opened as (
      insert into alert_episodes (org_id, rule, subject_key, opened_run_id)
      select ${orgId}, ${rule}, s, ${runId} from unnest(${sql.param(subjects)}::text[]) as s
      on conflict (org_id, rule, subject_key) where closed_at is null do nothing
      returning subject_key
    )`;
}

/**
 * Opens the products' episodes and, when `deliver`, queues one message per ready channel listing the products
 * whose episode this statement opened (not those another run opened first).
 */
export function openCriticalEpisodesSql(
  orgId: string,
  productIds: string[],
  runId: string,
  deliver: boolean,
): SQL {
  return sql`with ${openedCte(orgId, "product_critical", productIds, runId)},
    listed as (
      select jsonb_agg(jsonb_build_object('productId', p.id, 'article', p.article, 'name', p.name,
          'available', ps.available) order by ps.available, p.article) as products
      from opened o
      join products p on p.id = o.subject_key::bigint
      join product_summary ps on ps.org_id = ${orgId} and ps.product_id = p.id
    )
    insert into alert_deliveries (org_id, channel_id, rule, run_id, payload)
    select ${orgId}, c.id, 'product_critical', ${runId},
      jsonb_build_object('rule', 'product_critical', 'runId', ${runId}::text, 'products', l.products)
    from alert_channels c cross join listed l
    where ${deliver} and l.products is not null and c.org_id = ${orgId} and ${READY_CHANNELS}
    on conflict (run_id, rule, channel_id) do nothing`;
}

/**
 * Opens the products' stockout_soon episodes and, when `deliver`, queues one message per ready channel listing
 * those of `alerted` whose episode this statement opened (a product that turned critical in the same run opens
 * its episode silently: product_critical tells it).
 */
export function openStockoutSoonEpisodesSql(
  orgId: string,
  productIds: string[],
  alerted: string[],
  runId: string,
  leadTimeDays: number,
  deliver: boolean,
): SQL {
  return sql`with ${openedCte(orgId, "stockout_soon", productIds, runId)},
    listed as (
      select jsonb_agg(jsonb_build_object('productId', p.id, 'article', p.article, 'name', p.name,
          'available', ps.available, 'daysOfCover', ${SUMMARY_COVER}) order by ${SUMMARY_COVER}, p.article) as products
      from opened o
      join products p on p.id = o.subject_key::bigint
      join product_summary ps on ps.org_id = ${orgId} and ps.product_id = p.id
      where o.subject_key = any(${sql.param(alerted)}::text[])
    )
    insert into alert_deliveries (org_id, channel_id, rule, run_id, payload)
    select ${orgId}, c.id, 'stockout_soon', ${runId},
      jsonb_build_object('rule', 'stockout_soon', 'runId', ${runId}::text, 'leadTimeDays', ${leadTimeDays}::int,
        'products', l.products)
    from alert_channels c cross join listed l
    where ${deliver} and l.products is not null and c.org_id = ${orgId} and ${READY_CHANNELS}
    on conflict (run_id, rule, channel_id) do nothing`;
}

/** Opens the subjects' episodes and, when `deliver` and one was opened here, queues `payload` to every ready channel. */
export function openEpisodesAndDeliverSql(
  orgId: string,
  rule: AlertRule,
  subjects: string[],
  runId: string,
  payload: object,
  deliver: boolean,
): SQL {
  return sql`with ${openedCte(orgId, rule, subjects, runId)}
    insert into alert_deliveries (org_id, channel_id, rule, run_id, payload)
    select ${orgId}, c.id, ${rule}, ${runId}, ${JSON.stringify(payload)}::jsonb
    from alert_channels c
    where ${deliver} and exists (select 1 from opened) and c.org_id = ${orgId} and ${READY_CHANNELS}
    on conflict (run_id, rule, channel_id) do nothing`;
}

/** The run's deliveries still waiting to be sent (queued again when the run's end is evaluated again). */
export function queuedDeliveriesSql(runId: string): SQL {
  return sql`select id from alert_deliveries where run_id = ${runId} and status = 'queued'`;
}

/** A delivery with its channel and the organization's language and quiet hours. */
export function deliveryToSendSql(deliveryId: string): SQL {
  return sql`select d.id, d.rule, d.payload, d.status, d.channel_id, c.kind, c.enabled, c.telegram_chat_id,
      c.webhook_url, c.webhook_secret, coalesce(s.language, 'ru') as language, s.quiet_start_hour,
      s.quiet_end_hour, coalesce(s.time_zone, 'Europe/Moscow') as time_zone
    from alert_deliveries d
    join alert_channels c on c.id = d.channel_id
    left join alert_settings s on s.org_id = d.org_id
    where d.id = ${deliveryId}`;
}

/** A channel is marked failing after this many failed attempts in a row. */
export const FAILING_AFTER = 5;

/** A message sent: the delivery, the channel healthy again, and the channel's dead letters handled. */
export function deliverySentSql(deliveryId: string, channelId: string): SQL[] {
  return [
    ...handleDeadLettersSql(channelId),
    sql`update alert_deliveries set status = 'sent', attempts = attempts + 1, sent_at = now(), reason = null
      where id = ${deliveryId} and status <> 'sent'`,
    sql`update alert_channels set consecutive_failures = 0, failing_since = null, last_error = null
      where id = ${channelId}`,
  ];
}

/**
 * A failed attempt: the delivery's reason (dead when no retry can fix it). A refusal or a fault of the
 * receiver counts against the channel; a receiver asking us to slow down (`countsAgainstChannel` false) does not.
 */
export function deliveryFailedSql(
  deliveryId: string,
  channelId: string,
  reason: string,
  dead: boolean,
  countsAgainstChannel: boolean,
): SQL[] {
  const statements = [
    sql`update alert_deliveries set status = ${dead ? "dead" : "failed"}, attempts = attempts + 1, reason = ${reason}
      where id = ${deliveryId} and status not in ('sent', 'dead')`,
  ];
  if (countsAgainstChannel)
    statements.push(sql`update alert_channels set consecutive_failures = consecutive_failures + 1,
        last_error = ${reason},
        failing_since = case when consecutive_failures + 1 >= ${FAILING_AFTER}::int
          then coalesce(failing_since, now()) else failing_since end
      where id = ${channelId}`);
  return statements;
}

/** The dead-letter queue's verdict: every retry failed; the last reason stays. */
export function deliveryDeadSql(deliveryId: string, attempts: number): SQL {
  return sql`update alert_deliveries set status = 'dead',
      reason = coalesce(reason, '') || ${` (gave up after ${attempts} deliveries)`}
    where id = ${deliveryId} and status not in ('sent', 'dead')`;
}

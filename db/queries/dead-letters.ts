// SQL of the dead letters: recording one (once per queue message) opens its organization's dead_letter episode and,
// when this record opened it, queues one alert to every ready channel except the one the letter is about (an
// alert that died on a channel is not sent to it again); handling the letters of an account or a channel closes
// the episode once the organization has none left.
import { type SQL, sql } from "drizzle-orm";
import { READY_CHANNELS } from "./alerts";

export type DeadLetterQueue = "ingest" | "alerts";

export interface DeadLetterRecord {
  queue: DeadLetterQueue;
  messageId: string;
  /** One row, one column: the organization the letter belongs to. */
  orgId: SQL;
  /** The account id (ingest) or the channel id (alerts) as text. */
  subject: SQL;
  /** What the alert names: the account's name, the channel's kind. */
  about: SQL;
  reason: SQL;
  body: unknown;
  /** Stands for the run in the alert's delivery (a dead letter has none of its own). */
  eventId: string;
}

/** Records the letter and queues its alert; returns the deliveries queued (none but at an episode's start). */
export function recordDeadLetterSql(letter: DeadLetterRecord): SQL {
  return sql`with recorded as (
      insert into dead_letters (org_id, queue, message_id, subject, reason, body)
      select o.org_id, ${letter.queue}, ${letter.messageId}, ${letter.subject}, coalesce(${letter.reason}, ''),
        ${JSON.stringify(letter.body ?? null)}::jsonb
      from (${letter.orgId}) as o(org_id) where o.org_id is not null
      on conflict (queue, message_id) do nothing
      returning org_id, subject, reason
    ),
    opened as (
      insert into alert_episodes (org_id, rule, subject_key, opened_run_id)
      select org_id, 'dead_letter', 'dead-letters', ${letter.eventId}::uuid from recorded
      on conflict (org_id, rule, subject_key) where closed_at is null do nothing
      returning org_id
    )
    insert into alert_deliveries (org_id, channel_id, rule, run_id, payload)
    select o.org_id, c.id, 'dead_letter', ${letter.eventId}::uuid,
      jsonb_build_object('rule', 'dead_letter', 'runId', ${letter.eventId}::text, 'queue', ${letter.queue}::text,
        'about', coalesce(${letter.about}, ''), 'reason', r.reason)
    from opened o join recorded r on r.org_id = o.org_id join alert_channels c on c.org_id = o.org_id
    where ${READY_CHANNELS} and c.id::text <> r.subject
      and coalesce((select 'dead_letter' = any(s.rules) from alert_settings s where s.org_id = o.org_id), true)
    returning id`;
}

/** The letters about `subject` (an account, a channel) are handled; the episode closes when none is left. */
export function handleDeadLettersSql(subject: string): SQL[] {
  return [
    sql`update alert_episodes e set closed_at = now() where e.rule = 'dead_letter' and e.closed_at is null
      and e.org_id in (select org_id from dead_letters where subject = ${subject} and handled_at is null)
      and not exists (select 1 from dead_letters d where d.org_id = e.org_id and d.handled_at is null
        and d.subject <> ${subject})`,
    sql`update dead_letters set handled_at = now() where subject = ${subject} and handled_at is null`,
  ];
}

// SyncCoordinator: one Durable Object per marketplace account (addressed by account id) that lets at
// most one sync run be active at a time. A run holds a lease; the alarm releases a lease whose holder
// stopped renewing it (a crashed consumer), so the next trigger can start a new run, and the health-check cron
// ends any run the run log still calls running past its lease (endLapsedRun), should the alarm's write be lost.
// Dashboards subscribe to the account's run progress over its hibernatable WebSocket (sync/progress-sockets.ts).
import { DurableObject } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import type { BudgetRule } from "../cron/http/request-budget";
import {
  EMPTY_GATE_STATE,
  type EndpointGateState,
  type GateAnswer,
  gateAcquire,
  gateReport,
} from "../cron/http/request-gate";
import { forgetSeenCells } from "../cron/load/finalize-run";
import { etlRuns } from "../db/schema";
import { alertOnRunEnd } from "./alerts/run-end";
import { configFromEnv } from "./config";
import { databaseFor } from "./db";
import { DEFAULT_LEASE_MS } from "./sync/lease";
import { acceptSubscriber, answerSubscriber, pushProgress } from "./sync/progress-sockets";

export { DEFAULT_LEASE_MS };

const LEASE_LAPSED =
  "The run stopped renewing its lease (a consumer died); recovered by the coordinator's alarm";
const NOT_HELD =
  "The run log said running, but the account's coordinator holds no lease for it; ended by the health-check cron";

/** What endLapsedRun found: the run's lease still held, ended now, or no longer held here (its log ended now). */
export type LapsedRunAnswer = "held" | "expired" | "not-held";

export interface RunRequest {
  kind: "full" | "incremental";
  trigger: "cron" | "api" | "cli" | "dashboard";
  /** Lease length; each heartbeat extends the lease by this much. */
  leaseMs?: number;
}

export type RunGrant =
  | { started: true; runId: string }
  | { started: false; reason: "busy"; activeRunId: string };

export interface CoordinatorRun {
  runId: string;
  kind: RunRequest["kind"];
  trigger: RunRequest["trigger"];
  state: "active" | "finished" | "expired";
  startedAt: number;
  leaseUntil: number;
  leaseMs: number;
  finishedAt: number | null;
  outcome: string | null;
}

export interface CoordinatorStatus {
  active: CoordinatorRun | null;
  recent: CoordinatorRun[];
  refusals: number;
}

interface RunRow extends Record<string, SqlStorageValue> {
  run_id: string;
  kind: string;
  trigger: string;
  state: string;
  started_at: number;
  lease_until: number;
  lease_ms: number;
  finished_at: number | null;
  outcome: string | null;
}

function toRun(row: RunRow): CoordinatorRun {
  return {
    runId: row.run_id,
    kind: row.kind as CoordinatorRun["kind"],
    trigger: row.trigger as CoordinatorRun["trigger"],
    state: row.state as CoordinatorRun["state"],
    startedAt: row.started_at,
    leaseUntil: row.lease_until,
    leaseMs: row.lease_ms,
    finishedAt: row.finished_at,
    outcome: row.outcome,
  };
}

export class SyncCoordinator extends DurableObject<Env> {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.blockConcurrencyWhile(async () => {
      this.ctx.storage.sql.exec(`
        CREATE TABLE IF NOT EXISTS runs (
          run_id TEXT PRIMARY KEY, kind TEXT NOT NULL, trigger TEXT NOT NULL, state TEXT NOT NULL,
          started_at INTEGER NOT NULL, lease_until INTEGER NOT NULL, lease_ms INTEGER NOT NULL,
          finished_at INTEGER, outcome TEXT);
        CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS gates (endpoint TEXT PRIMARY KEY, state TEXT NOT NULL);`);
    });
  }

  private activeRun(): CoordinatorRun | null {
    const row = this.ctx.storage.sql
      .exec<RunRow>("SELECT * FROM runs WHERE state = 'active' LIMIT 1")
      .toArray()[0];
    return row ? toRun(row) : null;
  }

  /** Starts a run unless one is active. RPC calls to one object run one at a time, so this is atomic. */
  async requestRun(request: RunRequest): Promise<RunGrant> {
    const now = Date.now();
    const active = this.activeRun();
    if (active && active.leaseUntil > now) {
      this.ctx.storage.sql.exec(
        "INSERT INTO counters (name, value) VALUES ('refusals', 1) ON CONFLICT(name) DO UPDATE SET value = value + 1",
      );
      return { started: false, reason: "busy", activeRunId: active.runId };
    }
    if (active) await this.expire(active.runId, now);
    const runId = crypto.randomUUID();
    const leaseMs = request.leaseMs ?? DEFAULT_LEASE_MS;
    this.ctx.storage.sql.exec(
      "INSERT INTO runs (run_id, kind, trigger, state, started_at, lease_until, lease_ms) VALUES (?, ?, ?, 'active', ?, ?, ?)",
      runId,
      request.kind,
      request.trigger,
      now,
      now + leaseMs,
      leaseMs,
    );
    await this.ctx.storage.setAlarm(now + leaseMs);
    return { started: true, runId };
  }

  /** Extends the lease of the active run; false when the run is no longer the active one. */
  async heartbeat(runId: string): Promise<boolean> {
    const active = this.activeRun();
    if (!active || active.runId !== runId) return false;
    const leaseUntil = Date.now() + active.leaseMs;
    this.ctx.storage.sql.exec("UPDATE runs SET lease_until = ? WHERE run_id = ?", leaseUntil, runId);
    await this.ctx.storage.setAlarm(leaseUntil);
    // Every step renews the lease first, so watchers see the run as the previous step left it.
    await pushProgress(this.ctx, this.env, runId);
    return true;
  }

  /** Ends the active run with an outcome (succeeded, partial, failed); repeating it changes nothing. */
  async finishRun(runId: string, outcome: string): Promise<boolean> {
    const active = this.activeRun();
    if (!active || active.runId !== runId) return false;
    this.ctx.storage.sql.exec(
      "UPDATE runs SET state = 'finished', finished_at = ?, outcome = ? WHERE run_id = ?",
      Date.now(),
      outcome,
      runId,
    );
    await this.ctx.storage.deleteAlarm();
    await pushProgress(this.ctx, this.env, runId);
    return true;
  }

  /** Dashboards subscribe to the account's run progress here (GET /api/accounts/{id}/progress upgrades). */
  override fetch(request: Request): Promise<Response> {
    return acceptSubscriber(this.ctx, this.env, request);
  }

  /** Sends watchers the account's run now (the queue consumer, after a step failed and went back for a retry). */
  async announceProgress(): Promise<void> {
    await pushProgress(this.ctx, this.env, this.activeRun()?.runId);
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    await answerSubscriber(ws, this.env, message);
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    // Completes the closing handshake the dashboard started (1005/1006 carry no code that may be sent back).
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, reason);
    } catch {
      // Already closed.
    }
  }

  override async webSocketError(ws: WebSocket, error: unknown): Promise<void> {
    console.error(JSON.stringify({ level: "warn", error: `progress socket failed: ${String(error)}` }));
    try {
      ws.close(1011, "progress socket failed");
    } catch {
      // Already closed.
    }
  }

  async status(): Promise<CoordinatorStatus> {
    const recent = this.ctx.storage.sql
      .exec<RunRow>("SELECT * FROM runs ORDER BY started_at DESC LIMIT 20")
      .toArray()
      .map(toRun);
    const refusals = this.ctx.storage.sql
      .exec<{ value: number }>("SELECT value FROM counters WHERE name = 'refusals'")
      .toArray()[0];
    return { active: this.activeRun(), recent, refusals: refusals?.value ?? 0 };
  }

  /** Fires when a lease may have run out: expires the run if nobody renewed it. */
  override async alarm(): Promise<void> {
    const active = this.activeRun();
    if (!active) return;
    const now = Date.now();
    if (active.leaseUntil <= now) {
      await this.expire(active.runId, now);
    } else {
      await this.ctx.storage.setAlarm(active.leaseUntil);
    }
  }

  /**
   * Ends `runId` if its lease ran out by `nowMs` (the health-check cron's time; never earlier than this object's
   * clock): the coordinator's alarm does the same, this catches a run whose end never reached the run log.
   */
  async endLapsedRun(runId: string, nowMs: number): Promise<LapsedRunAnswer> {
    const now = Math.max(Date.now(), nowMs);
    const active = this.activeRun();
    if (active?.runId === runId) {
      if (active.leaseUntil > now) return "held";
      await this.expire(runId, now);
      return "expired";
    }
    // Finished or expired here already (the run log missed it), or never granted by this coordinator.
    await this.failRunLog(runId, now, NOT_HELD);
    return "not-held";
  }

  /**
   * Books a slot in the endpoint's request budget (shared by every consumer of this account's runs), unless the
   * wait for it is longer than `maxWaitMs`: then nothing is booked, so the page handed back finds it free later.
   */
  async acquireRequest(endpoint: string, rule: BudgetRule, maxWaitMs?: number): Promise<GateAnswer> {
    const { answer, state } = gateAcquire(this.gateState(endpoint), rule, Date.now(), maxWaitMs);
    this.saveGate(endpoint, state);
    return answer;
  }

  /** Feeds the endpoint's circuit breaker with the outcome of a call. */
  async reportRequest(endpoint: string, succeeded: boolean): Promise<void> {
    this.saveGate(endpoint, gateReport(this.gateState(endpoint), succeeded, Date.now()));
  }

  private gateState(endpoint: string): EndpointGateState {
    const row = this.ctx.storage.sql
      .exec<{ state: string }>("SELECT state FROM gates WHERE endpoint = ?", endpoint)
      .toArray()[0];
    return row ? (JSON.parse(row.state) as EndpointGateState) : EMPTY_GATE_STATE;
  }

  private saveGate(endpoint: string, state: EndpointGateState): void {
    this.ctx.storage.sql.exec(
      "INSERT INTO gates (endpoint, state) VALUES (?, ?) ON CONFLICT(endpoint) DO UPDATE SET state = excluded.state",
      endpoint,
      JSON.stringify(state),
    );
  }

  /** Ends a run whose holder stopped renewing its lease, here and in the run log. */
  private async expire(runId: string, now: number): Promise<void> {
    this.ctx.storage.sql.exec(
      "UPDATE runs SET state = 'expired', finished_at = ?, outcome = 'lease expired' WHERE run_id = ?",
      now,
      runId,
    );
    try {
      await this.failRunLog(runId, now, LEASE_LAPSED);
      await pushProgress(this.ctx, this.env, runId);
    } catch (error) {
      // The coordinator's own state is already right; the health-check cron ends the run log (endLapsedRun).
      console.error(
        JSON.stringify({
          level: "error",
          runId,
          error: `could not mark the expired run failed: ${String(error)}`,
        }),
      );
    }
  }

  /**
   * Marks a run still running in the run log failed with `reason`, drops its seen cells, and judges its end like
   * any other run's (a lapsed run is a failed run: run_failed once per episode). Judging again is a no-op.
   */
  private async failRunLog(runId: string, now: number, reason: string): Promise<void> {
    // A bad configuration throws a ConfigError naming the variable, logged by the caller.
    const config = configFromEnv(this.env);
    const db = databaseFor(config);
    await db.batch([
      db
        .update(etlRuns)
        .set({ status: "failed", finishedAt: new Date(now), error: reason })
        .where(and(eq(etlRuns.id, runId), eq(etlRuns.status, "running"))),
      db.execute(forgetSeenCells(runId)),
    ]);
    await alertOnRunEnd(this.env, config, runId);
  }
}

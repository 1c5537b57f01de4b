// What the ingestion engine needs from whoever drives it: a database, the account's request budget, a queue
// to put the run's next message on, and the account's coordinator (lease and release). The queue consumer in
// worker/ gives it the Worker's queue and Durable Object; the in-process driver (run-in-process.ts) a local
// queue and a coordinator that always holds the lease. Every ingestion rule lives on this side of the ports.
import type { RequestGate } from "../http/request-gate";
import type { StatementRunner } from "../load/statement-runner";
import type { IngestMessage } from "../messages";
import type { StepBudget } from "./ingest-step";
import type { GroupLimits } from "./page-group";
import type { RunContext } from "./run-context";

export type RunOutcome = "succeeded" | "partial" | "failed";

export interface EnginePorts {
  run: StatementRunner;
  gate: RequestGate;
  /** Puts a message on the run's queue; a delay when a vendor asked us to come back later. */
  send(message: IngestMessage, delaySeconds?: number): Promise<void>;
  /** The run's account and state; null when the run does not exist (a stale message for a deleted account). */
  runContext(runId: string): Promise<RunContext | null>;
  /** Renews the run's lease; false when the run is no longer the account's active one. */
  heartbeat(runId: string): Promise<boolean>;
  /** Releases the account's coordinator with the run's outcome. */
  finishRun(runId: string, outcome: RunOutcome): Promise<void>;
  /** The most bytes one database request may carry (Neon's 10 MiB when absent): bigger pages load in parts. */
  maxRequestBytes?: number;
  /** How long one step may wait inline for the vendor's budget before the page is put back with a delay. */
  maxInlineWaitMs?: number;
  /** How far a page step reads the feed ahead (page-group.ts); absent = DEFAULT_GROUP. */
  pageGroup?: GroupLimits;
  /** How much one delivery may run before it queues the rest; absent = one step per delivery. */
  stepBudget?: StepBudget;
  fetch?: typeof fetch;
  /** Clock for the feeds' start positions. */
  nowMs(): number;
  /** Told after each page a step loaded (the benchmark's page sizes). */
  onPage?: (progress: { endpoint: string; page: number; rows: number }) => void;
}

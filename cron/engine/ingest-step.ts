// One delivery of a message, whichever driver delivers it: `start` plans the run and queues each feed's first page,
// each `page` fetches, validates, normalizes and loads one vendor page and goes on to what comes next,
// `finalize` closes the run. While the delivery's budget (ports.stepBudget) lasts, it runs the successor itself
// instead of queueing it, so a sync's wall time is set by the vendors' limits, not by one queue hop per page;
// once spent, the successor goes to the queue. Every step renews the run's lease; a step for a run that is no
// longer active does nothing.
import type { IngestMessage } from "../messages";
import { finalizeStep } from "./finalize-step";
import { pageStep } from "./page-step";
import type { EnginePorts } from "./ports";
import type { RunContext } from "./run-context";
import { startStep } from "./start-step";

/** How much one delivery may do before it queues the rest (a Worker invocation's CPU, memory and time). */
export interface StepBudget {
  /** Wall time after which no further step is started in this delivery. */
  maxMs: number;
  /** Vendor rows loaded after which no further step is started (the CPU a delivery spends follows them). */
  maxRows: number;
}

/** The queue consumer's default: well inside a consumer invocation's 30 s of CPU and 15 min of wall time. */
export const DEFAULT_STEP_BUDGET: StepBudget = { maxMs: 20_000, maxRows: 60_000 };

export async function processIngestMessage(ports: EnginePorts, message: IngestMessage): Promise<void> {
  const budget = ports.stepBudget;
  const startedAt = Date.now();
  let rows = 0;
  const counting: EnginePorts = {
    ...ports,
    onPage: (page) => {
      rows += page.rows;
      ports.onPage?.(page);
    },
  };
  const withinBudget = () =>
    budget !== undefined && Date.now() - startedAt < budget.maxMs && rows < budget.maxRows;
  let run = await ports.runContext(message.runId);
  for (let step: IngestMessage | null = message; step; ) {
    if (run?.status !== "running") return;
    if (!(await ports.heartbeat(step.runId))) return;
    const next: IngestMessage | null = await runStep(counting, run, step, withinBudget());
    // Finalize may already have run (a redelivery walking a stored chain): read the run's state again.
    if (next && next.type !== "page") run = await ports.runContext(next.runId);
    step = next;
  }
}

/** One step; returns the step this delivery runs next, or null when it queued what follows (or the run ended). */
function runStep(
  ports: EnginePorts,
  run: RunContext,
  step: IngestMessage,
  chain: boolean,
): Promise<IngestMessage | null> {
  switch (step.type) {
    case "start":
      return startStep(ports, run, step).then(() => null);
    case "page":
      return pageStep(ports, run, step, chain);
    case "finalize":
      return finalizeStep(ports, run, step).then(() => null);
  }
}

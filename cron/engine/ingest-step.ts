// One step of a run, whichever driver delivers it: `start` plans the run and sends its first page, each `page`
// fetches, validates, normalizes and loads one vendor page and sends what comes next, `finalize` closes the run.
// Every step renews the run's lease; a step for a run that is no longer active does nothing.
import type { IngestMessage } from "../messages";
import { finalizeStep } from "./finalize-step";
import { pageStep } from "./page-step";
import type { EnginePorts } from "./ports";
import { startStep } from "./start-step";

export async function processIngestMessage(ports: EnginePorts, message: IngestMessage): Promise<void> {
  const run = await ports.runContext(message.runId);
  if (run?.status !== "running") return;
  if (!(await ports.heartbeat(message.runId))) return;
  switch (message.type) {
    case "start":
      return startStep(ports, run, message);
    case "page":
      return pageStep(ports, run, message);
    case "finalize":
      return finalizeStep(ports, run, message);
  }
}

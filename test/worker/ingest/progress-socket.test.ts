// Live run progress over the account's progress socket (GET /api/accounts/{id}/progress with Upgrade), through
// the real Worker, SyncCoordinator and queue consumer: a subscriber gets the account's run at once, every step's
// progress while it runs and the outcome at its end; a step that fails says "retrying" with the count and the
// last error, and the run the dead-letter queue gives up on says "failed"; a subscriber who comes back gets the
// run as it is now. Without credentials 401, another organization's account 404, a foreign origin 403.
import { createExecutionContext, createMessageBatch, env, getQueueResult, SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { IngestMessage } from "../../../cron/messages";
import type { Run } from "../../../worker/api/schemas/runs";
import worker from "../../../worker/index";
import { DEAD_LETTER_QUEUE_NAME } from "../../../worker/queue";
import type { ProgressEvent } from "../../../worker/sync/progress";
import { useTestDatabase } from "../../support/worker-database";
import { seedTenant, signIn, type Tenant } from "../api/fixtures";
import { deliver, startHeldRun } from "./hand-queue";
import { seedSimAccount } from "./helpers";
import { useExclusiveSimulator } from "./sim-lease";

useTestDatabase();
useExclusiveSimulator();

/** A subscription's messages in order, and a way to wait for the first one (after `from`) that matches. */
interface Subscription {
  events: ProgressEvent[];
  next(match: (event: ProgressEvent) => boolean, from?: number): Promise<ProgressEvent>;
  close(): void;
}

function subscribe(socket: WebSocket): Subscription {
  const events: ProgressEvent[] = [];
  const waiters: {
    match: (event: ProgressEvent) => boolean;
    from: number;
    resolve: (e: ProgressEvent) => void;
  }[] = [];
  socket.accept();
  socket.addEventListener("message", (message) => {
    events.push(JSON.parse(String(message.data)) as ProgressEvent);
    for (const waiter of [...waiters]) {
      const found = events.slice(waiter.from).find(waiter.match);
      if (found) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(found);
      }
    }
  });
  return {
    events,
    next(match, from = 0) {
      const found = events.slice(from).find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => waiters.push({ match, from, resolve }));
    },
    close: () => socket.close(1000, "done"),
  };
}

const progressUrl = (accountId: string) => `http://edge.test/api/accounts/${accountId}/progress`;

function upgrade(accountId: string, ip: string, headers: Record<string, string> = {}): Promise<Response> {
  return SELF.fetch(progressUrl(accountId), {
    headers: { Upgrade: "websocket", "CF-Connecting-IP": ip, ...headers },
  });
}

async function connect(accountId: string, cookie: string, ip: string): Promise<Subscription> {
  const response = await upgrade(accountId, ip, { Cookie: cookie });
  expect(response.status).toBe(101);
  if (!response.webSocket) throw new Error("no WebSocket in the 101 answer");
  return subscribe(response.webSocket);
}

/** Delivers the run's messages one step per delivery, the way the queue would, until nothing is sent on. */
async function deliverAll(first: IngestMessage): Promise<void> {
  const pending = [first];
  for (let message = pending.shift(); message; message = pending.shift()) {
    const { sent, retried } = await deliver(message);
    if (retried) throw new Error(`a step failed: ${message.type}`);
    pending.push(...sent.map((s) => s.body));
  }
}

let tenant: Tenant;
let cookie: string;
let ids: { orgId: string; accountId: string };

beforeAll(async () => {
  tenant = await seedTenant("progress");
  ids = await seedSimAccount("wb", {}, tenant.orgId);
  cookie = await signIn(tenant.users.viewer.email, "10.31.0.1");
});

describe("the account's progress socket", () => {
  it("sends the run at once, its progress after each step, and its outcome at the end", async () => {
    const watcher = await connect(ids.accountId, cookie, "10.31.0.2");
    // A late subscriber is never blank: before the account's first run, the first message says there is none.
    expect(await watcher.next(() => true)).toEqual({ type: "run", accountId: ids.accountId, run: null });

    const start = await startHeldRun(ids, "full");
    await deliverAll(start);

    const isThisRun = (event: ProgressEvent) => event.run?.id === start.runId;
    const done = await watcher.next((e) => isThisRun(e) && e.run?.status === "succeeded");
    const during = watcher.events.slice(0, watcher.events.indexOf(done)).filter(isThisRun);
    // Pushed while the run was still running, with the pages and rows loaded so far and the feed being read.
    const progressed = during.find((e) => e.run?.status === "running" && e.run.pagesDone > 0);
    expect(progressed?.run).toMatchObject({ status: "running", retrying: false, retries: 0 });
    expect(progressed?.run?.extracted).toBeGreaterThan(0);
    expect(progressed?.run?.phase).toBe("wb.v1.supplier_stocks");
    expect(done.run).toMatchObject({ status: "succeeded", retries: 0, lastIssue: null });
    expect(done.run?.pagesDone).toBeGreaterThanOrEqual(progressed?.run?.pagesDone ?? 1);
    watcher.close();

    // Coming back later: the first message is the run as it ended.
    const again = await connect(ids.accountId, cookie, "10.31.0.3");
    const now = await again.next(() => true);
    expect(now.run).toMatchObject({ id: start.runId, status: "succeeded", pagesDone: done.run?.pagesDone });
    again.close();
  });

  it("says a failing step is retrying, with the count and the last error, then that the run failed", async () => {
    const watcher = await connect(ids.accountId, cookie, "10.31.0.4");
    await watcher.next(() => true);
    const start = await startHeldRun(ids, "full");
    // An adapter this deployment does not have (a message from a newer version): every attempt throws.
    const page: IngestMessage = {
      type: "page",
      runId: start.runId,
      accountId: ids.accountId,
      kind: "full",
      endpoint: "wb.v9.stock_gone",
      cursor: { offset: 0 },
      page: 0,
      deferrals: 0,
      listingIncomplete: false,
      joinKeys: [],
      walk: 0,
      completeSources: [],
      zeroEndpoints: [],
    };
    const retrying = (n: number) => (e: ProgressEvent) =>
      e.run?.id === start.runId && e.run.retrying && e.run.retries === n;
    expect((await deliver(page)).retried).toBe(true);
    const first = await watcher.next(retrying(1));
    expect(first.run?.status).toBe("running");
    expect(first.run?.lastIssue).toMatchObject({ code: "STEP_FAILED", endpoint: "wb.v9.stock_gone" });
    expect(first.run?.lastIssue?.message).toMatch(/No stock adapter "wb\.v9\.stock_gone"/);
    expect((await deliver(page)).retried).toBe(true);
    await watcher.next(retrying(2));

    const batch = createMessageBatch(DEAD_LETTER_QUEUE_NAME, [
      { id: "dead-1", timestamp: new Date(), attempts: 1, body: page },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    await getQueueResult(batch, ctx);
    const failed = await watcher.next((e) => e.run?.id === start.runId && e.run.status === "failed");
    expect(failed.run).toMatchObject({ retrying: false, retries: 2 });
    expect(failed.run?.error).toMatch(/^Gave up on page 0 of wb\.v9\.stock_gone after every retry/);
    watcher.close();

    // The runs API says the same about the run.
    const listed = await SELF.fetch(`http://edge.test/api/runs?accountId=${ids.accountId}`, {
      headers: { Cookie: cookie, "CF-Connecting-IP": "10.31.0.5" },
    });
    const run = ((await listed.json()) as { items: Run[] }).items.find((r) => r.id === start.runId);
    expect(run).toMatchObject({ status: "failed", retries: 2, lastIssue: { code: "STEP_FAILED" } });
  });

  it("answers the run now as JSON without the upgrade", async () => {
    const response = await SELF.fetch(progressUrl(ids.accountId), {
      headers: { Cookie: cookie, "CF-Connecting-IP": "10.31.0.6" },
    });
    expect(response.status).toBe(200);
    const event = (await response.json()) as ProgressEvent;
    expect(event).toMatchObject({ type: "run", accountId: ids.accountId, run: { status: "failed" } });
  });

  it("answers 401 without credentials, 404 for another organization's account, 403 from a foreign origin", async () => {
    expect((await upgrade(ids.accountId, "10.31.0.7")).status).toBe(401);
    const other = await seedSimAccount("wb");
    const foreign = await upgrade(other.accountId, "10.31.0.8", { Cookie: cookie });
    expect(foreign.status).toBe(404);
    expect(foreign.webSocket).toBeNull();
    const hijack = await upgrade(ids.accountId, "10.31.0.9", { Cookie: cookie, Origin: "https://evil.test" });
    expect(hijack.status).toBe(403);
  });
});

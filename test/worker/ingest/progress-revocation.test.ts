// A live progress socket stops receiving once its caller may no longer read: the account's coordinator checks the
// subscribers' credentials before each push and closes (4401, with the reason) the socket of a user an admin
// disabled or of a session that signed out, while the other subscribers go on receiving. Through the real Worker,
// route and SyncCoordinator; the push is the coordinator's own announceProgress, so nothing waits on a clock.
import { env, SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { coordinatorFor } from "../../../worker/sync/coordinator";
import { CREDENTIAL_REVOKED } from "../../../worker/sync/progress-sockets";
import { useTestDatabase } from "../../support/worker-database";
import { seedTenant, send, signIn, type Tenant } from "../api/fixtures";
import { seedSimAccount } from "./helpers";

useTestDatabase();

interface Watcher {
  messages: string[];
  closed: Promise<{ code: number; reason: string }>;
  next(count: number): Promise<void>;
}

async function watch(accountId: string, cookie: string, ip: string): Promise<Watcher> {
  const response = await SELF.fetch(`http://edge.test/api/accounts/${accountId}/progress`, {
    headers: { Upgrade: "websocket", "CF-Connecting-IP": ip, Cookie: cookie },
  });
  expect(response.status).toBe(101);
  const socket = response.webSocket;
  if (!socket) throw new Error("no WebSocket in the 101 answer");
  const messages: string[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  socket.accept();
  socket.addEventListener("message", (event) => {
    messages.push(String(event.data));
    for (const waiter of waiters.filter((w) => messages.length >= w.count)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.addEventListener("close", (event) => resolve({ code: event.code, reason: event.reason })),
  );
  const watcher: Watcher = {
    messages,
    closed,
    next: (count) =>
      messages.length >= count
        ? Promise.resolve()
        : new Promise((resolve) => waiters.push({ count, resolve })),
  };
  await watcher.next(1);
  return watcher;
}

let tenant: Tenant;
let accountId: string;

beforeAll(async () => {
  tenant = await seedTenant("revoked-socket");
  accountId = (await seedSimAccount("wb", {}, tenant.orgId)).accountId;
});

describe("a progress socket whose caller lost access", () => {
  it("is closed when an admin disables its user; the others keep receiving", async () => {
    const admin = await signIn(tenant.users.admin.email, "10.41.0.1");
    const operator = await signIn(tenant.users.operator.email, "10.41.0.2");
    const viewer = await signIn(tenant.users.viewer.email, "10.41.0.3");
    const disabled = await watch(accountId, operator, "10.41.0.2");
    const staying = await watch(accountId, viewer, "10.41.0.3");

    const patch = await send(
      "PATCH",
      `/api/users/${tenant.users.operator.id}`,
      { disabled: true },
      "10.41.0.1",
      {
        cookie: admin,
      },
    );
    expect(patch.status).toBe(200);
    await coordinatorFor(env, accountId).announceProgress();

    expect(await disabled.closed).toEqual(CREDENTIAL_REVOKED);
    expect(disabled.messages).toHaveLength(1);
    await staying.next(2);
    expect(staying.messages).toHaveLength(2);
  });

  it("is closed after its session signs out", async () => {
    const cookie = await signIn(tenant.users.viewer.email, "10.41.0.4");
    const watcher = await watch(accountId, cookie, "10.41.0.4");
    const logout = await send("POST", "/api/auth/logout", undefined, "10.41.0.4", { cookie });
    expect(logout.status).toBe(204);
    await coordinatorFor(env, accountId).announceProgress();
    expect(await watcher.closed).toEqual(CREDENTIAL_REVOKED);
    expect(watcher.messages).toHaveLength(1);
  });
});

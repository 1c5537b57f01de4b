// The e2e run's own view of the API and the simulator, outside the browser: signs in with fetch, waits
// for the dev runner's first sync to finish, and reads the simulator's truth to compare against.
import type { StatusRules, StockStatus } from "../../domain/stock-status";
import type { DashboardCounts } from "./truth";

export interface RunRow {
  id: string;
  accountId: string;
  account: string;
  marketplace: "ozon" | "wb";
  kind: string;
  trigger: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
}

export interface DashboardAnswer {
  thresholds: StatusRules;
  total: number;
  counts: DashboardCounts;
  items: Record<
    string,
    Array<{
      article: string;
      name: string;
      productId: number;
      status: StockStatus;
      available: number;
      inTransit: number;
      velocity: number;
    }>
  >;
  money: {
    orderToday: { products: number; units: number; rub: number };
    lostSales: { periodDays: number; units: number; rub: number };
    stockRub: number;
    overstockRub: number;
  } | null;
}

export class ApiSession {
  private cookie = "";
  constructor(readonly baseUrl: string) {}

  async signIn(email: string, password: string): Promise<void> {
    const response = await fetch(`${this.baseUrl}/api/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
    if (!response.ok) {
      throw new Error(
        `POST /api/auth/login as ${email} answered ${response.status}: ${await response.text()}`,
      );
    }
    this.cookie = response.headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .join("; ");
  }

  /** GET as the signed-in user; a dropped connection (wrangler dev resets some under load) is retried. */
  async get<T>(path: string): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(`${this.baseUrl}${path}`, { headers: { Cookie: this.cookie } });
      } catch (error) {
        const cause =
          error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
        if (attempt >= 5) throw new Error(`GET ${path} failed ${attempt} times${cause}`);
        await new Promise((resolve) => setTimeout(resolve, 1_000 * attempt));
        continue;
      }
      if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as T;
    }
  }
}

const TERMINAL = new Set(["succeeded", "partial", "failed", "cancelled"]);

/**
 * Waits until every marketplace account has a finished run and none is running (the dev runner's first
 * full sync), and returns those runs. Throws with the runs' states when they fail or take too long.
 */
export async function waitForFirstSync(api: ApiSession, accounts: number, timeoutMs = 600_000) {
  const deadline = Date.now() + timeoutMs;
  let last: RunRow[] = [];
  let pollFailure = "";
  while (Date.now() < deadline) {
    try {
      last = (await api.get<{ items: RunRow[] }>("/api/runs?pageSize=20")).items;
      pollFailure = "";
    } catch (error) {
      // One poll's failure is not the sync's: on the dev runner's single-connection PGlite a big seller's page
      // can hold the database for minutes, and a read waiting behind it may be dropped. Ask again.
      pollFailure = error instanceof Error ? error.message : String(error);
      console.log(`  (the runs list did not answer: ${pollFailure}; asking again)`);
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      continue;
    }
    const finishedAccounts = new Set(last.filter((run) => TERMINAL.has(run.status)).map((r) => r.accountId));
    const running = last.some((run) => !TERMINAL.has(run.status));
    if (!running && finishedAccounts.size >= accounts) {
      const failed = last.filter((run) => run.status !== "succeeded");
      if (failed.length > 0) {
        throw new Error(
          `the first sync did not succeed: ${failed.map((r) => `${r.account} ${r.status} (${r.error ?? "no error"})`).join("; ")}`,
        );
      }
      return last;
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(
    `the first sync did not finish within ${timeoutMs / 1000} s: ${last.map((r) => `${r.account} ${r.status}`).join("; ") || "no runs"}${pollFailure ? ` (last poll: ${pollFailure})` : ""}`,
  );
}

// The end-to-end scenarios of issue 6, in order, sharing one signed-in page: sign in; the three
// categories show the demo seller's counts; Show all scrolls; search opens a product; the language
// switches and is remembered; a sync runs with progress shown; an alias is mapped; screenshots of every
// page in both languages and at a phone-sized viewport.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { DEMO_LOGIN } from "../../dev/demo-seed";
import { stockStatus } from "../../domain/stock-status";
import { SECURITY_HEADERS } from "../../worker/security-headers";
import { accountScenarios } from "./account-scenarios";
import { alertScenarios } from "./alert-scenarios";
import type { ApiSession, DashboardAnswer } from "./api";
import { SIZE_SCALE } from "./dev-server";
import { faultedRunPath } from "./faulted-run";
import { formScenarios } from "./form-scenarios";
import { layoutScenarios } from "./layout-scenarios";
import { apiJson, DASHBOARD_PAGES, DESKTOP, PHONE, screenshot, setLanguage, settled, visit } from "./pages";
import { russianScenarios } from "./russian";
import { sessionScenarios } from "./session-scenarios";
import { availableByWarehouse, stockTruth, unitsByProduct } from "./truth";

/** `npm run dev` seeds this seller; E2E_EMAIL / E2E_PASSWORD point the run at another account. */
export const DEMO_EMAIL = process.env.E2E_EMAIL ?? DEMO_LOGIN.email;
export const DEMO_PASSWORD = process.env.E2E_PASSWORD ?? DEMO_LOGIN.password;

export interface ScenarioContext {
  baseUrl: string;
  simUrl: string;
  /** The local Neon endpoint's port (its Postgres wire and its /sql): a scenario may add an organization. */
  dbPort: number;
  /** Signed in as the demo seller outside the browser. */
  api: ApiSession;
}

export interface Scenario {
  name: string;
  run(page: Page, context: ScenarioContext): Promise<void>;
}

/** A run as an account's progress socket sends it (the fields this check reads). */
interface LiveRun {
  id: string;
  status: string;
  pagesDone: number;
}

/** The screenshot's name for a page: "overview", "inventory", "product", "sync-run", … */
function screenName(path: string): string {
  if (path === "/") return "overview";
  if (/^\/inventory\/\d+$/.test(path)) return "product";
  if (/^\/sync\/runs\//.test(path)) return "sync-run";
  return path.slice(1).replace(/\//g, "-");
}

export const scenarios: Scenario[] = [
  {
    name: "sign-in refuses a wrong password, counts down a throttled sign-in, then signs in to the Overview",
    async run(page, { baseUrl }) {
      await page.goto(`${baseUrl}/inventory`);
      await page.waitForURL(/\/signin/);
      await screenshot(page, "signin-ru-desktop");
      await page.fill('input[name="email"]', DEMO_EMAIL);
      await page.fill('input[name="password"]', "wrong-password");
      await page.click('[data-testid="sign-in"]');
      await page.waitForSelector('[data-testid="sign-in-error"]');
      assert.match((await page.textContent('[data-testid="sign-in-error"]')) ?? "", /Неверная|wrong/);
      await page.fill('input[name="password"]', DEMO_PASSWORD);
      // Sign-in throttled (the API's 429 with Retry-After, answered here once): the form counts the wait down
      // instead of only saying "Входим…", then signs in by itself.
      let throttled = false;
      await page.route("**/api/auth/login", (route) => {
        if (throttled) return route.continue();
        throttled = true;
        return route.fulfill({
          status: 429,
          headers: { "Retry-After": "5" },
          contentType: "application/json",
          body: JSON.stringify({ error: { code: "RATE_LIMITED", message: "too many sign-in attempts" } }),
        });
      });
      await page.click('[data-testid="sign-in"]');
      const wait = page.locator('[data-testid="sign-in-throttled"]');
      await wait.waitFor();
      assert.match(await wait.innerText(), /Слишком много попыток входа; повторим через [1-5] с\./);
      assert.match(await page.locator('[data-testid="sign-in"]').innerText(), /Повтор через [1-5] с/);
      await page.waitForURL(`${baseUrl}/inventory`);
      await page.unroute("**/api/auth/login");
      await visit(page, "/");
      await page.waitForSelector('[data-testid="category-critical"]');
    },
  },
  {
    name: "the three categories show the demo seller's counts (API and simulator truth)",
    async run(page, { simUrl }) {
      await settled(page);
      const dashboard = await apiJson<DashboardAnswer>(page, "/api/dashboard?limit=10");
      const total =
        dashboard.counts.critical +
        dashboard.counts.low +
        dashboard.counts.normal +
        dashboard.counts.overstock;
      assert.ok(total > 0, "the demo seller has products (did the first sync run?)");
      for (const status of ["critical", "low", "overstock"] as const) {
        const shown = (await page.textContent(`[data-testid="count-${status}"]`))?.replace(/\s/g, "") ?? "";
        assert.equal(
          shown,
          String(dashboard.counts[status]),
          `${status} count on screen vs GET /api/dashboard`,
        );
        const kpi = (await page.textContent(`[data-testid="kpi-${status}"] .kpi-value`))?.replace(/\s/g, "");
        if (kpi !== undefined) assert.equal(kpi, String(dashboard.counts[status]), `${status} KPI card`);
        const rows = await page.locator(`[data-testid="top-${status}"] li`).count();
        assert.equal(rows, Math.min(10, dashboard.counts[status]), `${status} Top-10 rows`);
      }
      // The simulator's truth, warehouse by warehouse: every warehouse the API holds has exactly the
      // units the feeds report. Warehouses it lacks are reported (the Ozon FBS warehouse is only in
      // /v4/product/info/stocks, which the ingestion does not read) and left out of the product sums.
      const truth = await stockTruth(simUrl);
      const truthUnits = availableByWarehouse(truth);
      const warehouses = await apiJson<{
        items: Array<{ marketplace: "ozon" | "wb"; name: string; available: number }>;
      }>(page, "/api/warehouses");
      const stored = new Map<string, number>();
      for (const w of warehouses.items) {
        const key = `${w.marketplace}:${w.name}`;
        stored.set(key, (stored.get(key) ?? 0) + w.available);
      }
      for (const [key, units] of stored) {
        assert.equal(units, truthUnits.get(key) ?? 0, `${key}: units available, API vs simulator truth`);
      }
      const missing = new Set([...truthUnits.keys()].filter((key) => !stored.has(key)));
      for (const key of missing) {
        console.log(
          `    note: the simulator holds ${truthUnits.get(key)} units in ${key}, which the API has no warehouse for`,
        );
      }
      // Every product: its units are the simulator's (0 when no feed holds it), and its status is the domain
      // rule's for those units (checked where the API's velocity, rounded to 0.01, cannot move the answer).
      const everyProduct = await apiJson<DashboardAnswer>(page, "/api/dashboard?all=true");
      const lines = Object.values(everyProduct.items).flat();
      const productArticles = new Set(lines.map((line) => line.article));
      assert.equal(productArticles.size, everyProduct.total, "every product listed once under all=true");
      const truthByProduct = unitsByProduct(truth, productArticles, missing);
      const withoutStock = lines.filter((line) => !truthByProduct.has(line.article)).length;
      let checked = 0;
      for (const line of lines) {
        const units = truthByProduct.get(line.article) ?? 0;
        assert.equal(line.available, units, `${line.article}: units, API vs simulator truth`);
        const [slower, faster] = [-0.005, 0.005].map((d) =>
          stockStatus(
            { ...line, available: units, velocity: Math.max(0, line.velocity + d) },
            dashboard.thresholds,
          ),
        );
        if (slower !== faster) continue;
        checked++;
        assert.equal(line.status, slower, `${line.article}: status, API vs the domain rule over truth units`);
      }
      assert.ok(checked > lines.length / 2, `statuses checked against truth: ${checked} of ${lines.length}`);
      for (const status of ["critical", "low", "normal", "overstock"] as const) {
        assert.equal(
          dashboard.counts[status],
          lines.filter((line) => line.status === status).length,
          `${status}: count vs the products listed under it`,
        );
      }
      console.log(
        `    critical ${dashboard.counts.critical} (${withoutStock} of them out of every feed), low ${dashboard.counts.low}, normal ${dashboard.counts.normal}, overstock ${dashboard.counts.overstock}; truth agrees`,
      );
    },
  },
  {
    name: "the Overview's money: what to order today and ₽ lost to stock-outs, non-zero on the demo seller",
    async run(page) {
      await visit(page, "/");
      await settled(page);
      const { money } = await apiJson<DashboardAnswer>(page, "/api/dashboard?limit=10");
      assert.ok(money, "GET /api/dashboard answers the money for all warehouses");
      const reorder = await apiJson<{ total: number }>(
        page,
        "/api/recommendations?onlyReorder=true&pageSize=1",
      );
      assert.equal(
        money.orderToday.products,
        reorder.total,
        "to order today vs Recommendations' order-now list",
      );
      assert.ok(
        money.orderToday.products > 0 && money.orderToday.units > 0,
        "the demo has products to order",
      );
      assert.ok(money.orderToday.rub > 0, "to order today has a value in ₽");
      assert.ok(money.lostSales.rub > 0, "the demo lost sales to stock-outs (products sold out now)");
      // The cards show the API's roubles (formatMoney rounds to whole roubles).
      for (const [card, rub] of [
        ["money-order-today", money.orderToday.rub],
        ["money-lost", money.lostSales.rub],
        ["money-stock", money.stockRub],
      ] as const) {
        const shown = (await page.textContent(`[data-testid="${card}"] .kpi-value`))?.replace(/\D/g, "");
        assert.equal(shown, String(Math.round(rub)), `${card}: ₽ on screen vs GET /api/dashboard`);
      }
      console.log(
        `    to order today: ${money.orderToday.products} products, ${money.orderToday.units} units, ${money.orderToday.rub} ₽; lost ${money.lostSales.units} units, ${money.lostSales.rub} ₽; stock ${money.stockRub} ₽ (overstock ${money.overstockRub} ₽)`,
      );
    },
  },
  {
    name: "the overview's first meaningful paint (measured, not a pass/fail budget)",
    async run(page) {
      await page.reload();
      // Anonymous arrow functions only: tsx names functions with a helper the page does not have.
      const painted = await page.waitForFunction(
        () =>
          /\d/.test(document.querySelector('[data-testid="count-critical"]')?.textContent ?? "") &&
          !document.querySelector('[data-testid="category-critical"] [aria-busy="true"]')
            ? performance.now()
            : 0,
        undefined,
        { polling: "raf", timeout: 60_000 },
      );
      const paintMs = (await painted.jsonValue()) as number;
      const navigation = await page.evaluate(() => {
        const entry = performance.getEntriesByType("navigation")[0] as
          | PerformanceNavigationTiming
          | undefined;
        const fcp = performance.getEntriesByName("first-contentful-paint")[0];
        return { dcl: entry?.domContentLoadedEventEnd ?? 0, fcp: fcp?.startTime ?? 0 };
      });
      console.log(
        `    overview first meaningful paint (counts rendered): ${Math.round(paintMs)} ms after navigation start (budget 1000 ms); first contentful paint ${Math.round(navigation.fcp)} ms, DOMContentLoaded ${Math.round(navigation.dcl)} ms`,
      );
      await settled(page);
    },
  },
  {
    name: "Show all lists every product of a category and scrolls to the last one",
    async run(page) {
      const dashboard = await apiJson<DashboardAnswer>(page, "/api/dashboard?limit=1");
      const status = (["critical", "low", "overstock"] as const).reduce((a, b) =>
        dashboard.counts[b] > dashboard.counts[a] ? b : a,
      );
      const count = dashboard.counts[status];
      assert.ok(count > 10, `a category with more than 10 products to scroll (largest: ${status}, ${count})`);
      await page.click(`[data-testid="toggle-${status}"]`);
      const list = page.locator(`[data-testid="all-${status}"]`);
      await list.waitFor({ timeout: 60_000 });
      assert.equal(await list.getAttribute("data-count"), String(count));
      const rendered = await list.locator("li").count();
      assert.ok(rendered < 60, `only the visible rows are in the page (${rendered})`);
      await list.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
      await page.waitForSelector(`[data-testid="all-${status}"] li[aria-posinset="${count}"]`);
      await screenshot(page, "overview-show-all-ru-desktop");
      await page.click(`[data-testid="toggle-${status}"]`);
    },
  },
  {
    name: "searching the inventory opens a product with its charts and reorder advice",
    async run(page) {
      const dashboard = await apiJson<DashboardAnswer>(page, "/api/dashboard?limit=1");
      const product = Object.values(dashboard.items).flat()[0];
      assert.ok(product, "a product to search for");
      await visit(page, "/inventory");
      await page.fill('[data-testid="inventory-search"]', product.article);
      await page.waitForFunction(
        (article) =>
          Array.from(document.querySelectorAll('[data-testid="inventory-table"] td.mono')).some(
            (td) => td.textContent === article,
          ),
        product.article,
      );
      await page.click(`[data-testid="inventory-table"] a[href="/inventory/${product.productId}"]`);
      await page.waitForSelector('[data-testid="product-name"]');
      await settled(page);
      assert.match(
        (await page.textContent('[data-testid="product-name"]')) ?? "",
        new RegExp(product.name.slice(0, 10).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")),
      );
      await page.waitForSelector('[data-testid="reorder-advice"]');
      await page.waitForSelector(
        '[data-testid="stock-chart"] canvas, [data-testid="stock-chart"] .chart-empty',
      );
      const listings = await page
        .locator('[data-testid="product-listings"] [data-testid="listing-row"]')
        .count();
      assert.ok(listings > 0, "the product page lists the product's marketplace listings");
      await screenshot(page, "product-ru-desktop");
      assert.equal(await page.locator('[data-testid="inventory-csv"]').count(), 0, "left the inventory page");
    },
  },
  {
    name: "a product's own minimum order and pack size: a refusal under its field, then saved and used by the plan",
    async run(page) {
      const first = await apiJson<{ items: Array<{ productId: number; article: string }> }>(
        page,
        "/api/supply-plan?pageSize=1",
      );
      const line = first.items[0];
      assert.ok(line, "the demo's plan has a line to ship");
      await visit(page, `/inventory/${line.productId}`);
      await page.waitForSelector('[data-testid="product-supply"]');
      // A typo is refused under its field, not sent (a number field reads "5e" as "", which saved as "empty").
      await page.fill('[data-testid="supply-minOrderUnits"]', "5e");
      await page.click('[data-testid="supply-save"]');
      const typo = page.locator('label:has([data-testid="supply-minOrderUnits"]) .form-error');
      await typo.waitFor();
      assert.ok(((await typo.textContent()) ?? "").length > 0, "the typo's refusal under the minimum order");
      assert.equal(
        await page.locator('[data-testid="product-supply"] [role="status"]').count(),
        0,
        "not saved",
      );
      // Both fields wrong: each says so under itself (not only the first).
      await page.fill('[data-testid="supply-minOrderUnits"]', "0");
      await page.fill('[data-testid="supply-packSize"]', "abc");
      await page.click('[data-testid="supply-save"]');
      const packTypo = page.locator('label:has([data-testid="supply-packSize"]) .form-error');
      await packTypo.waitFor();
      assert.equal(await typo.count(), 1, "the minimum order's refusal beside the pack size's");
      await page.fill('[data-testid="supply-minOrderUnits"]', "10");
      await page.fill('[data-testid="supply-packSize"]', "0");
      await page.click('[data-testid="supply-save"]');
      const refusal = page.locator('label:has([data-testid="supply-packSize"]) .form-error');
      await refusal.waitFor();
      assert.ok(((await refusal.textContent()) ?? "").length > 0, "the pack size's refusal under its field");
      assert.equal(
        await page.locator('label:has([data-testid="supply-minOrderUnits"]) .form-error').count(),
        0,
        "no refusal under the minimum order",
      );
      await page.fill('[data-testid="supply-packSize"]', "6");
      await page.click('[data-testid="supply-save"]');
      await page.locator('[data-testid="product-supply"] [role="status"]').waitFor();
      const plan = await apiJson<{
        items: Array<{
          productId: number;
          quantity: number;
          inputs: { minOrderUnits: number; packSize: number };
        }>;
      }>(page, `/api/supply-plan?search=${encodeURIComponent(line.article)}`);
      const mine = plan.items.filter((item) => item.productId === line.productId);
      assert.ok(mine.length > 0, "the product still has a line to ship");
      for (const item of mine) {
        assert.deepEqual(
          { minOrderUnits: item.inputs.minOrderUnits, packSize: item.inputs.packSize },
          { minOrderUnits: 10, packSize: 6 },
        );
        assert.equal(item.quantity % 6, 0, "whole packs of 6");
      }
      // Back to the organization's.
      await page.fill('[data-testid="supply-minOrderUnits"]', "");
      await page.fill('[data-testid="supply-packSize"]', "");
      await page.click('[data-testid="supply-save"]');
      await page.locator('[data-testid="product-supply"] [role="status"]').waitFor();
    },
  },
  {
    name: "the language switches to English and back, and is remembered after a reload",
    async run(page) {
      await visit(page, "/");
      await setLanguage(page, "en");
      assert.equal(await page.textContent("h1"), "Overview");
      await page.reload();
      await settled(page);
      assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
      assert.equal(await page.textContent("h1"), "Overview");
      await setLanguage(page, "ru");
      assert.equal(await page.textContent("h1"), "Обзор");
    },
  },
  {
    name: "Sync now starts a run, shows its progress over the WebSocket (no polling) and it completes",
    async run(page) {
      // Listening before the page opens its progress sockets (one per account, GET /api/accounts/{id}/progress).
      const sockets: string[] = [];
      const events: LiveRun[] = [];
      let counting = false;
      const polls: string[] = [];
      page.on("websocket", (socket) => {
        if (!socket.url().includes("/progress")) return;
        sockets.push(socket.url());
        socket.on("framereceived", ({ payload }) => {
          if (typeof payload !== "string" || payload === "pong") return;
          const run = (JSON.parse(payload) as { run: LiveRun | null }).run;
          if (run) events.push(run);
        });
      });
      page.on("request", (request) => {
        const path = new URL(request.url()).pathname;
        if (counting && request.resourceType() !== "websocket" && /^\/api\/(runs|accounts)\b/.test(path))
          polls.push(`${request.method()} ${path}`);
      });
      await visit(page, "/sync");
      const before = await apiJson<{ total: number }>(page, "/api/runs?pageSize=1");
      counting = true;
      const answer = page.waitForResponse((response) => response.url().includes("/api/etl/sync"));
      await page.click('[data-testid="sync-now"]');
      const started = ((await (await answer).json()) as { runs: Array<{ runId: string; started: boolean }> })
        .runs;
      const newRuns = new Set(started.filter((run) => run.started).map((run) => run.runId));
      assert.ok(newRuns.size > 0, "Sync now started a run");
      const progressOrError = await page.waitForSelector(
        '[data-testid="sync-progress"], .form-error[role="alert"]',
        { timeout: 30_000 },
      );
      assert.notEqual(
        await progressOrError.getAttribute("role"),
        "alert",
        (await progressOrError.textContent()) ?? "",
      );
      await screenshot(page, "sync-running-ru-desktop");
      // An upper bound on waiting, not a speed check: a full demo sync through the queue path took 240 s on CI's
      // 2-core machine (2026-12-06), so the bound leaves room for a slower one.
      await page.waitForSelector('[data-testid="sync-progress"]', {
        state: "detached",
        timeout: 600_000 * SIZE_SCALE,
      });
      counting = false;
      assert.ok(sockets.length >= 1, "the page opened a progress socket per account");
      assert.deepEqual(polls, [], "no polling of runs or accounts while the progress sockets were open");
      assert.ok(
        events.some((run) => newRuns.has(run.id) && run.status === "running" && run.pagesDone > 0),
        "progress (pages loaded while running) arrived over the WebSocket",
      );
      assert.ok(
        events.some((run) => newRuns.has(run.id) && (run.status === "succeeded" || run.status === "partial")),
        "the run's end arrived over the WebSocket",
      );
      const after = await apiJson<{ total: number; items: Array<{ status: string }> }>(
        page,
        "/api/runs?pageSize=5",
      );
      assert.ok(after.total > before.total, "a new run was recorded");
      assert.ok(
        after.items.some((run) => run.status === "succeeded" || run.status === "partial"),
        "the run completed",
      );
    },
  },
  {
    name: "a warehouse name awaiting review is mapped to its canonical warehouse",
    async run(page, { simUrl }) {
      await visit(page, "/warehouses");
      const aliases = await apiJson<{ items: Array<{ id: number; alias: string; marketplace: string }> }>(
        page,
        "/api/warehouses/aliases",
      );
      assert.ok(
        aliases.items.length > 0,
        "the demo seller has warehouse names to review (GET /api/warehouses/aliases is empty)",
      );
      // Map it where the simulator says the name belongs, not just to the first warehouse offered.
      const alias = aliases.items[0] as (typeof aliases.items)[number];
      const truth = (await (await fetch(`${simUrl}/_sim/truth/warehouses`)).json()) as {
        aliases: Array<{ marketplace: string; name: string; canonicalName: string }>;
      };
      const canonical = truth.aliases.find(
        (entry) => entry.marketplace === alias.marketplace && entry.name === alias.alias,
      )?.canonicalName;
      assert.ok(canonical, `the simulator knows where "${alias.alias}" belongs`);
      const row = page.locator(`[data-testid="alias-row"][data-alias-id="${alias.id}"]`);
      await row.locator('[data-testid="alias-target"]').selectOption({ label: canonical });
      await row.locator('[data-testid="alias-map"]').click();
      await page.waitForSelector('[data-testid="alias-mapped"]');
      const left = await apiJson<{ items: Array<{ id: number }> }>(page, "/api/warehouses/aliases");
      assert.equal(left.items.length, aliases.items.length - 1);
    },
  },
  {
    name: "screenshots of every page in Russian and English, on a desktop and a phone",
    async run(page) {
      const dashboard = await apiJson<DashboardAnswer>(page, "/api/dashboard?limit=1");
      const product = Object.values(dashboard.items).flat()[0];
      const paths = product ? [...DASHBOARD_PAGES, `/inventory/${product.productId}`] : DASHBOARD_PAGES;
      const runs = await apiJson<{ items: Array<{ id: string }> }>(page, "/api/runs?pageSize=1");
      if (runs.items[0]) paths.push(`/sync/runs/${runs.items[0].id}`);
      for (const [device, viewport] of [
        ["desktop", DESKTOP],
        ["phone", PHONE],
      ] as const) {
        await page.setViewportSize(viewport);
        for (const language of ["ru", "en"] as const) {
          await setLanguage(page, language);
          for (const path of paths) {
            await visit(page, path);
            const name = screenName(path);
            await screenshot(page, `${name}-${language}-${device}`);
          }
        }
      }
      await page.setViewportSize(DESKTOP);
      await setLanguage(page, "ru");
    },
  },
  ...layoutScenarios,
  {
    name: "the dev server sends the security headers on pages and the API; /api/docs works under the CSP",
    async run(page, { baseUrl }) {
      for (const path of ["/", "/inventory/some/deep/link", "/api/health", "/api/docs"]) {
        const response = await page.request.get(`${baseUrl}${path}`);
        assert.equal(response.status(), 200, `${path} answered ${response.status()}`);
        const headers = response.headers();
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
          assert.equal(headers[name.toLowerCase()], value, `${path}: ${name}`);
        }
      }
      await page.goto(`${baseUrl}/api/docs`);
      await page.waitForSelector("h1");
      // The reference's styles come from its own stylesheet: applied means the CSP let it load.
      const maxWidth = await page.evaluate(() => getComputedStyle(document.body).maxWidth);
      assert.equal(maxWidth, "900px");
      assert.ok((await page.locator("section").count()) > 20, "the reference lists the operations");
      await page.goto(baseUrl);
      await settled(page);
    },
  },
  {
    name: "a streamed body over 64 KiB is refused with 413, and the Worker answers the next request",
    async run(page, { baseUrl }) {
      // Chunked (no Content-Length): before, the 413 left the body unread and wrangler dev's next request hung.
      const bytes = new TextEncoder().encode(JSON.stringify({ email: "a".repeat(70_000), password: "x" }));
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < bytes.length; at += 8192) controller.enqueue(bytes.slice(at, at + 8192));
          controller.close();
        },
      });
      const refused = await fetch(`${baseUrl}/api/auth/login`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body,
        duplex: "half",
      } as RequestInit);
      assert.equal(refused.status, 413, await refused.text());
      // A liveness bound, not a speed check: the stalled request never answered at all.
      const health = await page.request.get(`${baseUrl}/api/health`, { timeout: 60_000 });
      assert.equal(health.status(), 200);
    },
  },
  ...russianScenarios(async (page, { simUrl }) => {
    const dashboard = await apiJson<DashboardAnswer>(page, "/api/dashboard?limit=3");
    const products = Object.values(dashboard.items).flat().slice(0, 9);
    // A product Ozon grades too (its turnover card shows Ozon's codes, which must be said in Russian).
    let graded: number | undefined;
    for (const { productId } of products) {
      const detail = await apiJson<{ ozonTurnover: unknown[] }>(page, `/api/products/${productId}`);
      if (detail.ozonTurnover.length > 0) {
        graded = productId;
        break;
      }
    }
    const runs = await apiJson<{ items: Array<{ id: string }> }>(page, "/api/runs?pageSize=1");
    return [
      ...DASHBOARD_PAGES,
      ...(products[0] ? [`/inventory/${products[0].productId}`] : []),
      ...(graded !== undefined && graded !== products[0]?.productId ? [`/inventory/${graded}`] : []),
      ...(runs.items[0] ? [`/sync/runs/${runs.items[0].id}`] : []),
      // A run with rejected rows and an error: their reasons and the error must be said in Russian too.
      await faultedRunPath(page, simUrl),
    ];
  }),
  ...accountScenarios,
  ...alertScenarios,
  ...formScenarios,
  ...sessionScenarios,
  {
    name: "signing out returns to the sign-in page",
    async run(page) {
      // From a page with a search: whoever signs in next (maybe of another organization) starts at home, not there.
      await page.goto(new URL("/inventory?search=DM", page.url()).href);
      await page.click('[data-testid="sign-out"]');
      await page.waitForURL(/\/signin/);
      assert.equal(new URL(page.url()).search, "", "no next= after the visitor's own sign-out");
      const me = await page.request.get(new URL("/api/auth/me", page.url()).href);
      assert.equal(me.status(), 401);
      // The sign-in page in both languages, on a desktop and a phone.
      for (const [device, viewport] of [
        ["desktop", DESKTOP],
        ["phone", PHONE],
      ] as const) {
        await page.setViewportSize(viewport);
        for (const language of ["ru", "en"] as const) {
          await setLanguage(page, language);
          await screenshot(page, `signin-${language}-${device}`);
        }
      }
      await page.setViewportSize(DESKTOP);
    },
  },
];

// Issue 18's layout and accessibility checks over every dashboard page: axe-core (0 critical, 0 serious),
// no clipped text or sideways overflow and every checkbox in line with its label, in both themes, at 1440 and
// 390 px.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { axeProblems, checkboxAlignmentProblems, clippingProblems } from "./audit";
import { faultedRunPath } from "./faulted-run";
import { currentLanguage, DASHBOARD_PAGES, PHONE, screenshot, settled, visit } from "./pages";
import type { Scenario } from "./scenarios";

export const WIDE = { width: 1440, height: 900 };

async function firstItem<T>(page: Page, path: string): Promise<T | undefined> {
  const response = await page.request.get(new URL(path, page.url()).href);
  assert.equal(response.status(), 200, `${path} answered ${response.status()}`);
  return ((await response.json()) as { items: T[] }).items[0];
}

/** Visits `path` on a phone and names each of its `cells` that ends past the screen's right edge; `listed` says
 * why there must be some. */
async function cellsPastPhoneEdge(
  page: Page,
  path: string,
  cells: string,
  listed: string,
): Promise<string[]> {
  await visit(page, path);
  await settled(page);
  const edges = await page.$$eval(cells, (found) =>
    found.map((cell) => [cell.textContent ?? "", cell.getBoundingClientRect().right] as const),
  );
  assert.ok(edges.length > 0, listed);
  return edges
    .filter(([, right]) => right > PHONE.width)
    .map(([text, right]) => `${path}: "${text.slice(0, 40)}" ends at ${Math.round(right)} px`);
}

async function setTheme(page: Page, theme: "light" | "dark"): Promise<void> {
  if ((await page.evaluate(() => document.documentElement.dataset.theme)) !== theme) {
    await page.click('[data-testid="theme-toggle"]');
  }
  await page.waitForFunction((wanted) => document.documentElement.dataset.theme === wanted, theme);
}

/** Every page, the per-warehouse recommendations, a product, a run and a run with rejected rows and an error. */
async function auditedPaths(page: Page, simUrl: string): Promise<string[]> {
  const paths = [...DASHBOARD_PAGES, "/recommendations?per=warehouse"];
  const product = await firstItem<{ productId: number }>(page, "/api/inventory?pageSize=1");
  if (product) paths.push(`/inventory/${product.productId}`);
  const run = await firstItem<{ id: string }>(page, "/api/runs?pageSize=1");
  if (run) paths.push(`/sync/runs/${run.id}`);
  paths.push(await faultedRunPath(page, simUrl));
  return paths;
}

/**
 * Pages whose tables turn into cards on a phone: there, as on a desktop, no table may need scrolling sideways
 * (a column past the screen's edge is a cut column). Other pages' tables scroll with their key column pinned.
 */
const CARD_PAGES = ["/recommendations", "/alerts", "/settings", "/sync"];
const fitsWithoutScrolling = (path: string, size: string) =>
  size === "1440" ||
  CARD_PAGES.some(
    (prefix) => path === prefix || path.startsWith(`${prefix}?`) || path.startsWith(`${prefix}/`),
  );

/**
 * Settings on a phone: the invite fields have visible labels and take the role select's width; the connect form's
 * opened "Data sources" stands apart from the Connect button; the adapter checkboxes sit in line with their words.
 */
async function settingsFormsOnPhone(page: Page): Promise<void> {
  await visit(page, "/settings");
  await settled(page);
  const invite = page.locator('[data-testid="invite-user"]');
  const widths = await invite.evaluate((form) =>
    ["email", "name", "role"].map((name) => {
      const control = form.querySelector(`[name="${name}"]`) as HTMLElement;
      const caption = control.closest("label")?.querySelector("span");
      return [
        name,
        control.getBoundingClientRect().width,
        caption?.getBoundingClientRect().height ?? 0,
      ] as const;
    }),
  );
  const role = widths[2]?.[1] ?? 0;
  for (const [name, width, caption] of widths) {
    assert.ok(caption > 0, `the invite's ${name} field has a visible label`);
    assert.ok(Math.abs(width - role) <= 2, `the invite's ${name} is ${width} px, the role select ${role} px`);
  }
  const connect = page.locator('[data-testid="connect-account"]');
  await connect.locator("details.connect-adapters > summary").click();
  const gap = await connect.evaluate((form) => {
    const details = form.querySelector("details.connect-adapters") as HTMLElement;
    const button = form.querySelector('button[type="submit"]') as HTMLElement;
    return button.getBoundingClientRect().top - details.getBoundingClientRect().bottom;
  });
  assert.ok(gap >= 8, `the data sources end ${gap} px above the Connect button`);
  await page.waitForSelector('[data-testid="connect-account"] .adapter-choice input[type="checkbox"]');
  assert.deepEqual(await checkboxAlignmentProblems(page), [], "the adapter checkboxes are in line");
  await screenshot(page, `settings-forms-${await currentLanguage(page)}-phone`);
}

export const layoutScenarios: Scenario[] = [
  {
    name: "axe finds nothing critical or serious, no text is cut and checkboxes sit in line with their labels, on every page in both themes at 1440 and 390 px",
    async run(page, { simUrl }) {
      const paths = await auditedPaths(page, simUrl);
      const problems: string[] = [];
      for (const [size, viewport] of [
        ["1440", WIDE],
        ["390", PHONE],
      ] as const) {
        await page.setViewportSize(viewport);
        for (const theme of ["light", "dark"] as const) {
          await setTheme(page, theme);
          for (const path of paths) {
            await visit(page, path);
            await settled(page);
            const where = `${path} ${theme} ${size}px`;
            for (const problem of await axeProblems(page)) problems.push(`${where}: ${problem}`);
            const clipped = await clippingProblems(page, { regionsFit: fitsWithoutScrolling(path, size) });
            for (const problem of clipped.slice(0, 8)) problems.push(`${where}: ${problem}`);
            for (const problem of await checkboxAlignmentProblems(page))
              problems.push(`${where}: ${problem}`);
          }
        }
      }
      await setTheme(page, "light");
      await page.setViewportSize(WIDE);
      assert.deepEqual(problems, [], `${problems.length} problems:\n    ${problems.join("\n    ")}`);
    },
  },
  {
    name: "search, filters, the analytics period and the ABC class and page live in the address: reload and Back show the same view",
    async run(page) {
      const product = await firstItem<{ article: string }>(page, "/api/inventory?pageSize=1&sort=article");
      assert.ok(product, "a product to search for");
      await visit(page, "/inventory");
      await page.fill('[data-testid="inventory-search"]', product.article);
      await page.waitForFunction(
        (article) => new URL(window.location.href).searchParams.get("search") === article,
        product.article,
      );
      await page.selectOption('[data-testid="inventory-status"]', "critical");
      await page.waitForFunction(
        () => new URL(window.location.href).searchParams.get("status") === "critical",
      );
      await page.reload();
      await settled(page);
      assert.equal(await page.inputValue('[data-testid="inventory-search"]'), product.article);
      assert.equal(await page.inputValue('[data-testid="inventory-status"]'), "critical");
      await page.goBack();
      await page.waitForFunction(() => !new URL(window.location.href).searchParams.has("status"));
      await settled(page);
      assert.equal(await page.inputValue('[data-testid="inventory-status"]'), "");
      assert.equal(await page.inputValue('[data-testid="inventory-search"]'), product.article);

      await visit(page, "/recommendations?per=warehouse&onlyReorder=false");
      assert.ok(
        (await page.locator('[data-testid="reco-marketplace"] .mp').count()) > 0,
        "per-warehouse recommendations name each warehouse's marketplace",
      );
      await page.reload();
      await settled(page);
      assert.ok((await page.locator('[data-testid="reco-marketplace"]').count()) > 0, "still per warehouse");

      await visit(page, "/analytics");
      await page.click('[data-testid="period-7"]');
      await page.waitForFunction(() => new URL(window.location.href).searchParams.get("days") === "7");
      await settled(page);
      await page.reload();
      await settled(page);
      assert.equal(await page.getAttribute('[data-testid="period-7"]', "aria-pressed"), "true");
      await page.fill('[data-testid="period-from"]', "2026-03-02");
      await page.fill('[data-testid="period-to"]', "2026-03-01");
      await page.click('[data-testid="period-apply"]');
      await page.waitForSelector('[data-testid="period-error"]');
      assert.equal(new URL(page.url()).searchParams.get("days"), "7", "a reversed period is not asked for");
      await page.goBack();
      await page.waitForFunction(() => !new URL(window.location.href).searchParams.has("days"));
      await settled(page);
      assert.equal(await page.getAttribute('[data-testid="period-30"]', "aria-pressed"), "true");

      // The ABC list's class and page: a reload shows the same class and page, Back the previous page.
      await page.click('[data-testid="abc-class-C"]');
      await page.waitForFunction(() => new URL(window.location.href).searchParams.get("abc") === "C");
      await settled(page);
      const firstRank = await page.locator('[data-testid="abc"] tbody tr td').first().innerText();
      await page.locator('[data-testid="abc"] .pager button').last().click();
      await page.waitForFunction(() => new URL(window.location.href).searchParams.get("abcPage") === "2");
      await settled(page);
      const secondRank = await page.locator('[data-testid="abc"] tbody tr td').first().innerText();
      assert.notEqual(secondRank, firstRank, "page 2 of class C starts at another rank");
      await page.reload();
      await settled(page);
      assert.equal(await page.getAttribute('[data-testid="abc-class-C"]', "aria-pressed"), "true");
      assert.equal(await page.locator('[data-testid="abc"] tbody tr td').first().innerText(), secondRank);
      await page.goBack();
      await page.waitForFunction(() => !new URL(window.location.href).searchParams.has("abcPage"));
      await settled(page);
      assert.equal(await page.locator('[data-testid="abc"] tbody tr td').first().innerText(), firstRank);

      // A link naming a page past the last, or a period the page cannot take, says so instead of going blank.
      await visit(page, "/analytics?abc=C&abcPage=999&days=45");
      await settled(page);
      const past = page.locator('[data-testid="abc"] [data-testid="past-last-page"]');
      assert.match(await past.innerText(), /Страницы 999 в списке нет/);
      assert.match(
        await page.locator('[data-testid="address-refused-period"]').innerText(),
        /последние 30 дней/,
      );
      await past.locator("button").click();
      await page.waitForFunction(() => new URL(window.location.href).searchParams.get("abcPage") !== "999");
      await settled(page);
      assert.ok(
        (await page.locator('[data-testid="abc"] tbody tr').count()) > 0,
        "the last page lists products",
      );
    },
  },
  {
    name: "on a 390 px phone the inventory's status and available, each run's status, the supply plan's quantity and value and the ABC products show without scrolling sideways; the Settings invite fields are labelled and as wide as the role select, the connect form's data sources stand apart from its button; the webhook address takes its form's width",
    async run(page, { simUrl }) {
      await page.setViewportSize(PHONE);
      const hidden: string[] = [];
      // The first three header cells (the pinned key, then status, then available) end inside the screen.
      await visit(page, "/inventory");
      await settled(page);
      const edges = await page.$$eval('[data-testid="inventory-table"] thead th', (cells) =>
        cells.slice(0, 3).map((cell) => [cell.textContent ?? "", cell.getBoundingClientRect().right]),
      );
      for (const [text, right] of edges)
        if (Number(right) > PHONE.width)
          hidden.push(`/inventory: "${text}" ends at ${Math.round(Number(right))} px`);
      // The supply plan's lines are cards on a phone: every cell (article, quantity, value, name…) inside the screen.
      hidden.push(
        ...(await cellsPastPhoneEdge(
          page,
          "/supply-plan",
          '[data-testid="supply-table"] tbody td',
          "the supply plan lists lines",
        )),
      );
      // Runs are cards on a phone: every run's status badge and duration end inside the screen.
      await visit(page, "/sync");
      await settled(page);
      const runEdges = await page.$$eval('[data-testid="run-row"]', (rows) =>
        rows.map((row) => {
          const cells = Array.from(row.querySelectorAll("td"));
          return Math.max(...cells.map((cell) => cell.getBoundingClientRect().right));
        }),
      );
      assert.ok(runEdges.length > 0, "the sync page lists runs");
      for (const [index, right] of runEdges.entries())
        if (right > PHONE.width) hidden.push(`/sync: run ${index + 1} ends at ${Math.round(right)} px`);
      // ABC products are cards on a phone: rank, article, name, class, share and revenue inside the screen.
      hidden.push(
        ...(await cellsPastPhoneEdge(
          page,
          "/analytics",
          '[data-testid="abc"] tbody td',
          "the ABC list shows products",
        )),
      );
      assert.deepEqual(hidden, [], hidden.join("\n"));
      // The run with rejected rows and an error, as a phone shows it (the screenshots scenario shows the newest run).
      await visit(page, await faultedRunPath(page, simUrl));
      await settled(page);
      await screenshot(page, `run-rejects-${await currentLanguage(page)}-phone`);

      await settingsFormsOnPhone(page);

      for (const viewport of [PHONE, WIDE]) {
        await page.setViewportSize(viewport);
        await visit(page, "/alerts");
        await settled(page);
        const [input, form] = await page.$eval('[data-testid="webhook-url"]', (element) => [
          element.getBoundingClientRect().width,
          (element.closest("form") as HTMLElement).clientWidth,
        ]);
        assert.ok(
          Number(input) >= Number(form) - 2,
          `at ${viewport.width} px the webhook address is ${Math.round(Number(input))} of the form's ${form} px`,
        );
      }
      await page.setViewportSize(WIDE);
    },
  },
];

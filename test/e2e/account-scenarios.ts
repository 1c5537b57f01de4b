// Settings → Marketplace accounts end to end: connecting the demo's own Ozon cabinet again is refused in Russian;
// the admin connects a second cabinet the simulator knows, the connection check says it works, a sync of it lands
// rows; an account with a wrong key is reported as such. The sunset warning leads to the account's «Источники
// данных», where the admin switches a data source (proven by the API's answer) and a refused pair of sales feeds
// is named under the field with nothing changed.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { apiJson, screenshot, settled, visit } from "./pages";

/** One e2e step: its name and what it does on the signed-in page (the shape of scenarios.ts's Scenario). */
interface Scenario {
  name: string;
  run(page: Page, context: { simUrl: string }): Promise<void>;
}

/** A second Ozon cabinet the simulator accepts (the demo seller's is Client-Id 1001). */
const SECOND_CABINET = { clientId: "1002", apiKey: "second-ozon-key" };

async function addSimulatorCabinet(simUrl: string): Promise<void> {
  const response = await fetch(`${simUrl}/_sim/credentials`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ ozon: [SECOND_CABINET] }),
  });
  assert.equal(response.status, 200, `the simulator took the second cabinet: ${await response.text()}`);
}

interface ListedAccount {
  id: string;
  name: string;
  lastRun: { runId: string; status: string } | null;
}

async function submitOzon(page: Page, name: string, clientId: string, apiKey: string): Promise<void> {
  const form = page.locator('[data-testid="connect-account"]');
  await form.locator('select[name="marketplace"]').selectOption("ozon");
  await form.locator('input[name="name"]').fill(name);
  await form.locator('input[name="clientId"]').fill(clientId);
  await form.locator('input[name="apiKey"]').fill(apiKey);
  await form.locator('button[type="submit"]').click();
}

async function connectOzon(page: Page, name: string, clientId: string, apiKey: string): Promise<void> {
  await submitOzon(page, name, clientId, apiKey);
  await page.waitForSelector(`[data-testid="account-row"][data-account="${name}"]`);
}

async function checkVerdict(page: Page, name: string): Promise<string> {
  const row = page.locator(`[data-testid="account-row"][data-account="${name}"]`);
  await row.locator('[data-testid="account-check"]').click();
  const verdict = row.locator('[data-testid="account-verdict"]');
  await verdict.waitFor();
  return (await verdict.getAttribute("data-outcome")) ?? "";
}

interface AccountAdapters {
  id: string;
  name: string;
  adapters: { stock: string[]; sales: string[] | null };
}

/** The checked adapter ids of one kind in the account card's data sources form. */
const checked = (form: ReturnType<Page["locator"]>, kind: "stock" | "sales") =>
  form
    .locator(`.adapter-choice[data-kind="${kind}"] input[type="checkbox"]:checked`)
    .evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).value));

const sourcesScenario: Scenario = {
  name: "the sunset warning leads to Settings; an admin switches an account's data source there, and a refused pair of sales feeds is named under the field with nothing changed",
  async run(page) {
    await visit(page, "/");
    await settled(page);
    // The demo Ozon account reads the deprecated v2 stock endpoint: the warning says where to switch, and links there.
    const where = page.locator('[data-testid="sunset-warning"] [data-testid="sunset-where"]').first();
    assert.match(await where.innerText(), /Настройки → аккаунт → «Источники данных»/);
    // Settings lists the accounts in one request: no GET /api/accounts/{id} per row (it made one each).
    const perAccount: string[] = [];
    const countPerAccount = (request: { method(): string; url(): string }) => {
      if (
        request.method() === "GET" &&
        /\/api\/accounts\/[0-9a-f-]{36}$/.test(new URL(request.url()).pathname)
      )
        perAccount.push(request.url());
    };
    page.on("request", countPerAccount);
    await where.click();
    await page.waitForFunction(() => window.location.pathname === "/settings");
    await settled(page);
    await page.locator('[data-testid="account-row"]').first().waitFor();
    page.off("request", countPerAccount);
    assert.deepEqual(perAccount, [], "Settings asked for each account on its own");
    const { items } = await apiJson<{ items: AccountAdapters[] }>(page, "/api/accounts");
    const listed = items.find((item) => item.name === "Ozon demo");
    assert.ok(listed, "the demo Ozon account");
    const path = `/api/accounts/${listed.id}`;
    const before = await apiJson<AccountAdapters>(page, path);
    try {
      const row = page.locator('[data-testid="account-row"][data-account="Ozon demo"]');
      await row.locator('[data-testid="account-sources"]:not([disabled])').click();
      const form = row.locator('[data-testid="account-sources-form"]');
      await form.locator('.adapter-choice[data-kind="sales"] input').first().waitFor();
      // The form shows what the account uses now: the defaults, as it names none.
      assert.deepEqual(await checked(form, "sales"), [
        "ozon.v3.posting_fbo_list",
        "ozon.v4.posting_fbs_list",
      ]);
      assert.ok((await checked(form, "stock")).includes("ozon.v2.stock_on_warehouses"));

      // Ozon's analytics orders count the same orders as the FBO postings: refused, named, nothing changed.
      await form.locator('input[value="ozon.v1.analytics_data"]').check();
      await form.locator('button[type="submit"]').click();
      const refused = form.locator('[data-testid="adapters-refused"]');
      await refused.waitFor();
      assert.match(
        await refused.innerText(),
        /Не сохранено: Источники продаж — эти источники считают одни и те же заказы: выберите один из них\. Действуют прежние источники\./,
      );
      assert.deepEqual(
        (await apiJson<AccountAdapters>(page, path)).adapters,
        before.adapters,
        "nothing changed",
      );
      await screenshot(page, "settings-sources-refused-ru-desktop");

      // The switch the warning advises: the analytics FBO stock instead of the deprecated v2 endpoint.
      await form.locator('input[value="ozon.v1.analytics_data"]').uncheck();
      await form.locator('input[value="ozon.v1.analytics_stocks"]').check();
      await form.locator('input[value="ozon.v2.stock_on_warehouses"]').uncheck();
      await form.locator('button[type="submit"]').click();
      const note = row.locator('[data-testid="account-note"]');
      await note.waitFor();
      assert.match(
        await note.innerText(),
        /Источники данных сохранены\. Добавлены: «остатки Ozon FBO \(аналитика, v1\)»\. Убраны: «остатки по складам Ozon \(v2\)»\./,
      );
      const after = await apiJson<AccountAdapters>(page, path);
      assert.ok(after.adapters.stock.includes("ozon.v1.analytics_stocks"), JSON.stringify(after.adapters));
      assert.ok(
        !after.adapters.stock.includes("ozon.v2.stock_on_warehouses"),
        JSON.stringify(after.adapters),
      );
      assert.deepEqual(
        after.adapters.sales,
        before.adapters.sales,
        "the untouched sales sources stay as stored",
      );
      // Opened again, the form shows the new choice.
      await row.locator('[data-testid="account-sources"]').click();
      assert.ok((await checked(form, "stock")).includes("ozon.v1.analytics_stocks"));
    } finally {
      // The other scenarios sync the demo account with its default sources.
      const restored = await page.request.patch(new URL(path, page.url()).href, {
        data: { adapters: { stock: before.adapters.stock } },
      });
      assert.equal(restored.status(), 200, await restored.text());
    }
  },
};

export const accountScenarios: Scenario[] = [
  sourcesScenario,
  {
    name: "an admin connects an Ozon account in Settings, checks it, its first sync starts by itself and lands rows; a wrong key is named at connect and nothing is kept",
    async run(page, { simUrl }) {
      await visit(page, "/settings");
      await settled(page);
      // The demo seller's cabinet is connected already: a second account of it would list every product twice.
      await submitOzon(page, "Ozon ещё раз", "1001", "another-key");
      const refusal = page.locator('[data-testid="connect-account"] [role="alert"]');
      await refusal.waitFor();
      assert.match(await refusal.innerText(), /кабинет продавца уже подключён как «Ozon demo»/);
      await screenshot(page, "settings-account-twice-ru-desktop");
      assert.equal(await page.locator('[data-testid="account-row"][data-account="Ozon ещё раз"]').count(), 0);

      await addSimulatorCabinet(simUrl);
      await connectOzon(page, "Ozon из настроек", SECOND_CABINET.clientId, SECOND_CABINET.apiKey);
      assert.equal(await checkVerdict(page, "Ozon из настроек"), "ok");
      const pageText = await page.locator('[data-testid="marketplace-accounts"]').innerText();
      assert.ok(!pageText.includes(SECOND_CABINET.apiKey), "the key is never shown back");
      // Replacing the key goes through the same check: a refused one changes nothing, the right one is kept.
      const row = page.locator('[data-testid="account-row"][data-account="Ozon из настроек"]');
      await row.locator('[data-testid="account-change-key"]').click();
      const keyForm = row.locator('[data-testid="change-key"]');
      await keyForm.locator('input[name="apiKey"]').fill("revoked-key");
      await keyForm.locator('button[type="submit"]').click();
      await keyForm.locator('[data-testid="change-key-verdict"]').waitFor();
      assert.equal(
        await keyForm.locator('[data-testid="change-key-verdict"]').getAttribute("data-outcome"),
        "wrong_key",
      );
      assert.match(
        await keyForm.locator('[data-testid="change-key-refused"]').innerText(),
        /Ключ не заменён/,
      );
      await keyForm.locator('input[name="apiKey"]').fill(SECOND_CABINET.apiKey);
      await keyForm.locator('button[type="submit"]').click();
      await row.locator('[role="status"]', { hasText: "Ключ заменён" }).waitFor();
      assert.equal(await checkVerdict(page, "Ozon из настроек"), "ok");
      // A key the marketplace refuses is named at connect, and no account is kept for it: its syncs could only fail.
      await submitOzon(page, "Ozon с опечаткой", "1003", "not-the-key");
      const refused = page.locator('[data-testid="connect-verdict"]');
      await refused.waitFor();
      assert.equal(await refused.getAttribute("data-outcome"), "wrong_key");
      assert.match(
        await page.locator('[data-testid="connect-refused"]').innerText(),
        /не подключён[\s\S]*Неверный ключ/,
      );
      assert.equal(
        await page.locator('[data-testid="connect-account"] input[name="apiKey"]').inputValue(),
        "not-the-key",
        "the form keeps the key to correct it",
      );
      const { items: kept } = await apiJson<{ items: ListedAccount[] }>(page, "/api/accounts");
      assert.equal(kept.filter((item) => item.name === "Ozon с опечаткой").length, 0, "no account kept");
      await screenshot(page, "settings-accounts-ru-desktop");

      // Connecting an enabled account starts its first sync (no click needed; a click now would be refused
      // while that run is active). An upper bound on waiting for the run to end, not a speed check.
      let account: ListedAccount | undefined;
      for (let waited = 0; waited < 600; waited += 2) {
        const { items } = await apiJson<{ items: ListedAccount[] }>(page, "/api/accounts");
        account = items.find((item) => item.name === "Ozon из настроек");
        const status = account?.lastRun?.status;
        if (status && !["queued", "running", "retrying"].includes(status)) break;
        await page.waitForTimeout(2000);
      }
      assert.equal(account?.lastRun?.status, "succeeded", JSON.stringify(account));
      const { run } = await apiJson<{ run: { extracted: number; inserted: number } }>(
        page,
        `/api/runs/${account?.lastRun?.runId}`,
      );
      assert.ok(run.extracted > 0, `the sync read rows: ${JSON.stringify(run)}`);
    },
  },
];

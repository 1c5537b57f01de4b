// Settings → Marketplace accounts end to end: connecting the demo's own Ozon cabinet again is refused in Russian;
// the admin connects a second cabinet the simulator knows, the connection check says it works, a sync of it lands
// rows; an account with a wrong key is reported as such.
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

export const accountScenarios: Scenario[] = [
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

// Alerts end to end: the admin links a Telegram chat from the Alerts page (the code it shows, sent as Telegram
// would to the Worker's webhook with dev/run.ts's secret), sends a test through the dev runner's Telegram
// stand-in, and reads the delivered test in the alert log.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { screenshot, settled, visit } from "./pages";

/** One e2e step: its name and what it does on the signed-in page (the shape of scenarios.ts's Scenario). */
interface Scenario {
  name: string;
  run(page: Page): Promise<void>;
}

/** dev/run.ts's TELEGRAM_WEBHOOK_SECRET. */
const DEV_TELEGRAM_SECRET = "dev-telegram-secret";

export const alertScenarios: Scenario[] = [
  {
    name: "an admin links Telegram with the code the Alerts page shows, sends a test and sees it in the log",
    async run(page) {
      await visit(page, "/alerts");
      await settled(page);
      await page.click('[data-testid="telegram-link"]');
      const command = await page.locator('[data-testid="start-command"]').inputValue();
      assert.match(command, /^\/start [A-Za-z0-9_-]{22}$/);
      const deepLink = await page.locator('[data-testid="deep-link"]').inputValue();
      assert.equal(deepLink, `https://t.me/MiCoreDevBot?start=${command.slice("/start ".length)}`);

      // What Telegram posts when the seller presses Start in the bot's chat.
      const update = {
        update_id: 1,
        message: {
          message_id: 1,
          date: 1_700_000_000,
          chat: { id: 4_242_424, type: "private" },
          text: command,
        },
      };
      const webhook = new URL("/api/telegram/webhook", page.url()).href;
      const refused = await page.request.post(webhook, { data: update });
      assert.equal(refused.status(), 401, "without Telegram's secret header");
      const linked = await page.request.post(webhook, {
        data: update,
        headers: { "X-Telegram-Bot-Api-Secret-Token": DEV_TELEGRAM_SECRET },
      });
      assert.deepEqual(await linked.json(), { ok: true, linked: true });

      // Back to the page, as the seller returns from Telegram: it reads the channels again.
      await visit(page, "/");
      await visit(page, "/alerts");
      await settled(page);
      const state = page.locator('[data-testid="channel-state-telegram"]');
      assert.match(await state.innerText(), /^(Подключён|Linked)/);
      assert.equal(await page.locator('[data-testid="telegram-code"]').count(), 0, "the used code is gone");
      await page.click('[data-testid="test-telegram"]');
      const outcome = page.locator('[data-testid="test-outcome"]');
      await outcome.waitFor();
      assert.equal(await outcome.getAttribute("data-status"), "sent", await outcome.innerText());
      const sentRow = page.locator('[data-testid="alert-log"] tr[data-status="sent"]');
      await sentRow.first().waitFor();
      assert.match(await sentRow.first().innerText(), /Проверка|Test/);
      await screenshot(page, "alerts-desktop");
    },
  },
];

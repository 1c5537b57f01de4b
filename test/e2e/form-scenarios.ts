// The number fields of Settings and the alert settings: a typo ("5e", which a browser's number field reads as
// empty, then 0) is refused under its field and blocks saving, so nothing reaches the API; a whole number saves
// (and the save sends only what a change may carry); a number out of its range is named with the bound under its
// field, and "Saved" goes once the form is edited again.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { apiJson, settled, visit } from "./pages";

/** One e2e step: its name and what it does on the signed-in page (the shape of scenarios.ts's Scenario). */
interface Scenario {
  name: string;
  run(page: Page): Promise<void>;
}

/** Types `text` into the field named `name` of `form` and says whether it shows an error and Save is blocked. */
async function typeInto(page: Page, form: string, name: string, text: string, save: string) {
  const field = page.locator(`${form} label:has(input[name="${name}"])`);
  await field.locator("input").fill(text);
  return {
    error:
      (await field.locator(".form-error").count()) > 0
        ? await field.locator(".form-error").innerText()
        : null,
    saveDisabled: await page.locator(`[data-testid="${save}"]`).isDisabled(),
  };
}

/** Waits until `path` answers `value` for `field` ("Saved" may still show from an earlier save). */
async function answers(page: Page, path: string, field: string, value: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const body = await apiJson<Record<string, unknown>>(page, path);
    if (body[field] === value) return;
    if (Date.now() > deadline)
      assert.fail(`${path} still answers ${field} ${String(body[field])}, not ${value}`);
    await page.waitForTimeout(250);
  }
}

/** Types `value` into the field, saves, and waits until `path` answers it. */
async function saveNumber(
  page: Page,
  form: string,
  name: string,
  value: number,
  save: string,
  path: string,
): Promise<void> {
  await typeInto(page, form, name, String(value), save);
  await page.click(`[data-testid="${save}"]`);
  await answers(page, path, name, value);
}

export const formScenarios: Scenario[] = [
  {
    name: "a typo in a Settings or alert-settings number is refused under its field and nothing is saved",
    async run(page) {
      const settingsBefore = await apiJson<{ leadTimeDays: number }>(page, "/api/settings");
      await visit(page, "/settings");
      await settled(page);
      const settingsForm = 'form:has([data-testid="settings-save"])';
      const typo = await typeInto(page, settingsForm, "leadTimeDays", "5e", "settings-save");
      assert.ok(typo.error && typo.error.length > 0, "the typo's refusal under the lead time");
      assert.equal(typo.saveDisabled, true, "Save waits for a whole number");
      const empty = await typeInto(page, settingsForm, "leadTimeDays", "", "settings-save");
      assert.ok(empty.error, "an empty lead time is refused too (it is required)");
      assert.equal(empty.saveDisabled, true);
      const whole = await typeInto(
        page,
        settingsForm,
        "leadTimeDays",
        String(settingsBefore.leadTimeDays),
        "settings-save",
      );
      assert.deepEqual(whole, { error: null, saveDisabled: false }, "the saved number again: no refusal");
      const settingsAfter = await apiJson<{ leadTimeDays: number }>(page, "/api/settings");
      assert.equal(settingsAfter.leadTimeDays, settingsBefore.leadTimeDays, "nothing was saved");
      // A whole number saves (the form once sent back the answer's dataVersion, which the API refuses).
      const lead = settingsBefore.leadTimeDays + 1;
      await saveNumber(page, settingsForm, "leadTimeDays", lead, "settings-save", "/api/settings");
      assert.equal(await page.locator(`${settingsForm} .form-error`).count(), 0, "no refusal after saving");
      await saveNumber(
        page,
        settingsForm,
        "leadTimeDays",
        settingsBefore.leadTimeDays,
        "settings-save",
        "/api/settings",
      );
      // A rule broken by two numbers together is said under the one just typed (here the safety stock, in its own
      // card), and the line beside Save names that field: on a phone the two are screens apart.
      const rules = await apiJson<{
        coverCeilingDays: number;
        leadTimeDays: number;
        safetyStockDays: number;
      }>(page, "/api/settings");
      const tooSafe = rules.coverCeilingDays - rules.leadTimeDays;
      const broken = await typeInto(page, settingsForm, "safetyStockDays", String(tooSafe), "settings-save");
      assert.ok(
        broken.error?.includes(String(rules.coverCeilingDays)),
        `the cover rule under the safety stock, with its numbers: ${broken.error}`,
      );
      assert.equal(broken.saveDisabled, true, "Save waits for the rule to hold");
      assert.equal(
        await page.locator('[data-testid="settings-problem"]').getAttribute("data-field"),
        "safetyStockDays",
        "the line beside Save names the field the words stand under",
      );
      const mended = await typeInto(
        page,
        settingsForm,
        "safetyStockDays",
        String(rules.safetyStockDays),
        "settings-save",
      );
      assert.deepEqual(
        mended,
        { error: null, saveDisabled: false },
        "the saved number again: the rule holds",
      );
      assert.equal(await page.locator('[data-testid="settings-problem"]').count(), 0);
      // The organization's supply batch (the plan's minimum order and pack size) is set here too.
      const { packSize } = await apiJson<{ packSize: number }>(page, "/api/settings");
      await saveNumber(page, settingsForm, "packSize", packSize + 5, "settings-save", "/api/settings");
      await saveNumber(page, settingsForm, "packSize", packSize, "settings-save", "/api/settings");

      const alertsBefore = await apiJson<{ sunsetWarningDays: number }>(page, "/api/alerts/settings");
      await visit(page, "/alerts");
      await settled(page);
      const alertForm = '[data-testid="alert-settings"]';
      const alertTypo = await typeInto(page, alertForm, "sunsetWarningDays", "1.5", "alert-settings-save");
      assert.ok(alertTypo.error && alertTypo.error.length > 0, "the typo's refusal under the sunset days");
      assert.equal(alertTypo.saveDisabled, true, "Save waits for a whole number");
      const next = alertsBefore.sunsetWarningDays === 30 ? 31 : 30;
      const alertWhole = await typeInto(
        page,
        alertForm,
        "sunsetWarningDays",
        String(next),
        "alert-settings-save",
      );
      assert.deepEqual(alertWhole, { error: null, saveDisabled: false });
      await page.click('[data-testid="alert-settings-save"]');
      await answers(page, "/api/alerts/settings", "sunsetWarningDays", next);
      const savedStatus = page.locator(`${alertForm} [role="status"]`);
      await savedStatus.waitFor();
      // Out of range, however many digits: refused under the field with the setting's bound, and the earlier
      // "Saved" no longer shows beside a form that holds an unsaved refusal.
      const tooMany = await typeInto(
        page,
        alertForm,
        "sunsetWarningDays",
        "12345678901234567890",
        "alert-settings-save",
      );
      assert.ok(tooMany.error?.includes("365"), `the sunset days' bound under the field: ${tooMany.error}`);
      assert.ok(!tooMany.error?.includes("9007199254740991"), "not JavaScript's largest safe integer");
      assert.equal(tooMany.saveDisabled, true, "Save waits for a number in range");
      assert.equal(await savedStatus.count(), 0, "no stale «Сохранено» beside the refusal");
      // Back to what it was.
      await saveNumber(
        page,
        alertForm,
        "sunsetWarningDays",
        alertsBefore.sunsetWarningDays,
        "alert-settings-save",
        "/api/alerts/settings",
      );
      // A time zone that does not exist, and quiet hours that end as they start, are named before Save.
      const zone = await typeInto(page, alertForm, "timeZone", "Europe/Moskva", "alert-settings-save");
      assert.match(zone.error ?? "", /Такого часового пояса нет/);
      assert.equal(zone.saveDisabled, true);
      const zoneBack = await typeInto(page, alertForm, "timeZone", "Europe/Moscow", "alert-settings-save");
      assert.deepEqual(zoneBack, { error: null, saveDisabled: false });
      const quietFrom = await page.inputValue(`${alertForm} select[name="quietStart"]`);
      const quietTo = await page.inputValue(`${alertForm} select[name="quietEnd"]`);
      await page.selectOption(`${alertForm} select[name="quietStart"]`, "3");
      await page.selectOption(`${alertForm} select[name="quietEnd"]`, "3");
      assert.match(await page.locator('[data-testid="quiet-empty"]').innerText(), /в один час/);
      assert.equal(await page.locator('[data-testid="alert-settings-save"]').isDisabled(), true);
      await page.selectOption(`${alertForm} select[name="quietStart"]`, quietFrom);
      await page.selectOption(`${alertForm} select[name="quietEnd"]`, quietTo);
      assert.equal(await page.locator('[data-testid="quiet-empty"]').count(), 0);
    },
  },
];

// A run's problems on the run and sync pages are in the reader's language: the rejected rows' reasons as the
// ingestion engine itself words them (its validators and zod's, so a change of its English breaks this test),
// an issue from its code and parameters, the run's own error; an unknown shape or code shows as it came.
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { issueReasons, lenientId } from "../../../cron/adapters/lenient";
import { unknownChrtReason } from "../../../cron/adapters/wb/stocks-report-wb-warehouses";
import { salesRuleViolations } from "../../../cron/validate/validate-sales";
import { businessRuleViolations } from "../../../cron/validate/validate-stock";
import { setLocale } from "../../../web/src/i18n/locale";
import { rejectReason } from "../../../web/src/lib/reject-reason";
import { issueText, runErrorText } from "../../../web/src/lib/run-issue-text";

afterAll(() => setLocale("ru"));

const listing = { article: "" };
const stock = (values: object) =>
  businessRuleViolations({
    listing,
    available: 1,
    reserved: 0,
    inTransit: 0,
    total: null,
    ...values,
  } as never);
const sale = (values: object) =>
  salesRuleViolations({
    listing: { article: "A-1" },
    quantity: 1,
    revenue: 100,
    kind: "order",
    ...values,
  } as never);
const said = (reasons: string[]) => reasons.map((reason) => rejectReason(reason).text);
const hasLatinWords = (text: string) => /[A-Za-z]{3,}/.test(text.replace(/\bSKU\b|\bWB\b/g, ""));

describe("rejected rows' reasons", () => {
  it("says the engine's own reasons in Russian, with no English left", () => {
    setLocale("ru");
    expect(said(stock({ available: -3, total: 10 }))).toEqual([
      "доступно: отрицательное число (-3)",
      "нет артикула продавца: товар не удалось опознать",
    ]);
    expect(said(stock({ listing: { article: "A" }, reserved: 12, total: 10 }))).toEqual([
      "резерв (12) больше общего остатка у маркетплейса (10)",
    ]);
    expect(said(sale({ quantity: 0, revenue: -5 }))).toEqual([
      "количество должно быть целым положительным числом (пришло 0)",
      "у суммы -5 неверный знак для этого вида операции",
    ]);
    expect(said([unknownChrtReason(123, 456)])[0]).toMatch(/^товар WB 123 \(размер 456\) ещё не известен/);
    const vendorRow = z
      .object({ stock: z.object({ present: z.number() }) })
      .safeParse({ stock: { present: "x" } });
    const [zodReason] = issueReasons(vendorRow.error as z.ZodError);
    expect(rejectReason(zodReason ?? "")).toEqual({
      field: "stock.present",
      text: "маркетплейс прислал значение, которое не удалось прочитать",
    });
    const lenientRow = z.object({ sku: lenientId }).safeParse({ sku: -4 });
    expect(rejectReason(issueReasons(lenientRow.error as z.ZodError)[0] ?? "")).toEqual({
      field: "sku",
      text: "маркетплейс прислал значение, которое не удалось прочитать",
    });
    expect(rejectReason("product list: sku: Invalid input: expected number, received string")).toEqual({
      field: "sku",
      text: "список товаров: маркетплейс прислал значение, которое не удалось прочитать",
    });
    for (const reason of [...stock({ inTransit: -1, total: -1 }), ...sale({ listing: { article: "" } })])
      expect(hasLatinWords(rejectReason(reason).text), reason).toBe(false);
  });

  it("says them in English, and shows a reason of unknown shape as it came", () => {
    setLocale("en");
    expect(said(stock({ listing: { article: "A" }, available: 20, total: 10 }))).toEqual([
      "available (20) is more than the marketplace's total stock (10)",
    ]);
    expect(rejectReason("something new happened")).toEqual({ field: null, text: "something new happened" });
  });
});

describe("a run's issues and error", () => {
  const jump = {
    code: "STOCK_JUMP",
    message: "4 rows jumped beyond 10× the previous snapshot (e.g. listing 1 at warehouse 2: 3 → 90)",
    params: { count: 4, factor: 10, from: 3, to: 90 },
  };

  it("says an issue from its code and parameters, the English only for an unknown code or missing parameters", () => {
    setLocale("ru");
    expect(issueText(jump)).toBe(
      "4 строки выросли более чем в 10 раз по сравнению с прошлым снимком (например, 3 → 90)",
    );
    expect(issueText({ code: "TIMEOUT", message: "ozon: timed out after 30 s" })).toBe(
      "Маркетплейс не ответил вовремя",
    );
    expect(issueText({ code: "STOCK_JUMP", message: jump.message })).toBe(jump.message);
    expect(issueText({ code: "SOMETHING_NEW", message: "A new problem" })).toBe("A new problem");
    setLocale("en");
    expect(issueText(jump)).toBe("4 rows jumped beyond 10× the previous snapshot (e.g. 3 → 90)");
  });

  it("says the run's own error in the reader's language", () => {
    setLocale("ru");
    expect(runErrorText("A run is already active for this account (0b0d…)")).toBe(
      "Другая синхронизация этого аккаунта уже шла",
    );
    expect(
      runErrorText(
        "The run stopped renewing its lease (a consumer died); recovered by the coordinator's alarm",
      ),
    ).toMatch(/^Синхронизация перестала отвечать/);
    expect(runErrorText("Unknown failure")).toBe("Unknown failure");
  });
});

// Texts of the stock-out, dead-letter and digest alerts in both languages, with Russian plurals of products and days.
import { describe, expect, it } from "vitest";
import { alertText, days } from "../../../worker/alerts/texts";

const product = (n: number, daysOfCover: number) => ({
  productId: n,
  article: `A-${n}`,
  name: `Product ${n}`,
  available: n,
  daysOfCover,
});

describe("stock-out within the lead time", () => {
  it("counts products and days with Russian plurals, and writes fractions of a day", () => {
    const payload = {
      rule: "stockout_soon" as const,
      runId: "r",
      leadTimeDays: 21,
      products: [product(3, 1.5), product(4, 2)],
    };
    expect(alertText(payload, "ru").split("\n")).toEqual([
      "Закончатся раньше, чем придёт поставка (срок 21 день): 2 товара",
      "• A-3 Product 3: в наличии 3, запаса на 1,5 дня",
      "• A-4 Product 4: в наличии 4, запаса на 2 дня",
    ]);
    expect(alertText({ ...payload, leadTimeDays: 1, products: [product(5, 5)] }, "en").split("\n")).toEqual([
      "Running out before a supply arrives (lead time 1 day): 1 product",
      "• A-5 Product 5: available 5, 5 days of cover",
    ]);
  });

  it("declines days", () => {
    expect([1, 2, 5, 11, 14, 21, 22, 25, 0.5].map((n) => days("ru", n))).toEqual([
      "день",
      "дня",
      "дней",
      "дней",
      "дней",
      "день",
      "дня",
      "дней",
      "дня",
    ]);
  });
});

describe("daily digest", () => {
  const payload = {
    rule: "daily_digest" as const,
    runId: "r",
    date: "2026-01-20",
    order: {
      total: 22,
      products: [
        { article: "A-1", name: "Kettle", quantity: 104 },
        { article: "A-2", name: "Mug", quantity: 1 },
      ],
    },
    ranOut: [{ article: "A-1", name: "Kettle" }],
    lostYesterdayRub: 12345.5,
  };

  it("lists what to order with units, what ran out and the roubles lost, in Russian", () => {
    expect(alertText(payload, "ru").split("\n")).toEqual([
      "Сводка на 2026-01-20",
      "Заказать сегодня: 22 товара",
      "• A-1 Kettle: 104 шт.",
      "• A-2 Mug: 1 шт.",
      "…и ещё 20",
      "Закончились с прошлой сводки: 1 товар",
      "• A-1 Kettle",
      "Упущено вчера из-за отсутствия товара: 12\u00a0345,5 ₽", // grouped with a no-break space
    ]);
  });

  it("says when there is nothing to order and nothing ran out, in English", () => {
    const quiet = { ...payload, order: { total: 0, products: [] }, ranOut: [], lostYesterdayRub: 0 };
    expect(alertText(quiet, "en")).toBe(
      "Digest for 2026-01-20\nOrder today: nothing\nNothing ran out since the last digest\nLost yesterday to stock-outs: 0 ₽",
    );
  });
});

describe("dead letters", () => {
  it("say which queue gave up, on what, and why", () => {
    const letter = {
      rule: "dead_letter" as const,
      runId: "r",
      queue: "ingest" as const,
      about: "Shop wb",
      reason: "page 3 failed",
    };
    expect(alertText(letter, "ru")).toBe(
      "Не обработано после всех попыток: шаг синхронизации кабинета Shop wb\nПричина: page 3 failed",
    );
    expect(alertText({ ...letter, queue: "alerts", about: "telegram" }, "en")).toBe(
      "Dead letter: an alert to the telegram channel failed every retry\nReason: page 3 failed",
    );
  });
});

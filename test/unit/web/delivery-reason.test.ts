// A failed alert's reason on the Alerts page is in the reader's language: the API's English reasons of known
// shape ("webhook answered 404", "Telegram 403: …") are said in Russian; an unknown one shows as it came.
import { afterAll, describe, expect, it } from "vitest";
import { setLocale } from "../../../web/src/i18n/locale";
import { deliveryReasonText } from "../../../web/src/pages/alerts/delivery-reason";

afterAll(() => setLocale("ru"));

describe("deliveryReasonText", () => {
  it("says the delivery's known reasons in Russian", () => {
    setLocale("ru");
    expect(deliveryReasonText("webhook answered 404")).toBe("получатель ответил 404");
    expect(deliveryReasonText("webhook unreachable: no connection to the receiver")).toBe(
      "получатель недоступен",
    );
    expect(deliveryReasonText("webhook refused: url: must be a public host, not an internal host name")).toBe(
      "этот адрес не разрешён: укажите публичный адрес https",
    );
    expect(deliveryReasonText("Telegram 403: Forbidden: bot was blocked by the user")).toBe(
      "Telegram ответил 403: Forbidden: bot was blocked by the user",
    );
    expect(deliveryReasonText("no Telegram chat linked")).toBe("чат Telegram не привязан");
    expect(deliveryReasonText("something new")).toBe("something new");
  });

  it("and in English", () => {
    setLocale("en");
    expect(deliveryReasonText("webhook answered 500")).toBe("the receiver answered 500");
    expect(deliveryReasonText("channel disabled")).toBe("the channel is turned off");
  });
});

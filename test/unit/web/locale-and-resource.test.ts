// Language choice and remote-data state: the language is remembered (the catalogues are compared in message-catalogues.test.ts); a
// resource keeps its data while reloading and ignores answers that arrive after a newer request.
import { describe, expect, it } from "vitest";
import { ApiFailure } from "../../../web/src/api/client";
import { initialLocale, interpolate, locale, setLocale, t } from "../../../web/src/i18n/locale";
import { createResource } from "../../../web/src/models/resource";

describe("locale", () => {
  it("prefers the saved language, then the browser's, then Russian", () => {
    expect(initialLocale("en", "ru-RU")).toBe("en");
    expect(initialLocale(null, "en-US")).toBe("en");
    expect(initialLocale(null, "de-DE")).toBe("ru");
  });

  it("switches the text when the language switches", () => {
    setLocale("en");
    expect(t("nav.inventory")).toBe("Inventory");
    setLocale("ru");
    expect(locale.value).toBe("ru");
    expect(t("inventory.total", { n: 5 })).toBe("5 товаров");
    expect(interpolate("{a} {b}", { a: 1 })).toBe("1 {b}");
  });
});

describe("resource", () => {
  it("keeps the previous data while reloading and drops a stale answer", async () => {
    const resource = createResource<number>();
    await resource.load("a", async () => 1);
    expect(resource.data.value).toBe(1);

    let releaseSlow: (value: number) => void = () => {};
    const slow = resource.load("b", () => new Promise<number>((resolve) => (releaseSlow = resolve)));
    expect(resource.loading.value).toBe(true);
    expect(resource.data.value).toBe(1);
    const fast = resource.load("c", async () => 3);
    releaseSlow(2);
    await Promise.all([slow, fast]);
    expect(resource.data.value).toBe(3);
    expect(resource.key.value).toBe("c");
    expect(resource.loading.value).toBe(false);
  });

  it("reports an API failure and loads again only when asked for a new key or after an error", async () => {
    const resource = createResource<number>();
    await resource.load("x", async () => {
      throw new ApiFailure(500, "INTERNAL", "boom", "req-1");
    });
    expect(resource.error.value?.code).toBe("INTERNAL");
    let calls = 0;
    await resource.ensure("x", async () => ++calls);
    await resource.ensure("x", async () => ++calls);
    expect(calls).toBe(1);
    expect(resource.error.value).toBeNull();
  });
});

// The forms' whole-number reading: a typo is refused, never read as empty or 0, and a number out of its setting's
// range is named with the bound it breaks, the same bound the API holds.
import { beforeEach, describe, expect, it } from "vitest";
import { SETTING_RANGES } from "../../../domain/setting-ranges";
import { setLocale } from "../../../web/src/i18n/locale";
import { parseWholeNumber, wholeNumberProblem } from "../../../web/src/lib/whole-number";

describe("parseWholeNumber", () => {
  it("reads digits as the number, surrounding spaces ignored", () => {
    expect(parseWholeNumber("0")).toBe(0);
    expect(parseWholeNumber(" 14 ")).toBe(14);
    expect(parseWholeNumber("007")).toBe(7);
  });

  it("reads a negative number and thousands grouped by spaces as typed, so a refusal names the bound", () => {
    expect(parseWholeNumber("-3")).toBe(-3);
    expect(parseWholeNumber("1 000")).toBe(1000);
    expect(parseWholeNumber("1\u00a0000\u00a0000")).toBe(1_000_000);
    setLocale("ru");
    expect(wholeNumberProblem(parseWholeNumber("-1"), SETTING_RANGES.leadTimeDays)).toBe("не меньше 0");
  });

  it("reads nothing typed as empty", () => {
    expect(parseWholeNumber("")).toBeNull();
    expect(parseWholeNumber("   ")).toBeNull();
  });

  it("refuses what a browser's number field would read as empty or as another number", () => {
    for (const typo of ["5e", "1e3", "1.5", "2,5", "+4", "abc", "1 00", "10 00 0", "-", "--3", "０"]) {
      expect(parseWholeNumber(typo), typo).toBe("not-whole");
    }
  });
});

describe("wholeNumberProblem", () => {
  const days = SETTING_RANGES.sunsetWarningDays;
  beforeEach(() => setLocale("ru"));

  it("passes a number inside its setting's range, bounds included", () => {
    expect(wholeNumberProblem(days.min, days)).toBeNull();
    expect(wholeNumberProblem(days.max, days)).toBeNull();
  });

  it("names the bound a number breaks, however many digits were typed", () => {
    expect(wholeNumberProblem(0, days)).toBe("не меньше 1");
    expect(wholeNumberProblem(366, days)).toBe("не больше 365");
    // 20 digits: beyond a safe integer, still "не больше 365" rather than the API's 9007199254740991.
    expect(wholeNumberProblem(parseWholeNumber("12345678901234567890"), days)).toBe("не больше 365");
  });

  it("asks for a whole number when the text is empty or not one", () => {
    expect(wholeNumberProblem(null, days)).toBe("введите целое число");
    expect(wholeNumberProblem("not-whole", days)).toBe("введите целое число");
  });
});

describe("the API refuses what the fields refuse", () => {
  it("takes each setting's bounds and refuses one past them", async () => {
    const { AlertSettingsBody } = await import("../../../worker/api/schemas/alerts");
    const field = AlertSettingsBody.shape.sunsetWarningDays;
    expect(field.safeParse(SETTING_RANGES.sunsetWarningDays.max).success).toBe(true);
    expect(field.safeParse(SETTING_RANGES.sunsetWarningDays.max + 1).success).toBe(false);
    expect(field.safeParse(SETTING_RANGES.sunsetWarningDays.min - 1).success).toBe(false);
  });
});

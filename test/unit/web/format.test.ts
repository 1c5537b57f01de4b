// Figures as a Russian or English reader expects them: grouping, decimal comma, ₽, 24-hour clock, and
// durations in the language's units ("2 мин 5 с", not "125 s").
import { afterEach, describe, expect, it } from "vitest";
import { setLocale } from "../../../web/src/i18n/locale";
import {
  formatCompactMoney,
  formatDateTime,
  formatDayMonth,
  formatDuration,
  formatMoney,
  formatNumber,
  formatPeriod,
  formatShare,
} from "../../../web/src/lib/format";

const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("format", () => {
  afterEach(() => setLocale("ru"));

  it("writes Russian numbers, money and durations", () => {
    setLocale("ru");
    expect(spaces(formatNumber(24_422.5, 1))).toBe("24 422,5");
    expect(spaces(formatMoney(105_066_123))).toBe("105 066 123 ₽");
    expect(spaces(formatCompactMoney(1_234_567))).toBe("1,2 млн ₽");
    expect(spaces(formatDuration(31_000))).toBe("31 с");
    expect(spaces(formatDuration(125_000))).toBe("2 мин 5 с");
    expect(spaces(formatDuration(4_800_000))).toBe("1 ч 20 мин");
    expect(spaces(formatDuration(450))).toBe("450 мс");
    expect(spaces(formatDayMonth("2026-12-06"))).toBe("6 дек.");
    expect(formatDateTime("2026-12-06T18:05:00Z")).toMatch(/18:05|\d{2}:05/);
    expect(formatDateTime("2026-12-06T18:05:00Z")).not.toMatch(/AM|PM/);
  });

  it("writes English with the rouble sign and a 24-hour clock", () => {
    setLocale("en");
    expect(formatMoney(1200)).toBe("₽1,200");
    expect(formatDuration(125_000)).toBe("2 mins 5 secs");
    expect(formatDayMonth("2026-12-06")).toBe("6 Dec");
    expect(formatDateTime("2026-12-06T18:05:00Z")).not.toMatch(/AM|PM/);
  });

  it("writes a period in the language, not as ISO dates", () => {
    setLocale("ru");
    const period = (from: string, to: string) => formatPeriod(from, to).replace(/\s/g, " ");
    expect(period("2026-11-06", "2026-12-05")).toMatch(/^6 нояб\. ?– ?5 дек\. 2026 г\.$/);
    expect(period("2026-11-06", "2026-11-30")).toMatch(/^6 ?– ?30 нояб\. 2026 г\.$/);
    setLocale("en");
    expect(period("2026-11-06", "2026-12-05")).toMatch(/^6 Nov ?– ?5 Dec 2026$/);
  });

  it("shows a small share with two significant digits instead of rounding it to 0%", () => {
    setLocale("ru");
    expect(spaces(formatShare(0.000_323))).toBe("0,032 %");
    expect(spaces(formatShare(0.004_56))).toBe("0,46 %");
    expect(spaces(formatShare(0.123_45))).toBe("12,3 %");
    expect(spaces(formatShare(0))).toBe("0 %");
    setLocale("en");
    expect(formatShare(0.000_323)).toBe("0.032%");
  });
});

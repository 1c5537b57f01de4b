// Analytics periods: defaults in the organization's time zone and the previous period of equal length.
import { describe, expect, it } from "vitest";
import { dayInTimeZone, previousPeriod, resolvePeriod } from "../../../worker/api/period";

describe("periods", () => {
  it("takes today in the organization's time zone", () => {
    // 22:30 UTC on 31 Jan is already 1 Feb in Moscow (UTC+3).
    expect(dayInTimeZone(new Date("2026-01-31T22:30:00Z"), "Europe/Moscow")).toBe("2026-02-01");
  });

  it("defaults to the last N days and compares with the N days before", () => {
    const period = resolvePeriod({}, "2026-03-31", 30);
    expect(period).toEqual({ from: "2026-03-02", to: "2026-03-31" });
    expect(previousPeriod(period)).toEqual({ from: "2026-01-31", to: "2026-03-01" });
  });
});

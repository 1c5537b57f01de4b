// The Analytics period picker: presets and a custom from–to in the address, and the custom period's
// checks before the API is asked.
import { describe, expect, it } from "vitest";
import {
  customPeriodProblem,
  DEFAULT_PERIOD,
  periodFromQuery,
  periodQuery,
  periodRange,
  periodRefused,
} from "../../../web/src/lib/analytics-period";

const TODAY = "2026-12-06";

describe("analytics period", () => {
  it("covers the last N days up to today for a preset, the given days for a custom period", () => {
    expect(periodRange({ days: 7 }, TODAY)).toEqual({ from: "2026-11-30", to: TODAY });
    expect(periodRange({ days: 90 }, TODAY)).toEqual({ from: "2026-09-08", to: TODAY });
    expect(periodRange({ from: "2026-01-01", to: "2026-01-31" }, TODAY)).toEqual({
      from: "2026-01-01",
      to: "2026-01-31",
    });
  });

  it("round-trips through the address, the default leaving it bare", () => {
    expect(periodQuery(DEFAULT_PERIOD)).toEqual({});
    for (const choice of [
      { days: 7 as const },
      { days: 90 as const },
      { from: "2026-01-01", to: "2026-02-01" },
    ]) {
      expect(periodFromQuery(new URLSearchParams(periodQuery(choice)), TODAY)).toEqual(choice);
    }
  });

  it("refuses a custom period that is incomplete, reversed, in the future or longer than the API allows", () => {
    expect(customPeriodProblem("", "2026-01-01", TODAY)).toBe("missing");
    expect(customPeriodProblem("2026-02-30", "2026-03-01", TODAY)).toBe("missing");
    expect(customPeriodProblem("2026-03-02", "2026-03-01", TODAY)).toBe("order");
    expect(customPeriodProblem("2026-12-01", "2026-12-07", TODAY)).toBe("future");
    expect(customPeriodProblem("2024-12-04", "2026-12-05", TODAY)).toBe("tooLong");
    expect(customPeriodProblem("2024-12-05", "2026-12-05", TODAY)).toBeNull();
    expect(periodFromQuery(new URLSearchParams("from=2026-03-02&to=2026-03-01"), TODAY)).toEqual(
      DEFAULT_PERIOD,
    );
    expect(periodFromQuery(new URLSearchParams("days=14"), TODAY)).toEqual(DEFAULT_PERIOD);
  });
});

describe("a period the address names but the page cannot take", () => {
  it("is reported, so the page says it shows the last 30 days instead", () => {
    const refused = (search: string) => periodRefused(new URLSearchParams(search), TODAY);
    expect(refused("")).toBe(false);
    expect(refused("days=90")).toBe(false);
    expect(refused("days=30")).toBe(false);
    expect(refused("from=2026-11-01&to=2026-11-30")).toBe(false);
    expect(refused("days=45")).toBe(true);
    expect(refused("days=abc")).toBe(true);
    expect(refused("from=2026-11-30&to=2026-11-01")).toBe(true);
    expect(refused("from=2026-11-01")).toBe(true);
    expect(refused("from=2026-02-30&to=2026-03-01")).toBe(true);
    expect(refused("from=2026-11-01&to=2027-01-01")).toBe(true);
  });
});

// The chart's "so far" rule: the last bar is unfinished while today lies inside its period (a day, a week
// or a month), and only then.
import { describe, expect, it } from "vitest";
import { lastPeriodUnfinished } from "../../../web/src/lib/chart-period";

describe("lastPeriodUnfinished", () => {
  it("marks today's day, this week and this month as unfinished", () => {
    expect(lastPeriodUnfinished(["2026-12-05", "2026-12-06"], "2026-12-06")).toBe(true);
    expect(lastPeriodUnfinished(["2026-11-23", "2026-11-30"], "2026-12-06")).toBe(true);
    expect(lastPeriodUnfinished(["2026-11-01", "2026-12-01"], "2026-12-06")).toBe(true);
  });

  it("leaves finished periods and one-point series alone", () => {
    expect(lastPeriodUnfinished(["2026-12-04", "2026-12-05"], "2026-12-06")).toBe(false);
    expect(lastPeriodUnfinished(["2026-11-16", "2026-11-23"], "2026-12-06")).toBe(false);
    expect(lastPeriodUnfinished(["2026-12-06"], "2026-12-06")).toBe(false);
  });
});

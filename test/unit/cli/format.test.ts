// Plain-text output helpers: ages, durations, aligned tables.
import { describe, expect, it } from "vitest";
import { age, duration, fields, int, table } from "../../../cli/format";
import { NOW } from "./fixtures";

describe("format", () => {
  it("age", () => {
    const ago = (ms: number) => age(new Date(NOW - ms).toISOString(), NOW);
    expect(age(null, NOW)).toBe("never");
    expect(ago(2_000)).toBe("just now");
    expect(ago(45_000)).toBe("45s ago");
    expect(ago(12 * 60_000)).toBe("12m ago");
    expect(ago((3 * 60 + 5) * 60_000)).toBe("3h 5m ago");
    expect(ago((2 * 24 + 4) * 3_600_000)).toBe("2d 4h ago");
  });

  it("duration", () => {
    expect(duration(null)).toBe("–");
    expect(duration(850)).toBe("850 ms");
    expect(duration(12_340)).toBe("12.3 s");
    expect(duration(185_000)).toBe("3m 05s");
  });

  it("int", () => {
    expect(int(1234567)).toBe("1,234,567");
  });

  it("table: text left, numbers right, no trailing spaces", () => {
    expect(
      table(
        ["NAME", "ROWS", "NOTE"],
        [
          ["a", "1,000", "x"],
          ["bbb", "5", ""],
        ],
      ),
    ).toBe(["NAME   ROWS  NOTE", "a     1,000  x", "bbb       5"].join("\n"));
  });

  it("fields aligns keys", () => {
    expect(
      fields([
        ["run", "1"],
        ["status", "ok"],
      ]),
    ).toBe("run:    1\nstatus: ok");
  });
});

// Periods asked of the API and CSV files built in the browser.
import { describe, expect, it } from "vitest";
import { toCsv } from "../../../web/src/lib/csv";
import { addDays, lastDays, relativeChange } from "../../../web/src/lib/period";

describe("periods", () => {
  it("covers the last 30 days including today, across month ends", () => {
    expect(lastDays("2026-03-05", 30)).toEqual({ from: "2026-02-04", to: "2026-03-05" });
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
  });

  it("gives no change against an empty previous period", () => {
    expect(relativeChange(150, 100)).toBe(0.5);
    expect(relativeChange(10, 0)).toBeNull();
  });
});

describe("csv built in the browser", () => {
  it("writes the interface language's dialect", () => {
    expect(toCsv(["a", "b"], [[1.5, "x"]], "en")).toBe("a,b\r\n1.5,x\r\n");
    expect(toCsv(["a", "b"], [[1.5, "x"]], "ru")).toBe("\uFEFFa;b\r\n1,5;x\r\n");
  });
});

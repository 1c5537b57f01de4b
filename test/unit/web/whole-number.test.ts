// The forms' whole-number reading: a typo is refused, never read as empty or 0.
import { describe, expect, it } from "vitest";
import { parseWholeNumber } from "../../../web/src/lib/whole-number";

describe("parseWholeNumber", () => {
  it("reads digits as the number, surrounding spaces ignored", () => {
    expect(parseWholeNumber("0")).toBe(0);
    expect(parseWholeNumber(" 14 ")).toBe(14);
    expect(parseWholeNumber("007")).toBe(7);
  });

  it("reads nothing typed as empty", () => {
    expect(parseWholeNumber("")).toBeNull();
    expect(parseWholeNumber("   ")).toBeNull();
  });

  it("refuses what a browser's number field would read as empty or as another number", () => {
    for (const typo of ["5e", "1e3", "1.5", "2,5", "-3", "+4", "abc", "1 000", "０"]) {
      expect(parseWholeNumber(typo), typo).toBe("not-whole");
    }
  });
});

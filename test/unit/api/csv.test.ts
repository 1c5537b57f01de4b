// CSV export: quoting per RFC 4180 and defused spreadsheet formulas.
import { describe, expect, it } from "vitest";
import { toCsv } from "../../../worker/api/csv";

describe("toCsv", () => {
  it("quotes commas, quotes and newlines, and prefixes formulas", () => {
    const csv = toCsv(
      [
        { header: "name", value: (row: { name: string; units: number | null }) => row.name },
        { header: "units", value: (row) => row.units },
      ],
      [
        { name: 'Coat, "warm"', units: 3 },
        { name: "=HYPERLINK()", units: null },
      ],
    );
    expect(csv).toBe('name,units\r\n"Coat, ""warm""",3\r\n\'=HYPERLINK(),\r\n');
  });
});

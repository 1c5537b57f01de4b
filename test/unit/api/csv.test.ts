// CSV export: quoting per RFC 4180, defused spreadsheet formulas, and the Russian (Excel) dialect.
import { describe, expect, it } from "vitest";
import { CSV_DIALECTS, csvField, toCsv } from "../../../worker/api/csv";

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

  it("writes the Russian dialect: BOM, semicolons, decimal commas, quoted separators", () => {
    const csv = toCsv(
      [
        { header: "Товар", value: (row: { name: string; velocity: number }) => row.name },
        { header: "Продаж в день", value: (row) => row.velocity },
      ],
      [
        { name: "Кружка; 300 мл", velocity: 2.5 },
        { name: 'Плед "Уют"\nбежевый', velocity: -1.25 },
        { name: "+7 (999) 000", velocity: 0 },
        { name: "@SUM(A1)", velocity: 3 },
      ],
      CSV_DIALECTS.ru,
    );
    expect(csv).toBe(
      '\uFEFFТовар;Продаж в день\r\n"Кружка; 300 мл";2,5\r\n"Плед ""Уют""\nбежевый";-1,25\r\n\'+7 (999) 000;0\r\n\'@SUM(A1);3\r\n',
    );
  });

  it("quotes a semicolon in English too, so either spreadsheet setting splits it right", () => {
    expect(csvField("a;b")).toBe('"a;b"');
    expect(csvField(-5)).toBe("-5");
    expect(csvField("-5")).toBe("'-5");
    expect(csvField(null)).toBe("");
  });
});

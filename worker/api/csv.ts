// CSV export (RFC 4180) in the reader's dialect: quotes fields that need it and defuses spreadsheet
// formulas, since sellers open these files in Excel and product names come from the marketplaces.
// Russian Excel splits on ";" and reads "1,5" as a number, and needs a UTF-8 BOM to read Cyrillic;
// English keeps "," and "1.5" and no BOM (what scripts reading the API expect).
export type CsvValue = string | number | boolean | null | undefined;
export const CSV_LANGUAGES = ["en", "ru"] as const;
export type CsvLanguage = (typeof CSV_LANGUAGES)[number];

export interface CsvDialect {
  separator: "," | ";";
  decimalComma: boolean;
  bom: boolean;
}

export const CSV_DIALECTS: Record<CsvLanguage, CsvDialect> = {
  en: { separator: ",", decimalComma: false, bom: false },
  ru: { separator: ";", decimalComma: true, bom: true },
};

export function csvField(value: CsvValue, dialect: CsvDialect = CSV_DIALECTS.en): string {
  if (value === null || value === undefined) return "";
  let text =
    typeof value === "number" && dialect.decimalComma ? String(value).replace(".", ",") : String(value);
  // A text cell starting with = + - @ (or a tab/CR) is a formula to a spreadsheet: prefix it to keep it text.
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  // Text holding either separator is quoted, so the file splits right whatever the spreadsheet expects; a
  // number's decimal comma is not a separator in the dialect that writes it.
  return typeof value !== "number" && /[",;\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The CSV's lines (the header first when `header`), each ending in CRLF; the BOM is the caller's. */
export function csvLines<Row>(
  columns: Array<{ header: string; value: (row: Row) => CsvValue }>,
  rows: readonly Row[],
  dialect: CsvDialect = CSV_DIALECTS.en,
  header = true,
): string {
  const line = (cells: CsvValue[]) => cells.map((cell) => csvField(cell, dialect)).join(dialect.separator);
  const lines = header ? [line(columns.map((column) => column.header))] : [];
  for (const row of rows) lines.push(line(columns.map((column) => column.value(row))));
  return lines.map((text) => `${text}\r\n`).join("");
}

export function toCsv<Row>(
  columns: Array<{ header: string; value: (row: Row) => CsvValue }>,
  rows: readonly Row[],
  dialect: CsvDialect = CSV_DIALECTS.en,
): string {
  return `${dialect.bom ? "\uFEFF" : ""}${csvLines(columns, rows, dialect)}`;
}

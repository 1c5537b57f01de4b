// CSV files built in the browser (for lists the API does not export itself), written by the API's own
// writer (worker/api/csv.ts) in the interface language's dialect: Russian gets ";", decimal commas and a
// UTF-8 BOM so Excel opens it as columns; English gets ",".
import { CSV_DIALECTS, type CsvValue, toCsv as writeCsv } from "../../../worker/api/csv";
import { type Locale, locale } from "../i18n/locale";

export type CsvCell = CsvValue;

export function toCsv(
  header: readonly string[],
  rows: ReadonlyArray<readonly CsvCell[]>,
  language: Locale = locale.value,
): string {
  const columns = header.map((name, index) => ({
    header: name,
    value: (row: readonly CsvCell[]) => row[index],
  }));
  return writeCsv(columns, rows, CSV_DIALECTS[language]);
}

export function downloadCsv(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = filename;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// The inventory export's columns in each export language: English keeps the machine headers and status
// codes API users script against; Russian names them as the dashboard does, for a seller opening Excel.
import type { StockStatus } from "../../db/schema/enums";
import type { CsvLanguage, CsvValue } from "./csv";
import type { StockLine } from "./schemas/stock";

type Column = {
  header: Record<CsvLanguage, string>;
  value: (line: StockLine, language: CsvLanguage) => CsvValue;
};

const STATUS_RU: Record<StockStatus, string> = {
  critical: "Критично",
  low: "Мало",
  normal: "Норма",
  overstock: "Избыток",
};

const COLUMNS: Column[] = [
  { header: { en: "product_id", ru: "ID товара" }, value: (l) => l.productId },
  { header: { en: "article", ru: "Артикул" }, value: (l) => l.article },
  { header: { en: "name", ru: "Товар" }, value: (l) => l.name },
  { header: { en: "category", ru: "Категория" }, value: (l) => l.category },
  {
    header: { en: "status", ru: "Статус" },
    value: (l, language) => (language === "ru" ? STATUS_RU[l.status] : l.status),
  },
  { header: { en: "available", ru: "Доступно" }, value: (l) => l.available },
  { header: { en: "reserved", ru: "Резерв" }, value: (l) => l.reserved },
  { header: { en: "in_transit", ru: "В пути" }, value: (l) => l.inTransit },
  { header: { en: "warehouses", ru: "Склады" }, value: (l) => l.warehouseCount },
  { header: { en: "velocity_per_day", ru: "Продаж в день" }, value: (l) => l.velocity },
  { header: { en: "days_of_cover", ru: "Дней запаса" }, value: (l) => l.daysOfCover },
  { header: { en: "stockout_date", ru: "Закончится" }, value: (l) => l.stockoutDate },
];

export function inventoryCsvColumns(
  language: CsvLanguage,
): Array<{ header: string; value: (line: StockLine) => CsvValue }> {
  return COLUMNS.map((column) => ({
    header: column.header[language],
    value: (line) => column.value(line, language),
  }));
}

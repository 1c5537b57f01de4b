// The supply plan export's columns in each export language: English keeps machine headers for scripts;
// Russian names them as the dashboard does and explains each line in Russian, for a seller opening Excel.
import { explainSupply } from "../../domain/supply-plan-explanation";
import type { CsvLanguage, CsvValue } from "./csv";
import type { SupplyPlanLine } from "./schemas/supply-plan";

type Column = {
  header: Record<CsvLanguage, string>;
  value: (line: SupplyPlanLine, language: CsvLanguage) => CsvValue;
};

const MARKETPLACE_RU = { ozon: "Ozon", wb: "Wildberries" } as const;

const COLUMNS: Column[] = [
  {
    header: { en: "marketplace", ru: "Маркетплейс" },
    value: (l, language) => (language === "ru" ? MARKETPLACE_RU[l.marketplace] : l.marketplace),
  },
  {
    header: { en: "destination_kind", ru: "Куда" },
    value: (l, language) =>
      language === "ru" ? (l.destination.kind === "cluster" ? "Кластер" : "Склад") : l.destination.kind,
  },
  { header: { en: "destination", ru: "Кластер или склад" }, value: (l) => l.destination.name },
  { header: { en: "warehouses", ru: "Склады" }, value: (l) => l.destination.warehouses.join(", ") },
  { header: { en: "product_id", ru: "ID товара" }, value: (l) => l.productId },
  { header: { en: "article", ru: "Артикул" }, value: (l) => l.article },
  { header: { en: "name", ru: "Товар" }, value: (l) => l.name },
  { header: { en: "quantity", ru: "Отгрузить (шт.)" }, value: (l) => l.quantity },
  { header: { en: "packs", ru: "Упаковок" }, value: (l) => l.packs },
  { header: { en: "pack_size", ru: "В упаковке (шт.)" }, value: (l) => l.inputs.packSize },
  { header: { en: "min_order_units", ru: "Мин. партия (шт.)" }, value: (l) => l.inputs.minOrderUnits },
  { header: { en: "unit_price_rub", ru: "Цена (₽)" }, value: (l) => l.unitPrice },
  { header: { en: "value_rub", ru: "Сумма (₽)" }, value: (l) => l.value },
  { header: { en: "available", ru: "Доступно" }, value: (l) => l.inputs.available },
  { header: { en: "in_transit", ru: "В пути" }, value: (l) => l.inputs.inTransit },
  { header: { en: "velocity_per_day", ru: "Продаж в день" }, value: (l) => l.inputs.velocity },
  { header: { en: "reorder_point", ru: "Точка заказа" }, value: (l) => l.reorderPoint },
  { header: { en: "target_stock", ru: "Целевой запас" }, value: (l) => l.targetStock },
  { header: { en: "shortfall", ru: "Не хватает" }, value: (l) => l.shortfall },
  { header: { en: "cover_after_days", ru: "Дней запаса после поставки" }, value: (l) => l.coverAfterDays },
  {
    header: { en: "explanation", ru: "Почему" },
    value: (l, language) => explainSupply(l.inputs, l, language).join(" "),
  },
];

export function supplyPlanCsvColumns(
  language: CsvLanguage,
): Array<{ header: string; value: (line: SupplyPlanLine) => CsvValue }> {
  return COLUMNS.map((column) => ({
    header: column.header[language],
    value: (line) => column.value(line, language),
  }));
}

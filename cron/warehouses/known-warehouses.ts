// The canonical warehouses the product knows out of the box, per marketplace (names as the vendors' own
// warehouse lists write them). Names not recognised here become provisional warehouses for review. A seller's
// own (FBS) warehouses are not here: each seller names its own, and the run's warehouse directory
// (cron/adapters/ozon/warehouse-directory.ts) stores them with their clusters.
import type { Marketplace, WarehouseType } from "../../db/schema/enums";

export interface CanonicalWarehouse {
  name: string;
  cluster: string;
  region: string;
  type: WarehouseType;
}

/** WB report rows that are goods in transit or totals, never stock at a warehouse. */
export const PSEUDO_WAREHOUSE_NAMES = [
  "В пути до получателей",
  "В пути возвраты на склад WB",
  "Всего находится на складах",
];

const MOSCOW = "Москва, МО и Дальние регионы";
const OZON: CanonicalWarehouse[] = [
  { name: "Хоругвино", cluster: MOSCOW, region: "Московская область", type: "fbo" },
  { name: "Тверь", cluster: "Тверь", region: "Тверская область", type: "fbo" },
  { name: "Казань", cluster: "Казань", region: "Республика Татарстан", type: "fbo" },
  { name: "Ростов-на-Дону", cluster: "Ростов", region: "Ростовская область", type: "fbo" },
  { name: "Новосибирск", cluster: "Новосибирск", region: "Новосибирская область", type: "fbo" },
  { name: "Екатеринбург", cluster: "Екатеринбург", region: "Свердловская область", type: "fbo" },
  {
    name: "Санкт-Петербург Шушары",
    cluster: "Санкт-Петербург и СЗО",
    region: "Санкт-Петербург",
    type: "fbo",
  },
  { name: "Пушкино", cluster: MOSCOW, region: "Московская область", type: "fbo" },
  { name: "Гривно", cluster: MOSCOW, region: "Москва", type: "fbo" },
  { name: "Самара", cluster: "Самара", region: "Самарская область", type: "fbo" },
  { name: "Краснодар", cluster: "Краснодар", region: "Краснодарский край", type: "fbo" },
  { name: "Невинномысск", cluster: "Невинномысск", region: "Ставропольский край", type: "fbo" },
  { name: "Петровское", cluster: MOSCOW, region: "Московская область", type: "fbo" },
  { name: "Софьино", cluster: MOSCOW, region: "Московская область", type: "fbo" },
];

const CFD = "Центральный федеральный округ";
const WB: CanonicalWarehouse[] = [
  { name: "Коледино", cluster: CFD, region: "Московская область", type: "fbo" },
  { name: "Подольск", cluster: CFD, region: "Московская область", type: "fbo" },
  { name: "Электросталь", cluster: CFD, region: "Московская область", type: "fbo" },
  { name: "Казань", cluster: "Приволжский федеральный округ", region: "Республика Татарстан", type: "fbo" },
  { name: "Краснодар", cluster: "Южный федеральный округ", region: "Краснодарский край", type: "fbo" },
  { name: "Тула", cluster: CFD, region: "Тульская область", type: "fbo" },
  {
    name: "Невинномысск",
    cluster: "Северо-Кавказский федеральный округ",
    region: "Ставропольский край",
    type: "fbo",
  },
  {
    name: "Екатеринбург - Испытателей 14г",
    cluster: "Уральский федеральный округ",
    region: "Свердловская область",
    type: "fbo",
  },
  {
    name: "Новосибирск",
    cluster: "Сибирский федеральный округ",
    region: "Новосибирская область",
    type: "fbo",
  },
  {
    name: "Санкт-Петербург Уткина Заводь",
    cluster: "Северо-Западный федеральный округ",
    region: "Ленинградская область",
    type: "fbo",
  },
  {
    name: "Хабаровск",
    cluster: "Дальневосточный федеральный округ",
    region: "Хабаровский край",
    type: "fbo",
  },
  { name: "Белые Столбы", cluster: CFD, region: "Московская область", type: "fbo" },
  // Totals WB reports instead of single warehouses (since 2026-08-15) and the stocks-report's one warehouse.
  { name: "Склад WB РФ", cluster: "Россия", region: "Россия", type: "unknown" },
  { name: "Склад WB СГТ РФ", cluster: "Россия", region: "Россия", type: "unknown" },
  { name: "Склад WB", cluster: "Россия", region: "Россия", type: "unknown" },
];

export function knownWarehousesOf(marketplace: Marketplace): readonly CanonicalWarehouse[] {
  return marketplace === "ozon" ? OZON : WB;
}

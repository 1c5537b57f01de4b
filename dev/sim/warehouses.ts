// Canonical warehouses of both marketplaces and the name variants their feeds write for each of them.

export type Marketplace = "ozon" | "wb";

export interface Warehouse {
  marketplace: Marketplace;
  /** The vendor's warehouse id (Ozon warehouse_id; WB warehouseId / officeId). */
  id: number;
  /** Canonical name: the truth always refers to this. */
  name: string;
  /** Ozon cluster or WB federal district. */
  cluster: string;
  clusterId: number;
  region: string;
  /** Ozon FBO warehouses vs the seller's own FBS warehouse. */
  type: "fbo" | "fbs";
  /** Spellings the feeds use besides the canonical name (case, spacing, Latin look-alikes, codes). */
  variants: string[];
}

const ozonList: Omit<Warehouse, "marketplace">[] = [
  {
    id: 15431806189000,
    name: "Хоругвино",
    cluster: "Москва, МО и Дальние регионы",
    clusterId: 4,
    region: "Московская область",
    type: "fbo",
    variants: ["ХОРУГВИНО_РФЦ", "Хоругвино ", "XОРУГВИНО_РФЦ"],
  },
  {
    id: 1020000089903000,
    name: "Тверь",
    cluster: "Тверь",
    clusterId: 146,
    region: "Тверская область",
    type: "fbo",
    variants: ["ТВЕРЬ_РФЦ", "тверь"],
  },
  {
    id: 1020000115166000,
    name: "Казань",
    cluster: "Казань",
    clusterId: 147,
    region: "Республика Татарстан",
    type: "fbo",
    variants: ["КАЗАНЬ_РФЦ_НОВЫЙ", "Kазань"],
  },
  {
    id: 17717042926000,
    name: "Ростов-на-Дону",
    cluster: "Ростов",
    clusterId: 7,
    region: "Ростовская область",
    type: "fbo",
    variants: ["РОСТОВ-НА-ДОНУ_РФЦ", "Ростов-на-дону", "Ростов  на Дону"],
  },
  {
    id: 20589891466000,
    name: "Новосибирск",
    cluster: "Новосибирск",
    clusterId: 9,
    region: "Новосибирская область",
    type: "fbo",
    variants: ["НОВОСИБИРСК_РФЦ_НОВЫЙ", "новосибирск"],
  },
  {
    id: 1020000087566000,
    name: "Екатеринбург",
    cluster: "Екатеринбург",
    clusterId: 8,
    region: "Свердловская область",
    type: "fbo",
    variants: ["ЕКАТЕРИНБУРГ_РФЦ_НОВЫЙ", "Eкатеринбург"],
  },
  {
    id: 22254230484000,
    name: "Санкт-Петербург Шушары",
    cluster: "Санкт-Петербург и СЗО",
    clusterId: 2,
    region: "Санкт-Петербург",
    type: "fbo",
    variants: ["САНКТ_ПЕТЕРБУРГ_РФЦ", "Санкт-Петербург  Шушары", "санкт-петербург шушары"],
  },
  {
    id: 1020000005937000,
    name: "Пушкино",
    cluster: "Москва, МО и Дальние регионы",
    clusterId: 4,
    region: "Московская область",
    type: "fbo",
    variants: ["ПУШКИНО_1_РФЦ", "Пушкинo"],
  },
  {
    id: 1020001336440000,
    name: "Гривно",
    cluster: "Москва, МО и Дальние регионы",
    clusterId: 4,
    region: "Москва",
    type: "fbo",
    variants: ["ГРИВНО_РФЦ"],
  },
  {
    id: 1020000075732000,
    name: "Самара",
    cluster: "Самара",
    clusterId: 12,
    region: "Самарская область",
    type: "fbo",
    variants: ["САМАРА_РФЦ", "Cамара"],
  },
  {
    id: 1020000094108000,
    name: "Краснодар",
    cluster: "Краснодар",
    clusterId: 10,
    region: "Краснодарский край",
    type: "fbo",
    variants: ["КРАСНОДАР_РФЦ", "Краснодар "],
  },
  {
    id: 1020001028346000,
    name: "Невинномысск",
    cluster: "Невинномысск",
    clusterId: 154,
    region: "Ставропольский край",
    type: "fbo",
    variants: ["НЕВИННОМЫССК_РФЦ"],
  },
  {
    id: 1020001176524000,
    name: "Петровское",
    cluster: "Москва, МО и Дальние регионы",
    clusterId: 4,
    region: "Московская область",
    type: "fbo",
    variants: ["ПЕТРОВСКОЕ_РФЦ"],
  },
  {
    id: 1020000901600000,
    name: "Софьино",
    cluster: "Москва, МО и Дальние регионы",
    clusterId: 4,
    region: "Московская область",
    type: "fbo",
    variants: ["СОФЬИНО_РФЦ", "Софьино  "],
  },
  {
    id: 1020002084622000,
    name: "Склад продавца Москва",
    cluster: "Москва, МО и Дальние регионы",
    clusterId: 4,
    region: "Москва",
    type: "fbs",
    variants: [],
  },
];

const wbList: Omit<Warehouse, "marketplace">[] = [
  {
    id: 507,
    name: "Коледино",
    cluster: "Центральный федеральный округ",
    clusterId: 1,
    region: "Московская область",
    type: "fbo",
    variants: ["КОЛЕДИНО", "Коледино ", "Kоледино"],
  },
  {
    id: 117501,
    name: "Подольск",
    cluster: "Центральный федеральный округ",
    clusterId: 1,
    region: "Московская область",
    type: "fbo",
    variants: ["ПОДОЛЬСК", "подольск"],
  },
  {
    id: 120762,
    name: "Электросталь",
    cluster: "Центральный федеральный округ",
    clusterId: 1,
    region: "Московская область",
    type: "fbo",
    variants: ["ЭЛЕКТРОСТАЛЬ", "Электросталь  "],
  },
  {
    id: 117986,
    name: "Казань",
    cluster: "Приволжский федеральный округ",
    clusterId: 4,
    region: "Республика Татарстан",
    type: "fbo",
    variants: ["КАЗАНЬ", "Kaзань"],
  },
  {
    id: 130744,
    name: "Краснодар",
    cluster: "Южный федеральный округ",
    clusterId: 3,
    region: "Краснодарский край",
    type: "fbo",
    variants: ["Краснодар (Тихорецкая)", "КРАСНОДАР"],
  },
  {
    id: 206348,
    name: "Тула",
    cluster: "Центральный федеральный округ",
    clusterId: 1,
    region: "Тульская область",
    type: "fbo",
    variants: ["ТУЛА", "Тулa"],
  },
  {
    id: 208277,
    name: "Невинномысск",
    cluster: "Северо-Кавказский федеральный округ",
    clusterId: 7,
    region: "Ставропольский край",
    type: "fbo",
    variants: ["НЕВИННОМЫССК"],
  },
  {
    id: 1733,
    name: "Екатеринбург - Испытателей 14г",
    cluster: "Уральский федеральный округ",
    clusterId: 5,
    region: "Свердловская область",
    type: "fbo",
    variants: ["Екатеринбург-Испытателей 14г", "Екатеринбург - Испытателей 14Г"],
  },
  {
    id: 686,
    name: "Новосибирск",
    cluster: "Сибирский федеральный округ",
    clusterId: 6,
    region: "Новосибирская область",
    type: "fbo",
    variants: ["НОВОСИБИРСК", "Новосибирск "],
  },
  {
    id: 2737,
    name: "Санкт-Петербург Уткина Заводь",
    cluster: "Северо-Западный федеральный округ",
    clusterId: 2,
    region: "Ленинградская область",
    type: "fbo",
    variants: ["СПб Уткина Заводь", "Санкт-Петербург  Уткина Заводь"],
  },
  {
    id: 1193,
    name: "Хабаровск",
    cluster: "Дальневосточный федеральный округ",
    clusterId: 8,
    region: "Хабаровский край",
    type: "fbo",
    variants: ["ХАБАРОВСК"],
  },
  {
    id: 206236,
    name: "Белые Столбы",
    cluster: "Центральный федеральный округ",
    clusterId: 1,
    region: "Московская область",
    type: "fbo",
    variants: ["БЕЛЫЕ СТОЛБЫ", "Белые  Столбы"],
  },
];

export const OZON_WAREHOUSES: readonly Warehouse[] = ozonList.map((w) => ({ ...w, marketplace: "ozon" }));
export const WB_WAREHOUSES: readonly Warehouse[] = wbList.map((w) => ({ ...w, marketplace: "wb" }));

/**
 * The seller's own warehouses on WB (FBS), as GET /api/v3/warehouses lists them: named by the seller, so no feed
 * spells them differently. `officeId` is the WB office that collects from them.
 */
export const WB_SELLER_WAREHOUSES: readonly (Warehouse & { officeId: number })[] = [
  {
    marketplace: "wb",
    id: 1_204_771,
    officeId: 15,
    name: "Собственный склад Реутов, ул. Победы 3",
    cluster: "Центральный федеральный округ",
    clusterId: 1,
    region: "Московская область",
    type: "fbs",
    variants: [],
  },
  {
    marketplace: "wb",
    id: 1_204_802,
    officeId: 120,
    name: "Собственный склад Набережные Челны",
    cluster: "Приволжский федеральный округ",
    clusterId: 3,
    region: "Республика Татарстан",
    type: "fbs",
    variants: [],
  },
];

export function warehousesOf(marketplace: Marketplace): readonly Warehouse[] {
  return marketplace === "ozon" ? OZON_WAREHOUSES : WB_WAREHOUSES;
}

/** Rows of the WB warehouse-remains report that are totals or goods in transit, never stock at a warehouse. */
export const WB_REMAINS_PSEUDO_ROWS = [
  "В пути до получателей",
  "В пути возвраты на склад WB",
  "Всего находится на складах",
];
/** Since 2026-08-15 WB may report Russian warehouses as these totals. */
export const WB_AGGREGATE_RF = "Склад WB РФ";
export const WB_AGGREGATE_SGT = "Склад WB СГТ РФ";
/** The single pseudo-warehouse the stocks-report spec describes. */
export const WB_STOCKS_REPORT_WAREHOUSE = { id: -999999, name: "Склад WB" };

/**
 * The name a feed writes for a warehouse: mostly canonical, sometimes a variant, chosen deterministically by a
 * per-row key so the same row always gets the same spelling from the same endpoint.
 */
export function spellWarehouse(warehouse: Warehouse, rowKey: number, endpointSalt: number): string {
  if (warehouse.variants.length === 0) return warehouse.name;
  const mix = ((rowKey * 2654435761) ^ endpointSalt) >>> 0;
  if (mix % 10 < 6) return warehouse.name;
  return warehouse.variants[mix % warehouse.variants.length] ?? warehouse.name;
}

export type AliasKind = "warehouse" | "pseudo" | "aggregate";

export interface WarehouseAlias {
  marketplace: Marketplace;
  /** The name exactly as a feed writes it. */
  name: string;
  kind: AliasKind;
  /** The canonical warehouse, or null for pseudo-rows and aggregates. */
  canonicalId: number | null;
  canonicalName: string | null;
}

/** Every name any feed can write, each mapped to its canonical warehouse (or marked pseudo/aggregate). */
export function warehouseAliases(): WarehouseAlias[] {
  const aliases: WarehouseAlias[] = [];
  for (const w of [...OZON_WAREHOUSES, ...WB_WAREHOUSES]) {
    for (const name of [w.name, ...w.variants]) {
      aliases.push({
        marketplace: w.marketplace,
        name,
        kind: "warehouse",
        canonicalId: w.id,
        canonicalName: w.name,
      });
    }
  }
  for (const name of WB_REMAINS_PSEUDO_ROWS) {
    aliases.push({ marketplace: "wb", name, kind: "pseudo", canonicalId: null, canonicalName: null });
  }
  for (const name of [WB_AGGREGATE_RF, WB_AGGREGATE_SGT, WB_STOCKS_REPORT_WAREHOUSE.name]) {
    aliases.push({ marketplace: "wb", name, kind: "aggregate", canonicalId: null, canonicalName: null });
  }
  return aliases;
}

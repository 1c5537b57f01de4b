// The seller's products and their listings on Ozon and Wildberries, generated deterministically from a seed.

import type { Random } from "./random.js";

/** How a listing's stock looks at the start: drives the stock generator and replenishment. */
export type StockProfile = "out" | "gone" | "low" | "normal" | "overstock";

export interface Product {
  /** The seller's own article; shared by both marketplaces. */
  article: string;
  name: string;
  category: string;
  subject: string;
  brand: string;
  sizes: string[];
  /** Base price before discount, RUB. */
  priceRub: number;
  discountPercent: number;
  volumeLitres: number;
}

interface ListingBase {
  /** Index within its marketplace's listing array. */
  index: number;
  product: Product;
  /** Size label; "0" for one-size goods (as WB writes it). */
  size: string;
  /** Average units sold per day. */
  velocity: number;
  profile: StockProfile;
}

export interface OzonListing extends ListingBase {
  marketplace: "ozon";
  productId: number;
  sku: number;
  /** Equals the product article for one-size goods, `${article}-${size}` otherwise. */
  offerId: string;
  archived: boolean;
}

export interface WbListing extends ListingBase {
  marketplace: "wb";
  nmId: number;
  chrtId: number;
  barcode: string;
  techSize: string;
  /** Card-level seller article (vendorCode): equals the product article. */
  supplierArticle: string;
}

export type Listing = OzonListing | WbListing;

export interface Catalog {
  products: Product[];
  ozon: OzonListing[];
  wb: WbListing[];
}

interface Category {
  category: string;
  subject: string;
  nouns: string[];
  sizes: string[][];
  price: [number, number];
  volume: number;
}

const CATEGORIES: Category[] = [
  {
    category: "Одежда",
    subject: "Футболки",
    nouns: ["Футболка оверсайз", "Футболка базовая", "Лонгслив"],
    sizes: [
      ["S", "M", "L", "XL"],
      ["44", "46", "48", "50", "52"],
    ],
    price: [590, 1990],
    volume: 0.6,
  },
  {
    category: "Одежда",
    subject: "Худи",
    nouns: ["Худи на молнии", "Толстовка", "Свитшот"],
    sizes: [["S", "M", "L", "XL", "XXL"]],
    price: [1890, 4990],
    volume: 1.8,
  },
  {
    category: "Одежда",
    subject: "Джинсы",
    nouns: ["Джинсы прямые", "Джинсы скинни", "Брюки карго"],
    sizes: [["44", "46", "48", "50", "52", "54"]],
    price: [1990, 5490],
    volume: 1.2,
  },
  {
    category: "Обувь",
    subject: "Кроссовки",
    nouns: ["Кроссовки беговые", "Кеды", "Кроссовки зимние"],
    sizes: [["37", "38", "39", "40", "41", "42", "43"]],
    price: [2490, 8990],
    volume: 6,
  },
  {
    category: "Дом",
    subject: "Постельное белье",
    nouns: ["Комплект постельного белья сатин", "Комплект постельного белья бязь"],
    sizes: [["1,5 сп", "2 сп", "евро"]],
    price: [1990, 6990],
    volume: 4,
  },
  {
    category: "Дом",
    subject: "Полотенца",
    nouns: ["Полотенце махровое", "Набор полотенец"],
    sizes: [["0"]],
    price: [390, 1890],
    volume: 1.5,
  },
  {
    category: "Красота",
    subject: "Кремы",
    nouns: ["Крем для лица увлажняющий", "Крем для рук", "Сыворотка с витамином C"],
    sizes: [["0"]],
    price: [290, 1490],
    volume: 0.2,
  },
  {
    category: "Электроника",
    subject: "Наушники",
    nouns: ["Наушники беспроводные", "Наушники накладные"],
    sizes: [["0"]],
    price: [990, 7990],
    volume: 0.5,
  },
  {
    category: "Электроника",
    subject: "Чехлы для телефонов",
    nouns: ["Чехол силиконовый", "Чехол-книжка"],
    sizes: [["0"]],
    price: [199, 890],
    volume: 0.1,
  },
  {
    category: "Детские товары",
    subject: "Игрушки",
    nouns: ["Конструктор", "Мягкая игрушка", "Пазл 500 деталей"],
    sizes: [["0"]],
    price: [490, 3490],
    volume: 2.5,
  },
  {
    category: "Спорт",
    subject: "Коврики для йоги",
    nouns: ["Коврик для йоги", "Коврик для фитнеса"],
    sizes: [["0"]],
    price: [890, 2990],
    volume: 3,
  },
  {
    category: "Кухня",
    subject: "Сковороды",
    nouns: ["Сковорода антипригарная", "Сковорода-гриль"],
    sizes: [["24", "26", "28"]],
    price: [1290, 4590],
    volume: 3.5,
  },
];

const BRANDS = [
  "Северный Ветер",
  "UrbanFox",
  "Мягкий Дом",
  "TechNest",
  "Лисья Нора",
  "PROsport",
  "Бабушкин Сад",
  "Nordika",
];
const COLOURS = ["чёрный", "белый", "серый", "бежевый", "синий", "зелёный", "бордовый", "графит"];
const ARTICLE_PREFIX = ["MI", "NV", "LX", "DM", "ST"];

const PROFILE_WEIGHTS: [StockProfile, number][] = [
  ["out", 8],
  ["gone", 5],
  ["low", 25],
  ["normal", 47],
  ["overstock", 15],
];

function velocityFor(random: Random, profile: StockProfile): number {
  if (random.chance(0.15)) return 0;
  const base = -Math.log(Math.max(random.next(), 1e-9)) * 0.5;
  const factor = profile === "overstock" ? 0.4 : profile === "low" || profile === "out" ? 1.4 : 1;
  return Math.round(base * factor * 1000) / 1000;
}

/** Generates products until there are `size` listings across both marketplaces. */
export function generateCatalog(random: Random, size: number): Catalog {
  const catalog: Catalog = { products: [], ozon: [], wb: [] };
  const usedIds = new Set<number>();
  const uniqueId = (digits: number): number => {
    for (;;) {
      const id = Number(random.digits(digits));
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  };
  let ordinal = 0;
  while (catalog.ozon.length + catalog.wb.length < size) {
    ordinal++;
    const kind = random.pick(CATEGORIES);
    const sizes = random.pick(kind.sizes);
    const price = Math.round(random.int(kind.price[0], kind.price[1]) / 100) * 100 - 10;
    const product: Product = {
      article: `${random.pick(ARTICLE_PREFIX)}-${String(ordinal).padStart(5, "0")}`,
      name: `${random.pick(kind.nouns)} ${random.pick(COLOURS)}`,
      category: kind.category,
      subject: kind.subject,
      brand: random.pick(BRANDS),
      sizes,
      priceRub: Math.max(price, 99),
      discountPercent: random.pick([0, 10, 15, 20, 25, 30, 40, 50]),
      volumeLitres: kind.volume,
    };
    catalog.products.push(product);
    const where = random.weighted<"both" | "ozon" | "wb">([
      ["both", 60],
      ["ozon", 20],
      ["wb", 20],
    ]);
    const nmId = where === "ozon" ? 0 : uniqueId(9);
    for (const sizeLabel of sizes) {
      if (catalog.ozon.length + catalog.wb.length >= size) break;
      if (where !== "wb") {
        const profile = random.weighted(PROFILE_WEIGHTS);
        catalog.ozon.push({
          marketplace: "ozon",
          index: catalog.ozon.length,
          product,
          size: sizeLabel,
          velocity: velocityFor(random, profile),
          profile,
          productId: uniqueId(9),
          sku: uniqueId(10),
          offerId: sizeLabel === "0" ? product.article : `${product.article}-${sizeLabel}`,
          archived: profile === "gone" && random.chance(0.3),
        });
      }
      if (where !== "ozon" && catalog.ozon.length + catalog.wb.length < size) {
        const profile = random.weighted(PROFILE_WEIGHTS);
        catalog.wb.push({
          marketplace: "wb",
          index: catalog.wb.length,
          product,
          size: sizeLabel,
          velocity: velocityFor(random, profile),
          profile,
          nmId,
          chrtId: uniqueId(9),
          barcode: `20${random.digits(11)}`,
          techSize: sizeLabel,
          supplierArticle: product.article,
        });
      }
    }
  }
  return catalog;
}

/** The listing's display name as the marketplace shows it. */
export function listingName(listing: Listing): string {
  const p = listing.product;
  return listing.size === "0" ? `${p.name}, ${p.brand}` : `${p.name}, ${p.brand}, размер ${listing.size}`;
}

/** Price after the seller's discount, RUB. */
export function discountedPrice(product: Product): number {
  return Math.round(product.priceRub * (1 - product.discountPercent / 100));
}

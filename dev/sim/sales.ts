// Orders and their futures (cancel, delivery/sale, return) with weekly seasonality, for both marketplaces.

import { discountedPrice, type OzonListing, type WbListing } from "./catalog.js";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "./clock.js";
import type { Random } from "./random.js";
import type { Warehouse } from "./warehouses.js";

export interface Region {
  country: string;
  okrug: string;
  region: string;
  city: string;
}

const REGIONS: Region[] = [
  { country: "Россия", okrug: "Центральный федеральный округ", region: "Москва", city: "Москва" },
  { country: "Россия", okrug: "Центральный федеральный округ", region: "Московская область", city: "Химки" },
  {
    country: "Россия",
    okrug: "Северо-Западный федеральный округ",
    region: "Санкт-Петербург",
    city: "Санкт-Петербург",
  },
  {
    country: "Россия",
    okrug: "Приволжский федеральный округ",
    region: "Республика Татарстан",
    city: "Казань",
  },
  {
    country: "Россия",
    okrug: "Приволжский федеральный округ",
    region: "Нижегородская область",
    city: "Нижний Новгород",
  },
  { country: "Россия", okrug: "Южный федеральный округ", region: "Краснодарский край", city: "Краснодар" },
  {
    country: "Россия",
    okrug: "Южный федеральный округ",
    region: "Ростовская область",
    city: "Ростов-на-Дону",
  },
  {
    country: "Россия",
    okrug: "Уральский федеральный округ",
    region: "Свердловская область",
    city: "Екатеринбург",
  },
  {
    country: "Россия",
    okrug: "Сибирский федеральный округ",
    region: "Новосибирская область",
    city: "Новосибирск",
  },
  {
    country: "Россия",
    okrug: "Дальневосточный федеральный округ",
    region: "Приморский край",
    city: "Владивосток",
  },
  { country: "Казахстан", okrug: "", region: "Алматы", city: "Алматы" },
  { country: "Беларусь", okrug: "", region: "Минская область", city: "Минск" },
];

export interface WbOrder {
  srid: string;
  gNumber: string;
  listing: WbListing;
  warehouse: Warehouse;
  /** Order time (ms). */
  date: number;
  cancelAt: number | null;
  saleAt: number | null;
  returnAt: number | null;
  saleId: string;
  returnId: string;
  totalPrice: number;
  discountPercent: number;
  spp: number;
  finishedPrice: number;
  priceWithDisc: number;
  forPay: number;
  region: Region;
  /** Orders generated as history before the start have no effect on stock. */
  history: boolean;
}

export interface OzonPosting {
  postingNumber: string;
  orderId: number;
  listing: OzonListing;
  quantity: number;
  /** Unit price, RUB. */
  price: number;
  warehouse: Warehouse;
  createdAt: number;
  inProcessAt: number;
  shipAt: number;
  cancelAt: number | null;
  deliverAt: number | null;
  region: Region;
  history: boolean;
}

/** Share of Ozon postings for two units (the rest are for one): an Ozon order is 1.1 units on average. */
export const OZON_TWO_UNIT_SHARE = 0.1;

/** Units a WB order (always one) or an Ozon posting carries on average. */
export function unitsPerOrder(marketplace: "ozon" | "wb"): number {
  return marketplace === "ozon" ? 1 + OZON_TWO_UNIT_SHARE : 1;
}

/** Relative demand by Moscow weekday (0 = Sunday) and hour: weekends and evenings sell more. */
const WEEKDAY = [1.25, 0.9, 0.9, 0.95, 1.0, 1.05, 1.2];
const HOUR = [
  0.3, 0.2, 0.15, 0.1, 0.1, 0.2, 0.4, 0.7, 0.9, 1.1, 1.2, 1.3, 1.3, 1.3, 1.2, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7,
  1.6, 1.2, 0.7,
];
const HOUR_MEAN = HOUR.reduce((a, b) => a + b, 0) / 24;
const WEEKDAY_MEAN = WEEKDAY.reduce((a, b) => a + b, 0) / 7;
const DEMAND_MAX = (Math.max(...WEEKDAY) / WEEKDAY_MEAN) * (Math.max(...HOUR) / HOUR_MEAN);

/** Demand multiplier at a moment; averages 1 over a week. */
export function demandAt(ms: number): number {
  const moscow = new Date(ms + 3 * HOUR_MS);
  return (
    ((WEEKDAY[moscow.getUTCDay()] ?? 1) / WEEKDAY_MEAN) * ((HOUR[moscow.getUTCHours()] ?? 1) / HOUR_MEAN)
  );
}

/** Integral of demand over [from, to) in days (so expected orders = velocity × this). */
export function demandDays(from: number, to: number): number {
  let total = 0;
  for (let t = from; t < to; ) {
    const next = Math.min(to, Math.floor(t / HOUR_MS) * HOUR_MS + HOUR_MS);
    total += (demandAt(t) * (next - t)) / DAY_MS;
    t = next;
  }
  return total;
}

/** Order moments for one listing in [from, to), sorted; `weight` is demandDays(from, to). */
export function orderTimes(
  random: Random,
  velocity: number,
  from: number,
  to: number,
  weight: number,
): number[] {
  const count = random.poisson(velocity * weight);
  const times: number[] = [];
  while (times.length < count) {
    const t = from + Math.floor(random.next() * (to - from));
    if (random.next() * DEMAND_MAX < demandAt(t)) times.push(t);
  }
  return times.sort((a, b) => a - b);
}

/** Unique, vendor-looking ids from counters (a random prefix per world keeps them realistic). */
export class IdSource {
  private counter = 0;
  private readonly prefix: string;

  constructor(random: Random) {
    this.prefix = random.digits(6);
  }

  next(): number {
    return ++this.counter;
  }

  srid(): string {
    return `${this.prefix}${String(this.next()).padStart(13, "0")}.0.0`;
  }

  postingNumber(): { postingNumber: string; orderId: number } {
    const n = this.next();
    const orderNumber = `${this.prefix.slice(0, 2)}${String(n).padStart(8, "0")}`;
    return {
      postingNumber: `${orderNumber}-${String((n * 37) % 10000).padStart(4, "0")}-1`,
      orderId: Number(orderNumber) * 10 + 7,
    };
  }

  saleId(kind: "S" | "R"): string {
    return `${kind}${String(this.next()).padStart(10, "0")}`;
  }

  gNumber(): string {
    return `${this.prefix}${String(this.next()).padStart(14, "0")}`;
  }
}

export function makeWbOrder(
  random: Random,
  ids: IdSource,
  listing: WbListing,
  warehouse: Warehouse,
  date: number,
  history: boolean,
): WbOrder {
  const product = listing.product;
  const cancelled = random.chance(0.08);
  const sold = !cancelled && random.chance(0.85);
  const saleAt = sold ? date + random.int(2 * 24, 6 * 24) * HOUR_MS + random.int(0, 59) * MINUTE_MS : null;
  const returned = saleAt !== null && random.chance(0.04);
  const spp = random.pick([0, 5, 10, 15, 20, 25]);
  const priceWithDisc = discountedPrice(product);
  const finishedPrice = Math.round(priceWithDisc * (1 - spp / 100));
  return {
    srid: ids.srid(),
    gNumber: ids.gNumber(),
    listing,
    warehouse,
    date,
    cancelAt: cancelled ? date + random.int(1, 48) * HOUR_MS : null,
    saleAt,
    returnAt: returned && saleAt !== null ? saleAt + random.int(1, 7) * DAY_MS : null,
    saleId: ids.saleId("S"),
    returnId: ids.saleId("R"),
    totalPrice: product.priceRub,
    discountPercent: product.discountPercent,
    spp,
    finishedPrice,
    priceWithDisc,
    forPay: Math.round(priceWithDisc * 0.78 * 100) / 100,
    region: random.pick(REGIONS),
    history,
  };
}

export function makeOzonPosting(
  random: Random,
  ids: IdSource,
  listing: OzonListing,
  warehouse: Warehouse,
  createdAt: number,
  history: boolean,
): OzonPosting {
  const cancelled = random.chance(0.07);
  const shipAt = createdAt + random.int(12, 36) * HOUR_MS;
  const { postingNumber, orderId } = ids.postingNumber();
  return {
    postingNumber,
    orderId,
    listing,
    quantity: random.chance(1 - OZON_TWO_UNIT_SHARE) ? 1 : 2,
    price: discountedPrice(listing.product),
    warehouse,
    createdAt,
    inProcessAt: createdAt + random.int(1, 30) * MINUTE_MS,
    shipAt,
    cancelAt: cancelled ? createdAt + random.int(1, 11) * HOUR_MS : null,
    deliverAt: cancelled ? null : shipAt + random.int(1, 4) * DAY_MS + random.int(0, 600) * MINUTE_MS,
    region: random.pick(REGIONS.filter((r) => r.country === "Россия")),
    history,
  };
}

/** Ozon posting status at a moment. */
export function postingStatus(posting: OzonPosting, now: number): string {
  if (posting.cancelAt !== null && posting.cancelAt <= now) return "cancelled";
  if (posting.deliverAt !== null && posting.deliverAt <= now) return "delivered";
  if (now >= posting.shipAt) return "delivering";
  if (now >= posting.inProcessAt) return "awaiting_deliver";
  return "awaiting_packaging";
}

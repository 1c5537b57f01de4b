// Inventory search through the Worker: the article, the name's words in any order and letter case (Cyrillic
// too), a WB nmId, an Ozon SKU and a barcode each find the product, in every scope, and never another tenant's.

import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { listings, products } from "../../../db/schema";
import { useTestDatabase } from "../../support/worker-database";
import { type Catalog, db, get, seedAcmeAndGlobex, signIn } from "./fixtures";

useTestDatabase();

interface InventoryPage {
  items: Array<{ article: string }>;
  total: number;
}

let shop: Catalog;
let globexShop: Catalog;
let cookie: string;

async function articles(query: string): Promise<string[]> {
  const response = await get(`/api/inventory?sort=article&${query}`, "10.7.9.1", { cookie });
  expect(response.status).toBe(200);
  return ((await response.json()) as InventoryPage).items.map((item) => item.article);
}

function search(text: string): string {
  return `search=${encodeURIComponent(text)}`;
}

beforeAll(async () => {
  let acme: { users: { viewer: { email: string } } };
  ({ acme, shop, globexShop } = await seedAcmeAndGlobex());
  cookie = await signIn(acme.users.viewer.email, "10.7.9.0");
  const database = db();
  // A-001 Red coat on WB (Koledino) and A-004 Hat on Ozon (Tver) carry the marketplace identifiers.
  await database
    .update(listings)
    .set({ wbNmId: 123456789, barcode: "4600000000017" })
    .where(eq(listings.id, shop.listings["A-001:wb"] as number));
  await database
    .update(listings)
    .set({ ozonSku: 987654321, barcode: "2000000000053" })
    .where(eq(listings.id, shop.listings["A-004:ozon"] as number));
  // Another tenant's boot shares the nmId and the barcode: it must never show in acme's list.
  await database
    .update(listings)
    .set({ wbNmId: 123456789, barcode: "4600000000017" })
    .where(eq(listings.id, globexShop.listings["G-001:wb"] as number));
});

describe("GET /api/inventory?search", () => {
  it("finds by article, also a part of it", async () => {
    expect(await articles(search("A-004"))).toEqual(["A-004"]);
    expect(await articles(search("a-00"))).toEqual(["A-001", "A-002", "A-003", "A-004", "A-005"]);
  });

  it("finds by the name's words in any order", async () => {
    expect(await articles(search("coat red"))).toEqual(["A-001"]);
    expect(await articles(search("Red  Coat"))).toEqual(["A-001"]);
    expect(await articles(search("coat"))).toEqual(["A-001", "A-002"]);
    expect(await articles(search("coat green"))).toEqual([]);
  });

  it("finds by WB nmId, Ozon SKU and barcode, only this tenant's product", async () => {
    expect(await articles(search("123456789"))).toEqual(["A-001"]);
    expect(await articles(search("987654321"))).toEqual(["A-004"]);
    expect(await articles(search("4600000000017"))).toEqual(["A-001"]);
    expect(await articles(search("2000000000053"))).toEqual(["A-004"]);
    // A part of an identifier is not a match, and digits past bigint are not an error.
    expect(await articles(search("12345678"))).toEqual([]);
    expect(await articles(search("99999999999999999999"))).toEqual([]);
  });

  it("searches the same way inside one marketplace or warehouse", async () => {
    expect(await articles(`marketplace=wb&${search("123456789")}`)).toEqual(["A-001"]);
    expect(await articles(`marketplace=ozon&${search("987654321")}`)).toEqual(["A-004"]);
    expect(await articles(`warehouseId=${shop.warehouses.Tver}&${search("coat red")}`)).toEqual(["A-001"]);
    // The nmId names the product, whose Ozon stock the Ozon scope then shows.
    expect(await articles(`marketplace=ozon&${search("123456789")}`)).toEqual(["A-001"]);
  });

  it("an empty or blank search is no filter, on the inventory and the dashboard", async () => {
    const all = await articles("");
    expect(all.length).toBeGreaterThan(1);
    for (const query of [
      "search=",
      "search=%20%20",
      "search=%09",
      `search=${encodeURIComponent("\u200b \ufeff")}`,
    ])
      expect(await articles(query), query).toEqual(all);
    const unfiltered = await get("/api/dashboard", "10.7.9.2", { cookie });
    const cleared = await get("/api/dashboard?search=", "10.7.9.2", { cookie });
    expect(cleared.status, await cleared.clone().text()).toBe(200);
    expect(await cleared.json()).toEqual(await unfiltered.json());
  });

  it("ignores invisible characters pasted with the words (zero-width, BOM, soft hyphen, stress mark)", async () => {
    expect(await articles(search("red\u200b coat"))).toEqual(["A-001"]);
    expect(await articles(search("\ufeffA-004"))).toEqual(["A-004"]);
    expect(await articles(search("co\u00adat r\u200ced\u200d"))).toEqual(["A-001"]);
    expect(await articles(search("\u2060123456789\u200e"))).toEqual(["A-001"]);
    const id = shop.products["A-002"] as number;
    await db().update(products).set({ name: "Шуба зимняя" }).where(eq(products.id, id));
    // A stress mark over a vowel, and й sent as и with a combining breve.
    expect(await articles(search("шу\u0301ба"))).toEqual(["A-002"]);
    await db().update(products).set({ name: "Шарф пуховый" }).where(eq(products.id, id));
    expect(await articles(search("пуховыи\u0306"))).toEqual(["A-002"]);
  });

  it("takes % and _ literally", async () => {
    expect(await articles(search("%"))).toEqual([]);
    expect(await articles(search("A_00"))).toEqual([]);
  });

  it("finds a Russian name in any letter case and with е for ё, and follows a renamed product", async () => {
    const id = shop.products["A-003"] as number;
    await db().update(products).set({ name: "Футболка хлопковая Ёлка" }).where(eq(products.id, id));
    expect(await articles(search("ФУТБОЛКА"))).toEqual(["A-003"]);
    expect(await articles(search("ёлка футб"))).toEqual(["A-003"]);
    // ё and е are one letter to a search, either way round (sellers type е).
    expect(await articles(search("елка"))).toEqual(["A-003"]);
    await db().update(products).set({ name: "Худи чёрный" }).where(eq(products.id, id));
    expect(await articles(search("ЧЕРНЫЙ худи"))).toEqual(["A-003"]);
    expect(await articles(search("чёрн"))).toEqual(["A-003"]);
    // Latin look-alike letters in a Russian word (copied from a listing that mixes the scripts) still find it.
    expect(await articles(search("чеpный xуди"))).toEqual(["A-003"]);
    expect(await articles(search("хyди"))).toEqual(["A-003"]);
    expect(await articles(search("а-003"))).toEqual([]);
    await db().update(products).set({ name: "Пальто" }).where(eq(products.id, id));
    expect(await articles(search("черный"))).toEqual([]);
    expect(await articles(search("футболка"))).toEqual([]);
    expect(await articles(search("пальто"))).toEqual(["A-003"]);
  });
});

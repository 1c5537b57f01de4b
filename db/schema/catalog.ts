// The seller's catalogue: products (the seller's own article, across marketplaces) and listings (one
// product on one marketplace account, with that marketplace's identifiers).

import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  index,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { marketplaceAccounts } from "./accounts";
import { marketplaceEnum } from "./enums";
import { organizations } from "./organizations";

export const products = pgTable(
  "products",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    // The seller's own article: Ozon offer_id, WB supplierArticle / vendorCode.
    article: text("article").notNull(),
    name: text("name").notNull().default(""),
    brand: text("brand"),
    category: text("category"),
    // What a search matches the words against (db/queries/inventory-search.ts): the article and the name,
    // lower-cased once when written and ё read as е (as Russian is typed), so a search compares bytes (LIKE)
    // instead of lower-casing both per row.
    searchText: text("search_text")
      .notNull()
      .generatedAlwaysAs(sql`replace(lower(article || ' ' || name), 'ё', 'е')`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("products_org_article_key").on(t.orgId, t.article),
    index("products_org_category_idx").on(t.orgId, t.category),
  ],
);

export const listings = pgTable(
  "listings",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    productId: bigint("product_id", { mode: "number" })
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    accountId: uuid("account_id")
      .notNull()
      .references(() => marketplaceAccounts.id, { onDelete: "cascade" }),
    marketplace: marketplaceEnum("marketplace").notNull(),
    // Stable identity within the account: Ozon "sku:<sku>", WB "nm:<nmId>:<techSize>".
    externalKey: text("external_key").notNull(),
    ozonSku: bigint("ozon_sku", { mode: "number" }),
    ozonProductId: bigint("ozon_product_id", { mode: "number" }),
    offerId: text("offer_id"),
    wbNmId: bigint("wb_nm_id", { mode: "number" }),
    wbChrtId: bigint("wb_chrt_id", { mode: "number" }),
    barcode: text("barcode"),
    size: text("size"),
    name: text("name").notNull().default(""),
    price: numeric("price", { precision: 14, scale: 2 }),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("listings_account_key").on(t.accountId, t.externalKey),
    // product_id first: deleting a product looks its listings up by product_id alone (the FK's cascade).
    index("listings_product_idx").on(t.productId),
    index("listings_ozon_sku_idx").on(t.accountId, t.ozonSku),
    index("listings_wb_chrt_idx").on(t.accountId, t.wbChrtId),
    index("listings_barcode_idx").on(t.accountId, t.barcode),
  ],
);

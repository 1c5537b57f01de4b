// What a seller's search text matches in the catalogue: every word in the article or the name in any order,
// or a marketplace identifier of one of the product's listings (WB nmId, Ozon SKU, barcode). One SQL
// predicate over products p, shared by every list that takes `search`.
import { type SQL, sql } from "drizzle-orm";
import { cyrillicReading, searchWords } from "../../domain/search-words";

/** Largest bigint: a longer run of digits cannot be an nmId or a SKU (and would overflow the cast). */
const BIGINT_MAX = 9223372036854775807n;

/** The text with LIKE's wildcards and escape character taken literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** A LIKE pattern for `text` anywhere, folded in SQL as `products.search_text` is (the same lower(), ё as е). */
function contains(text: string): SQL {
  return sql`replace(lower(${`%${escapeLike(text)}%`}::text), 'ё', 'е')`;
}

/** The digits as a bigint the listings' id columns can compare with, or undefined when they cannot be one. */
function marketplaceId(text: string): string | undefined {
  if (!/^[0-9]{1,19}$/.test(text)) return undefined;
  const value = BigInt(text);
  return value > 0n && value <= BIGINT_MAX ? value.toString() : undefined;
}

/**
 * A condition on products `p` (and their listings) that holds when the product matches `search`:
 * each word of the text occurs in the name or the article, in any order, whatever the letter case and ё or е (an
 * article containing the whole text contains each of its words); or one of its listings has that WB nmId,
 * Ozon SKU or barcode exactly. The words are matched in `p.search_text` (article, a space, name: a word has
 * no whitespace, so it cannot match across the two). Characters nobody sees are not searched for
 * (domain/search-words.ts); a text of nothing else matches every product. A word mixing Cyrillic with Latin
 * letters drawn alike also matches as read all in Cyrillic.
 */
export function productSearchSql(search: string): SQL {
  const words = searchWords(search);
  if (words.length === 0) return sql`true`;
  const text = words.join(" ");
  const everyWord = sql.join(
    words.map((word) => {
      const reading = cyrillicReading(word);
      return reading === undefined
        ? sql`p.search_text like ${contains(word)}`
        : sql`(p.search_text like ${contains(word)} or p.search_text like ${contains(reading)})`;
    }),
    sql` and `,
  );
  const id = marketplaceId(text);
  const listingMatch =
    id === undefined
      ? sql`l.barcode = ${text}`
      : sql`(l.barcode = ${text} or l.wb_nm_id = ${id}::bigint or l.ozon_sku = ${id}::bigint)`;
  // The listings that match, as an uncorrelated IN: the planner hashes their product ids once per statement,
  // where a correlated EXISTS probed listings for every product the text did not match.
  return sql`((${everyWord}) or p.id in (select l.product_id from listings l where ${listingMatch}))`;
}

/**
 * The ids of the organization's products that match `search` (productSearchSql), for a list over a read model
 * to keep `product_id in (…)`: recommendations per product and per warehouse.
 */
export function searchedProductIdsSql(orgId: string, search: string): SQL {
  return sql`select p.id from products p where p.org_id = ${orgId} and ${productSearchSql(search)}`;
}

// Query and path parameter schemas shared by several routes: scope filters, paging, ids, periods, and
// the text and number shapes every client value takes before it may reach PostgreSQL.
import { z } from "@hono/zod-openapi";
import { MARKETPLACES } from "../../db/schema/enums";
import { searchWords } from "../../domain/search-words";

/** PostgreSQL's int4: every serial id and every limit the API passes on fits in it. */
export const INT4_MAX = 2_147_483_647;

/** UTF-8 (so PostgreSQL) cannot carry an unpaired surrogate. */
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** PostgreSQL text refuses the NUL character; UTF-8 cannot carry an unpaired surrogate. */
function storable(value: string): boolean {
  return !value.includes("\0") && !UNPAIRED_SURROGATE.test(value);
}

/** Text a client sends that may reach the database: no NUL byte, no unpaired surrogate. */
export function text() {
  return z.string().refine(storable, "must not contain NUL or unpaired surrogates");
}

/** Control and format characters (zero-width spaces, bidi overrides): invisible, so two names would look alike. */
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;

/** A name people tell apart by reading it (an account's, the organization's): text without invisible characters. */
export function displayName() {
  return text().refine(
    (value) => !INVISIBLE.test(value),
    "must not contain invisible or control characters (zero-width spaces, direction marks)",
  );
}

/**
 * A whole number written in plain decimal (no `0x10`, `1e3`, `+1`, `016` or spaces), from `min` to `max`
 * (at most int4): what a query string or path segment may carry as a number.
 */
export function wholeNumber(min: number, max: number = INT4_MAX) {
  const message = `expected a whole number from ${min} to ${max}`;
  return z
    .string()
    .regex(/^(0|[1-9][0-9]{0,9})$/, message)
    .transform(Number)
    .refine((value) => value >= min && value <= max, message)
    .openapi({ type: "integer", minimum: min, maximum: max });
}

/** An id of a serial row (warehouses, products, aliases). */
export const Int4Id = () => wholeNumber(1);

/**
 * A search box's text, its words as the search reads them (domain/search-words.ts): an empty or blank one, or one
 * of invisible characters only (a seller cleared the box: `search=`), is no filter rather than a 400.
 */
export function searchText() {
  return text()
    .trim()
    .max(200)
    .transform((value) => searchWords(value).join(" ") || undefined)
    .optional()
    .openapi({
      description:
        "Matches the article, the name's words in any order, a WB nmId, an Ozon SKU or a barcode; empty or blank: no filter",
    });
}

export const ScopeQuery = z.strictObject({
  marketplace: z.enum(MARKETPLACES).optional().openapi({ description: "Only this marketplace's stock" }),
  warehouseId: Int4Id().optional().openapi({ description: "Only this warehouse's stock" }),
  category: text().trim().min(1).max(200).optional(),
  search: searchText(),
});

/** The query of a read route that takes no parameters: any parameter is refused by name, as every read route does. */
export const NoQuery = z.strictObject({});

export const PageQuery = z.strictObject({
  page: wholeNumber(1).default(1),
  pageSize: wholeNumber(1, 500).default(50),
});

/** A real calendar day, YYYY-MM-DD, in the years PostgreSQL and the period arithmetic both handle. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD")
  .refine(isCalendarDay, "expected a real calendar day from 1900-01-01 to 9999-12-31");

function isCalendarDay(day: string): boolean {
  const time = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === day && day >= "1900-01-01";
}

export const UuidParam = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });

export const IntIdParam = z.object({ id: Int4Id().openapi({ param: { name: "id", in: "path" } }) });

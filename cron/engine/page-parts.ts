// A page too big for one database request is loaded in parts, each its own transaction and its own claim
// (etl_pages "<page key>~<part>"), so every request stays under Neon's 10 MiB however many rows the vendor sends
// (WB answers up to 80,000 orders a page). A redelivery finds its parts claimed and changes nothing; a page whose
// parts were partly claimed by an earlier delivery counts as read differently (its source is not zeroed).
/** A part's rows are estimated to fill at most this share of the request budget. */
const PART_SHARE = 0.5;
/** A row's fields travel in up to three statements of a page (products, listings, facts). */
const STATEMENT_COPIES = 3;
/** Rows sampled to estimate a row's size. */
const SAMPLE = 256;

/** The JSON size of `rows`, from an even sample of them. */
function estimatedBytes(rows: readonly unknown[]): number {
  if (rows.length === 0) return 0;
  const step = Math.max(1, Math.floor(rows.length / SAMPLE));
  let sampled = 0;
  let bytes = 0;
  for (let at = 0; at < rows.length; at += step) {
    bytes += JSON.stringify(rows[at]).length;
    sampled++;
  }
  return (bytes / sampled) * rows.length;
}

/** The part's etl_pages key: the page's own for the first part (hand-on reads it), suffixed for the others. */
export const partKey = (pageKey: string, part: number) => (part === 0 ? pageKey : `${pageKey}~${part}`);

/** The page's valid and rejected rows in order, in as many parts as the request budget needs (one when it fits). */
export function splitPage<V, R>(
  page: { valid: V[]; rejected: R[] },
  maxRequestBytes: number,
): { valid: V[]; rejected: R[] }[] {
  const bytes = estimatedBytes(page.valid) * STATEMENT_COPIES + estimatedBytes(page.rejected);
  const parts = Math.max(1, Math.ceil(bytes / (maxRequestBytes * PART_SHARE)));
  if (parts === 1) return [page];
  const slice = <T>(rows: T[], part: number) => {
    const size = Math.ceil(rows.length / parts);
    return rows.slice(part * size, (part + 1) * size);
  };
  return Array.from({ length: parts }, (_, part) => ({
    valid: slice(page.valid, part),
    rejected: slice(page.rejected, part),
  }));
}

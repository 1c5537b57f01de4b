// A page too big for one database request is loaded in parts, each its own transaction and its own claim
// (etl_pages "<page key>~<part>"), so every request stays under Neon's 10 MiB however many rows the vendor sends
// (WB answers up to 80,000 orders a page). A redelivery finds its parts claimed and changes nothing; a page whose
// parts were partly claimed by an earlier delivery counts as read differently (its source is not zeroed).
/** A part's statements are estimated to fill at most this share of the request budget (rows vary in size). */
const PART_SHARE = 0.6;
/** Rows sampled to estimate what a row adds to a request. */
const SAMPLE = 256;

/** Up to SAMPLE rows spread evenly over `rows`. */
function evenSample<T>(rows: readonly T[]): T[] {
  const step = Math.max(1, Math.floor(rows.length / SAMPLE));
  const sample: T[] = [];
  for (let at = 0; at < rows.length && sample.length < SAMPLE; at += step) sample.push(rows[at] as T);
  return sample;
}

/** The part's etl_pages key: the page's own for the first part (hand-on reads it), suffixed for the others. */
export const partKey = (pageKey: string, part: number) => (part === 0 ? pageKey : `${pageKey}~${part}`);

/**
 * The page's valid and rejected rows in order, in as many parts as the request budget needs (one when it fits).
 * `measure` gives the request bytes of the statements that would load a set of rows: what a row adds is measured
 * on an even sample of the page's rows, so parts are as big as the budget allows. The split depends on the rows
 * alone, so a redelivery of the same rows splits them the same way.
 */
export function splitPage<V, R>(
  page: { valid: V[]; rejected: R[] },
  maxRequestBytes: number,
  measure: (rows: { valid: V[]; rejected: R[] }) => number,
): { valid: V[]; rejected: R[] }[] {
  const base = measure({ valid: [], rejected: [] });
  const perRow = <T>(rows: T[], of: (sample: T[]) => { valid: V[]; rejected: R[] }) => {
    const sample = evenSample(rows);
    return sample.length === 0 ? 0 : Math.max(0, measure(of(sample)) - base) / sample.length;
  };
  const bytes =
    base +
    perRow(page.valid, (valid) => ({ valid, rejected: [] })) * page.valid.length +
    perRow(page.rejected, (rejected) => ({ valid: [], rejected })) * page.rejected.length;
  // Never more parts than rows: a budget too small for one row fails the load visibly (RequestTooLargeError).
  const rows = page.valid.length + page.rejected.length;
  const parts = Math.max(1, Math.min(rows, Math.ceil(bytes / (maxRequestBytes * PART_SHARE))));
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

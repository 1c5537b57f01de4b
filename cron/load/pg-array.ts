// PostgreSQL array literals for the loaders' big unnest() parameters, sent as one text value each and cast in
// SQL (`$1::int[]`). The driver's own array encoding quotes and escapes every element with two regex passes,
// which was the largest single cost of building a 2,000-row page on the pipeline's thread.
import { sql } from "drizzle-orm";

const NEEDS_ESCAPE = /["\\]/g;

/** `{1,2,NULL}`: integers or reals; null and undefined become NULL. */
export function numberArray(values: readonly (number | null | undefined)[]) {
  let literal = "{";
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) literal += ",";
    if (value === null || value === undefined) literal += "NULL";
    else if (Number.isFinite(value)) literal += String(value);
    else throw new TypeError(`numberArray: element ${i} is not a finite number (${value})`);
  }
  return sql.param(`${literal}}`);
}

/** `{"a","b \"c\"",NULL}`: every string quoted (so spaces, commas and braces are safe), quotes and backslashes escaped. */
export function textArray(values: readonly (string | null | undefined)[]) {
  let literal = "{";
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) literal += ",";
    if (value === null || value === undefined) literal += "NULL";
    else
      literal += `"${value.includes('"') || value.includes("\\") ? value.replace(NEEDS_ESCAPE, "\\$&") : value}"`;
  }
  return sql.param(`${literal}}`);
}

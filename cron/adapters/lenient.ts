// zod pieces that accept the type drift vendors are known for (numbers as strings, int64 ids as strings,
// nulls) and remember which fields drifted, so the row's quality score can say so.
import { z } from "zod";

const numericText = z
  .string()
  .trim()
  .regex(/^-?\d+(\.\d+)?$/, "expected a number");

/** A whole count; a numeric string is accepted. */
export const lenientCount = z
  .union([z.number(), numericText.transform(Number)])
  .pipe(z.number().int("expected a whole number"));

/** A positive id that may arrive as a number or as a string (int64). */
export const lenientId = z
  .union([z.number(), numericText.transform(Number)])
  .pipe(z.number().int().positive("expected a positive id"));

/** Text that may be null or missing: read as "". */
export const optionalText = z
  .string()
  .nullish()
  .transform((value) => value ?? "");

/** No drifted field: one shared array, as most rows of a page have none (pages keep tens of thousands of rows). */
const NO_DRIFT: string[] = [];

/** Names of the listed fields whose raw value is a string though a number was documented. */
export function driftedFields(raw: unknown, numericFields: readonly string[]): string[] {
  if (raw === null || typeof raw !== "object") return NO_DRIFT;
  const record = raw as Record<string, unknown>;
  if (!numericFields.some((field) => typeof record[field] === "string")) return NO_DRIFT;
  return numericFields.filter((field) => typeof record[field] === "string");
}

/** "field: message" for each zod issue: a reject's reasons. */
export function issueReasons(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join(".") || "row"}: ${issue.message}`);
}

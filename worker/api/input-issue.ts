// A zod issue of a request's input as the error contract says it: the field the client sent, the English
// sentence, and a stable reason with its numbers, so the dashboard can say it in the user's language.
import type { z } from "@hono/zod-openapi";
import type { FieldProblem } from "../errors";

/** Turns a zod issue path into the field name a client sent, e.g. "filters.status[1]". */
export function fieldName(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (name, key) =>
      typeof key === "number" ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key),
    "",
  );
}

const asNumber = (value: unknown) => (typeof value === "bigint" ? Number(value) : (value as number));

/** The reason and its numbers; a refinement may name its own reason in `params.reason`. */
function reasonOf(issue: z.core.$ZodIssue): Omit<FieldProblem, "field"> {
  switch (issue.code) {
    case "too_small":
      return { reason: "too_small", params: { minimum: asNumber(issue.minimum), origin: issue.origin } };
    case "too_big":
      return { reason: "too_big", params: { maximum: asNumber(issue.maximum), origin: issue.origin } };
    case "invalid_format":
      return { reason: "invalid_format", params: { format: issue.format } };
    case "invalid_type":
      // zod leaves the input out of its issues; its sentence ends "received undefined" for a missing field.
      return { reason: /received undefined$/.test(issue.message) ? "required" : "invalid_type" };
    case "invalid_value":
      return { reason: "invalid_value" };
    case "unrecognized_keys":
      return { reason: "unknown_field" };
    case "custom": {
      const named = issue.params?.reason;
      return { reason: typeof named === "string" ? named : "invalid" };
    }
    default:
      return { reason: "invalid" };
  }
}

/** `target` is where the input came from ("body", "query", "param"): the field when the issue has no path. */
export function describeInputIssue(
  issue: z.core.$ZodIssue | undefined,
  target: string,
): { message: string; problem: FieldProblem } {
  if (!issue) return { message: `${target}: invalid`, problem: { field: target, reason: "invalid" } };
  // An unknown key is its own field: "users: unknown field" names what to take out of the body.
  const path = issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[0] ?? ""] : issue.path;
  const field = fieldName(path) || target;
  const message = issue.code === "unrecognized_keys" ? "unknown field" : issue.message;
  return { message: `${field}: ${message}`, problem: { field, ...reasonOf(issue) } };
}

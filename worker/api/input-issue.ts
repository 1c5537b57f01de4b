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

const samePath = (a: z.core.$ZodIssue, b: z.core.$ZodIssue) =>
  a.path.length === b.path.length && a.path.every((key, index) => key === b.path[index]);

/**
 * The issue to report: the first, except that a number past both a field's own bound and JavaScript's safe-integer
 * bound (zod's int check) is refused by the field's bound ("at most 365", not "at most 9007199254740991").
 */
export function primaryIssue(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue | undefined {
  const [first] = issues;
  if (first?.code !== "too_big" && first?.code !== "too_small") return first;
  // A lower maximum, or a higher minimum, is the tighter bound.
  const bound = (issue: z.core.$ZodIssue) =>
    issue.code === "too_big"
      ? asNumber(issue.maximum)
      : issue.code === "too_small"
        ? -asNumber(issue.minimum)
        : 0;
  const tightest = issues
    .filter((issue) => issue.code === first.code && samePath(issue, first))
    .sort((a, b) => bound(a) - bound(b));
  return tightest[0] ?? first;
}

/**
 * A query parameter sent more than once (`class=A&class=B`) reaches a one-value schema as an array, and zod's
 * sentence ("expected one of …") would blame the values; this names the repetition instead.
 */
function repeatedParameter(issue: z.core.$ZodIssue, input: unknown): string | null {
  const [key, ...rest] = issue.path;
  if (rest.length > 0 || typeof key !== "string" || typeof input !== "object" || input === null) return null;
  return Array.isArray((input as Record<string, unknown>)[key]) ? key : null;
}

/**
 * `target` is where the input came from ("body", "query", "param"): the field when the issue has no path;
 * `input` is what was sent there, to tell a repeated query parameter from a wrong value.
 */
export function describeInputIssue(
  issue: z.core.$ZodIssue | undefined,
  target: string,
  input?: unknown,
): { message: string; problem: FieldProblem } {
  if (!issue) return { message: `${target}: invalid`, problem: { field: target, reason: "invalid" } };
  const repeated = target === "query" ? repeatedParameter(issue, input) : null;
  if (repeated !== null)
    return {
      message: `${repeated}: given more than once; send it once`,
      problem: { field: repeated, reason: "repeated" },
    };
  // An unknown key is its own field: "users: unknown field" names what to take out of the body.
  const path = issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[0] ?? ""] : issue.path;
  const field = fieldName(path) || target;
  const message = issue.code === "unrecognized_keys" ? "unknown field" : issue.message;
  return { message: `${field}: ${message}`, problem: { field, ...reasonOf(issue) } };
}

// `accounts add`'s endpoint options as the account's endpoint config, checked by the same schema and adapter
// registries as the API before anything is written; a bad config is an ArgumentError naming option and field.
import type { AccountEndpoints } from "../db/schema";
import type { Marketplace } from "../db/schema/enums";
import { AccountConfigSchema, describeConfigIssue } from "../worker/api/schemas/accounts";
import { ArgumentError, positiveInt, stringValue, type Values } from "./args";

/** The option that sets each field of the config. */
const OPTION_OF: Record<string, string> = {
  stock: "--stock-adapters",
  sales: "--sales-adapters",
  rateScale: "--rate-scale",
};

/** "a, b" → ["a", "b"]; "" → [] (for sales: no sales sync); absent → undefined (the default). */
function idList(values: Values, name: string): string[] | undefined {
  const text = stringValue(values, name);
  if (text === undefined) return undefined;
  return text
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id !== "");
}

export function endpointsFrom(values: Values, marketplace: Marketplace): AccountEndpoints {
  const endpoints: AccountEndpoints = {};
  const stock = idList(values, "stock-adapters");
  if (stock && stock.length > 0) endpoints.stock = stock;
  const sales = idList(values, "sales-adapters");
  if (sales) endpoints.sales = sales;
  if (values["rate-scale"] !== undefined) endpoints.rateScale = positiveInt(values, "rate-scale", 1, 100_000);
  const checked = AccountConfigSchema.safeParse({ marketplace, endpoints });
  if (checked.success) return checked.data.endpoints;
  const issue = checked.error.issues[0];
  if (!issue) throw new ArgumentError("endpoints: invalid");
  const option = OPTION_OF[String(issue.path[1])];
  throw new ArgumentError(`${option ? `${option}: ` : ""}${describeConfigIssue(issue)}`);
}

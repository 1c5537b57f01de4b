// Money and dates as vendors send them: a price as a number, a numeric string ("81.00") or an object
// {"amount":"4099","currency":"RUB"}; dates that may be null or the year 9999 placeholder.
import { z } from "zod";

const numeric = z
  .string()
  .trim()
  .regex(/^-?\d+(\.\d+)?$/, "expected an amount")
  .transform(Number);

/** A RUB amount in any of the vendors' forms. */
export const lenientMoney = z.union([
  z.number(),
  numeric,
  z
    .object({ amount: z.union([z.number(), numeric]), currency: z.string().nullish() })
    .transform((m) => m.amount),
]);

/** An ISO date-time that a real event can have (not null, not the year 9999 placeholder). */
export const eventTime = z
  .string()
  .min(10, "expected a date-time")
  .refine((text) => {
    const year = Number(text.slice(0, 4));
    return year >= 2000 && year < 2100 && !Number.isNaN(Date.parse(text.slice(0, 19)));
  }, "implausible date");

// Why validation rejected a row, in the reader's language. The ingestion engine stores its English reason
// (cron/validate/*.ts, the adapters' row checks) for API users and logs; the dashboard reads the known shapes of
// it, as the alerts log does with delivery reasons (pages/alerts/delivery-reason.ts), and says them in Russian or
// English. A vendor's own field path ("stock.present") stays as the vendor wrote it; an unknown shape shows raw.
import { t } from "../i18n/locale";
import type { MessageKey } from "../i18n/messages-en";

/** A reason said in the reader's language: the vendor's field it is about (shown as code), then the problem. */
export interface RejectReason {
  /** A vendor field path, shown as written (not translated); null when the text names its field itself. */
  field: string | null;
  text: string;
}

/** Our own stock and sales fields, named in the reader's language. */
const OWN_FIELDS: Record<string, MessageKey> = {
  available: "reject.field.available",
  reserved: "reject.field.reserved",
  inTransit: "reject.field.inTransit",
  total: "reject.field.total",
};

const ownField = (name: string) => {
  const key = OWN_FIELDS[name];
  return key ? t(key) : name;
};

/**
 * zod's English for a value it could not read ("Invalid input: expected number, received string"), and the
 * adapters' own ("expected a positive id", cron/adapters/lenient.ts).
 */
const UNREADABLE = /^(Invalid|Too (small|big)|Required|[Ee]xpected|Unrecognized)/;

type Shape = [RegExp, (match: RegExpExecArray) => RejectReason];

const SHAPES: Shape[] = [
  [
    /^(\w+): must not be negative \(got (-?[\d.]+)\)$/,
    (m) => ({
      field: null,
      text: t("reject.negative", { field: ownField(m[1] ?? ""), value: Number(m[2]) }),
    }),
  ],
  [
    /^(\w+) \((-?\d+)\) exceeds the vendor's total \((-?\d+)\)$/,
    (m) => ({
      field: null,
      text: t("reject.aboveTotal", { field: ownField(m[1] ?? ""), value: Number(m[2]), total: Number(m[3]) }),
    }),
  ],
  [/^article: the seller's article is missing/, () => ({ field: null, text: t("reject.noArticle") })],
  [
    /^quantity: must be a positive whole number \(got (.*)\)$/,
    (m) => ({ field: null, text: t("reject.quantity", { value: m[1] ?? "" }) }),
  ],
  [
    /^revenue: (\S+) has the wrong sign for an? \w+$/,
    (m) => ({ field: null, text: t("reject.revenueSign", { value: m[1] ?? "" }) }),
  ],
  [
    /^sku (\d+): not in the seller's product list/,
    (m) => ({ field: null, text: t("reject.skuUnknown", { sku: m[1] ?? "" }) }),
  ],
  [
    /^chrtId (\d+): not one of the sizes asked for$/,
    (m) => ({ field: null, text: t("reject.sizeNotAsked", { chrtId: m[1] ?? "" }) }),
  ],
  [
    /^nmId (\d+) chrtId (\d+): no known WB listing/,
    (m) => ({ field: null, text: t("reject.wbListingUnknown", { nmId: m[1] ?? "", chrtId: m[2] ?? "" }) }),
  ],
  [
    /^date: implausible date "(.*)"$/,
    (m) => ({ field: null, text: t("reject.date", { value: m[1] ?? "" }) }),
  ],
];

export function rejectReason(reason: string): RejectReason {
  const nested = /^product list: (.*)$/s.exec(reason);
  if (nested) {
    const inner = rejectReason(nested[1] ?? "");
    return { ...inner, text: t("reject.inProductList", { problem: inner.text }) };
  }
  for (const [shape, say] of SHAPES) {
    const match = shape.exec(reason);
    if (match) return say(match);
  }
  const unreadable = /^([\w.[\]-]+): (.*)$/s.exec(reason);
  if (unreadable && UNREADABLE.test(unreadable[2] ?? "")) {
    const path = unreadable[1] ?? "";
    return path === "row"
      ? { field: null, text: t("reject.rowUnreadable") }
      : { field: path, text: t("reject.unreadable") };
  }
  return { field: null, text: reason };
}

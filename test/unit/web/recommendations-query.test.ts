// The Recommendations view in the page's address: only what differs from the default, read back the same.
import { describe, expect, it } from "vitest";
import {
  DEFAULT_VIEW,
  recommendationsQuery,
  viewFromQuery,
} from "../../../web/src/models/recommendations-query";

describe("recommendations view in the address", () => {
  it("leaves the default view out and reads a changed one back", () => {
    expect(recommendationsQuery(DEFAULT_VIEW)).toEqual({});
    const view = { per: "warehouse" as const, onlyReorder: false, page: 3 };
    expect(recommendationsQuery(view)).toEqual({ per: "warehouse", onlyReorder: "false", page: "3" });
    expect(viewFromQuery(new URLSearchParams(recommendationsQuery(view)))).toEqual(view);
  });

  it("falls back to the default for unknown values", () => {
    expect(viewFromQuery(new URLSearchParams("per=city&onlyReorder=maybe&page=-1"))).toEqual(DEFAULT_VIEW);
  });
});

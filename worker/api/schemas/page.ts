// The fields every paged answer carries beside its items (inventory, recommendations, the supply plan, runs, the
// alerts log, ABC): spread into the answer's object. Pure schema (zod only): the dashboard imports its types.
import { z } from "@hono/zod-openapi";

export const PageFields = {
  page: z.number().int().openapi({ description: "The page answered, from 1" }),
  pageSize: z.number().int().openapi({ description: "Items a page holds" }),
  total: z.number().int().openapi({ description: "Items over all pages" }),
  pages: z.number().int().openapi({ description: "Pages the items fill: ⌈total ÷ pageSize⌉, 0 when none" }),
};

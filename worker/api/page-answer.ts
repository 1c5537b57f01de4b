// A paged answer's page, size, total and page count (schemas/page.ts), one computation for every paged route.

/** `page` and `pageSize` as asked, `total` items over all pages, and the pages they fill. */
export function pageAnswer(page: number, pageSize: number, total: number) {
  return { page, pageSize, total, pages: Math.ceil(total / pageSize) };
}

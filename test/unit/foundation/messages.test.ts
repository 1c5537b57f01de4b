// Ingest-queue messages are validated at the consumer: good ones parse, bad ones name the field.
import { describe, expect, it } from "vitest";
import { IngestMessage } from "../../../cron/messages";

const runId = "5a0c6f62-7d2e-4f0e-9a43-2d3c9a0b1c11";
const accountId = "0b7f9a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";

describe("IngestMessage", () => {
  it("accepts a start and a page message", () => {
    expect(IngestMessage.parse({ type: "start", runId, accountId, kind: "full" }).type).toBe("start");
    const page = IngestMessage.parse({
      type: "page",
      runId,
      accountId,
      kind: "incremental",
      endpoint: "wb.statistics.orders",
      cursor: { dateFrom: "2026-11-01T00:00:00" },
      page: 3,
    });
    expect(page).toMatchObject({ type: "page", page: 3 });
  });

  it("names the field that is wrong", () => {
    const result = IngestMessage.safeParse({
      type: "page",
      runId,
      accountId,
      kind: "full",
      endpoint: "",
      cursor: {},
      page: -1,
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join(".")).sort();
    expect(paths).toEqual(["endpoint", "page"]);
  });

  it("rejects an unknown message type", () => {
    expect(IngestMessage.safeParse({ type: "finish", runId, accountId }).success).toBe(false);
  });
});

// The Alerts page's model, without a browser: the log's URL carries the page and only the filters chosen, and
// the failing-channel banner lists exactly the channels the API marked failing.
import { describe, expect, it } from "vitest";
import type { AlertChannel } from "../../../web/src/api/types";
import { failingChannels, logPath } from "../../../web/src/models/alerts";

const channel = (kind: AlertChannel["kind"], failingSince: string | null): AlertChannel => ({
  id: `00000000-0000-4000-8000-00000000000${kind === "telegram" ? 1 : 2}`,
  kind,
  enabled: true,
  linked: true,
  linkCodeExpiresAt: null,
  webhookUrl: null,
  failingSince,
  consecutiveFailures: failingSince ? 5 : 0,
  lastError: failingSince ? "Telegram 403: Forbidden: bot was blocked by the user" : null,
  createdAt: "2026-12-01T00:00:00.000Z",
});

describe("alerts model", () => {
  it("asks the log for the page and only the filters chosen", () => {
    expect(logPath({ status: "", rule: "", page: 1 })).toBe("/api/alerts/log?page=1&pageSize=20");
    expect(logPath({ status: "dead", rule: "run_failed", page: 3 })).toBe(
      "/api/alerts/log?page=3&pageSize=20&status=dead&rule=run_failed",
    );
  });

  it("banners exactly the channels marked failing", () => {
    const failing = channel("telegram", "2026-12-06T10:00:00.000Z");
    expect(failingChannels([failing, channel("webhook", null)])).toEqual([failing]);
    expect(failingChannels(undefined)).toEqual([]);
  });
});

// Exit codes and messages: argument errors exit 2 naming the argument, API errors exit 1 with the API's
// message and requestId; help exits 0.
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiRequestError, ApiUnreachableError } from "../../../cli/api-client";
import { ArgumentError } from "../../../cli/args";
import { describeFailure } from "../../../cli/errors";
import { COMMANDS, main, mainHelp } from "../../../cli/main";

describe("describeFailure", () => {
  it("argument errors: exit 2 with a pointer to the command's help", () => {
    expect(describeFailure(new ArgumentError("--limit: expects a value"), "runs")).toEqual({
      message: "error: runs: --limit: expects a value\n(see `npm run cli -- runs --help`)",
      code: 2,
    });
  });

  it("API errors: exit 1 with the message, status, code and requestId", () => {
    const error = new ApiRequestError(
      404,
      "NOT_FOUND",
      "id: no run with this id in your organization",
      "req-9",
    );
    expect(describeFailure(error, "run")).toEqual({
      message:
        "error: run: id: no run with this id in your organization (HTTP 404 NOT_FOUND, requestId req-9)",
      code: 1,
    });
  });

  it("an unreachable Worker or database: exit 1 with a hint", () => {
    expect(
      describeFailure(new ApiUnreachableError("cannot reach http://x (ECONNREFUSED)"), "status").message,
    ).toMatch(/is the Worker running/);
    const wrapped = new Error("Failed query: select 1", {
      cause: new Error("Error connecting to database: fetch failed"),
    });
    expect(describeFailure(wrapped, "accounts")).toEqual({
      message:
        "error: accounts: Error connecting to database: fetch failed; is the database's endpoint running (npm run dev) and --database-url right?",
      code: 1,
    });
  });
});

describe("main", () => {
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  const error = vi.spyOn(console, "error").mockImplementation(() => {});
  afterEach(() => {
    log.mockClear();
    error.mockClear();
  });

  it("--help lists every command; every command has its own --help", async () => {
    expect(await main(["--help"], {})).toBe(0);
    for (const command of COMMANDS) expect(String(log.mock.calls[0]?.[0])).toContain(command.name);
    for (const command of COMMANDS) {
      expect(await main([command.name, "--help"], {})).toBe(0);
      expect(String(log.mock.calls.at(-1)?.[0])).toMatch(/^Usage: npm run cli -- /);
    }
  });

  it("no command, an unknown command or a bad option exit 2", async () => {
    expect(await main([], {})).toBe(2);
    expect(await main(["frobnicate"], {})).toBe(2);
    expect(String(error.mock.calls.at(-1)?.[0])).toContain('"frobnicate": unknown command');
    expect(await main(["runs", "--limit", "0"], {})).toBe(2);
    expect(String(error.mock.calls.at(-1)?.[0])).toContain(
      "runs: --limit: expected a whole number from 1 to 500",
    );
    expect(await main(["status", "--url", "https://mi.example.com"], {})).toBe(2);
    expect(String(error.mock.calls.at(-1)?.[0])).toContain("--api-key: required for https://mi.example.com");
  });

  it("help text mentions the global options", () => {
    expect(mainHelp()).toContain("--api-key <key>");
  });
});

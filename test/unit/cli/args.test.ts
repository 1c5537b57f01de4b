// CLI argument parsing: the command split from global options, strict per-command options, and value
// checks that name the argument (exit code 2 through ArgumentError).
import { describe, expect, it } from "vitest";
import {
  ArgumentError,
  describeParseError,
  parseCommandArgs,
  positionalId,
  positiveInt,
  splitCommand,
} from "../../../cli/args";

describe("splitCommand", () => {
  it("finds the command after global options that take values", () => {
    expect(splitCommand(["--url", "http://x", "runs", "--limit", "5"])).toEqual({
      command: "runs",
      rest: ["--url", "http://x", "--limit", "5"],
    });
    expect(splitCommand(["--url=http://x", "--json", "status"])).toEqual({
      command: "status",
      rest: ["--url=http://x", "--json"],
    });
  });

  it("keeps subcommands and their arguments as positionals", () => {
    const { command, rest } = splitCommand(["mappings", "map", "3", "7"]);
    expect(command).toBe("mappings");
    expect(parseCommandArgs(rest, {}).positionals).toEqual(["map", "3", "7"]);
  });

  it("has no command for bare options", () => {
    expect(splitCommand(["--help"]).command).toBeUndefined();
  });
});

describe("parseCommandArgs", () => {
  it("accepts global and command options together", () => {
    const { values } = parseCommandArgs(["--api-key", "mic_x", "--limit", "3", "--json"], {
      limit: { type: "string" },
    });
    expect(values).toMatchObject({ "api-key": "mic_x", limit: "3", json: true });
  });

  it("names an unknown option", () => {
    expect(() => parseCommandArgs(["--fast"], {})).toThrow(new ArgumentError("--fast: unknown option"));
  });

  it("names an option missing its value", () => {
    expect(() => parseCommandArgs(["--limit"], { limit: { type: "string" } })).toThrow(
      new ArgumentError("--limit: expects a value"),
    );
  });

  it("names a boolean option given a value", () => {
    expect(() => parseCommandArgs(["--full=yes"], { full: { type: "boolean" } })).toThrow(
      new ArgumentError("--full: takes no value"),
    );
  });

  it("shortens messages it does not know", () => {
    expect(describeParseError(new Error("Something odd. More text"))).toBe("Something odd");
  });
});

describe("value checks", () => {
  it("positiveInt: default, valid, out of range", () => {
    expect(positiveInt({}, "limit", 20, 500)).toBe(20);
    expect(positiveInt({ limit: "50" }, "limit", 20, 500)).toBe(50);
    expect(() => positiveInt({ limit: "0" }, "limit", 20, 500)).toThrow(/--limit: expected a whole number/);
    expect(() => positiveInt({ limit: "501" }, "limit", 20, 500)).toThrow(/from 1 to 500/);
    expect(() => positiveInt({ limit: "2.5" }, "limit", 20, 500)).toThrow(/got "2.5"/);
  });

  it("positionalId names the positional", () => {
    expect(positionalId("12", "alias-id")).toBe(12);
    expect(() => positionalId(undefined, "alias-id")).toThrow(new ArgumentError("<alias-id>: required"));
    expect(() => positionalId("abc", "warehouse-id")).toThrow(
      /<warehouse-id>: expected a positive whole number/,
    );
  });
});

// Argument parsing for the CLI on node:util parseArgs: splitting the command from the global options, parsing
// one command's options strictly, and the value checks; every failure is an ArgumentError (exit code 2).
import { type ParseArgsConfig, parseArgs } from "node:util";

export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;
export type Values = Record<string, string | boolean | undefined>;

export class ArgumentError extends Error {
  override name = "ArgumentError";
}

/** Options every command accepts (connection and output). */
export const GLOBAL_OPTIONS = {
  url: { type: "string" },
  "api-key": { type: "string" },
  email: { type: "string" },
  password: { type: "string" },
  "database-url": { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const satisfies OptionSpec;

/** The command name: the first token that is neither an option nor the value of a global string option. */
export function splitCommand(argv: readonly string[]): { command: string | undefined; rest: string[] } {
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] ?? "";
    if (token === "--") return { command: argv[i + 1], rest: [...argv.slice(0, i), ...argv.slice(i + 2)] };
    if (token.startsWith("-")) {
      const name = token.replace(/^--?/, "");
      const spec = (GLOBAL_OPTIONS as OptionSpec)[name];
      if (spec?.type === "string" && !token.includes("=")) i++;
      continue;
    }
    return { command: token, rest: [...argv.slice(0, i), ...argv.slice(i + 1)] };
  }
  return { command: undefined, rest: [...argv] };
}

/** Parses a command's arguments strictly with the global options; names the offending argument. */
export function parseCommandArgs(
  args: readonly string[],
  options: OptionSpec,
): { values: Values; positionals: string[] } {
  try {
    const parsed = parseArgs({
      args: [...args],
      options: { ...GLOBAL_OPTIONS, ...options },
      allowPositionals: true,
      strict: true,
    });
    return { values: parsed.values as Values, positionals: parsed.positionals };
  } catch (error) {
    throw new ArgumentError(describeParseError(error));
  }
}

/** node:util's messages, shortened to name the option ("--limit: expects a value"). */
export function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-[^' ]+)/.exec(message)?.[1];
  const code = (error as { code?: string }).code;
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && option) return `${option}: unknown option`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && option) {
    return message.includes("argument missing") ? `${option}: expects a value` : `${option}: takes no value`;
  }
  return message.split(". ")[0] ?? message;
}

export function stringValue(values: Values, name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}

export function requireString(values: Values, name: string): string {
  const value = stringValue(values, name);
  if (value === undefined || value.trim() === "") throw new ArgumentError(`--${name}: required`);
  return value;
}

export function positiveInt(values: Values, name: string, fallback: number, max = 1_000_000): number {
  const text = stringValue(values, name);
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < 1 || n > max) {
    throw new ArgumentError(`--${name}: expected a whole number from 1 to ${max}, got "${text}"`);
  }
  return n;
}

/** A positional argument that must be a positive integer id (alias and warehouse ids). */
export function positionalId(value: string | undefined, name: string): number {
  if (value === undefined) throw new ArgumentError(`<${name}>: required`);
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
    throw new ArgumentError(`<${name}>: expected a positive whole number, got "${value}"`);
  }
  return n;
}

export function oneOf<T extends string>(values: Values, name: string, allowed: readonly T[]): T | undefined {
  const text = stringValue(values, name);
  if (text === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(text)) {
    throw new ArgumentError(`--${name}: expected one of ${allowed.join(", ")}, got "${text}"`);
  }
  return text as T;
}

export function noExtraPositionals(positionals: readonly string[], expected: number): void {
  const extra = positionals[expected];
  if (extra !== undefined) throw new ArgumentError(`"${extra}": unexpected argument`);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (text: string) => UUID.test(text);

// The shape of one CLI command: its name, one-line summary, help text, its own options, and what it does.
import type { OptionSpec, Values } from "../args";
import type { CliContext } from "../context";

export interface CommandInput {
  values: Values;
  positionals: string[];
}

export interface Command {
  name: string;
  summary: string;
  /** The full --help text (usage, options, examples). */
  help: string;
  options: OptionSpec;
  /** Resolves to the process exit code. */
  run(ctx: CliContext, input: CommandInput): Promise<number>;
}

// `npm run cli -- <command>`: the operator's command line. Splits the command from the global options,
// prints help, runs the command against the Worker's JSON API (or the database for accounts) and exits
// 0 on success, 1 on API or run failures, 2 on argument errors.
import { parseCommandArgs, splitCommand } from "./args";
import { accountsCommand } from "./commands/accounts";
import type { Command } from "./commands/command";
import { mappingsCommand } from "./commands/mappings";
import { runCommand } from "./commands/run";
import { runsCommand } from "./commands/runs";
import { statusCommand } from "./commands/status";
import { syncCommand } from "./commands/sync";
import { resolveConnection } from "./connection";
import { createContext } from "./context";
import { describeFailure } from "./errors";

export const COMMANDS: readonly Command[] = [
  syncCommand,
  statusCommand,
  runsCommand,
  runCommand,
  accountsCommand,
  mappingsCommand,
];

export const GLOBAL_HELP = `Global options (any command):
  --url <url>            the Worker (env MI_CORE_URL; default http://127.0.0.1:8787, npm run dev)
  --api-key <key>        an API key, mic_… (env MI_CORE_API_KEY)
  --email <e> --password <p>  sign in as a user instead (env MI_CORE_EMAIL, MI_CORE_PASSWORD);
                         against a local Worker with neither, the CLI signs in as the demo user
  --database-url <url>   the database, for \`accounts\` (env DATABASE_URL; local dev default)
  --json                 print JSON instead of text
  -h, --help             help (also after a command)`;

export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Usage: npm run cli -- <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n")}

${GLOBAL_HELP}

Exit codes: 0 done, 1 the API or a run failed, 2 bad arguments.
\`npm run cli -- <command> --help\` describes one command.`;
}

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { command: name, rest } = splitCommand(argv);
  const command = COMMANDS.find((c) => c.name === name);
  try {
    if (!name) {
      const { values } = parseCommandArgs(rest, {});
      console.log(mainHelp());
      return values.help ? 0 : 2;
    }
    if (name === "help") {
      const topic = COMMANDS.find((c) => c.name === rest[0]);
      console.log(topic ? `${topic.help}\n\n${GLOBAL_HELP}` : mainHelp());
      return 0;
    }
    if (!command) {
      console.error(`error: "${name}": unknown command\n\n${mainHelp()}`);
      return 2;
    }
    const input = parseCommandArgs(rest, command.options);
    if (input.values.help) {
      console.log(`${command.help}\n\n${GLOBAL_HELP}`);
      return 0;
    }
    const context = createContext(resolveConnection(input.values, env), input.values.json === true);
    return await command.run(context, input);
  } catch (error) {
    const failure = describeFailure(error, command?.name);
    console.error(failure.message);
    return failure.code;
  }
}

const isEntry = process.argv[1]?.endsWith("cli/main.ts") || process.argv[1]?.endsWith("cli/main.js");
if (isEntry) {
  main(process.argv.slice(2), process.env).then((code) => {
    process.exitCode = code;
  });
}

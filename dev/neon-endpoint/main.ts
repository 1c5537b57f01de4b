// CLI entry (`npm run db:local`): starts the local Neon endpoint, prints its URLs, and shuts
// down cleanly on SIGINT/SIGTERM.

import { ArgumentError, parseArgs, USAGE } from "./args.js";
import { startNeonEndpoint } from "./server.js";

async function main(): Promise<void> {
  let command: ReturnType<typeof parseArgs>;
  try {
    command = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof ArgumentError)) throw error;
    console.error(`db:local: ${error.message}`);
    process.exitCode = 2;
    return;
  }
  if (command.kind === "help") {
    console.log(USAGE);
    return;
  }
  const log = (line: string) => console.log(`[neon-endpoint] ${line}`);
  const endpoint = await startNeonEndpoint({ ...command.options, log: command.quiet ? () => {} : log });
  console.log(`Neon endpoint:      ${endpoint.url}`);
  console.log(`fetchEndpoint:      ${endpoint.sqlUrl}`);
  console.log(`DATABASE_URL:       ${endpoint.connectionString("main")}`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    endpoint.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(`db:local: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

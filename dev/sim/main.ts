// Entry point of `npm run sim`: parses arguments and starts the simulator until interrupted.

import { ArgumentError, parseArgs, USAGE } from "./args.js";
import { startSimulator } from "./server.js";

async function main(): Promise<void> {
  let options: ReturnType<typeof parseArgs>;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof ArgumentError) {
      console.error(`sim: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const started = performance.now();
  const sim = await startSimulator({
    host: options.host,
    port: options.port,
    seed: options.seed,
    size: options.size,
    timeScale: options.timeScale,
    limitsEnabled: options.limitsEnabled,
    mode: options.mode,
  });
  const w = sim.state.world;
  console.log(
    `marketplace simulator on ${sim.url} (seed ${w.options.seed}, ${w.catalog.ozon.length} Ozon + ${w.catalog.wb.length} WB listings, ` +
      `${w.stock.ozon.length + w.stock.wb.length} stock rows, generated in ${Math.round(performance.now() - started)} ms)`,
  );
  console.log(`  Ozon:  ${sim.url}/ozon  (Client-Id: 1001, Api-Key: demo-ozon-key)`);
  console.log(
    `  WB:    ${sim.url}/wb/statistics, ${sim.url}/wb/seller-analytics  (Authorization: demo-wb-token)`,
  );
  console.log(
    `  clock: ${sim.now().toISOString()}  vendors: ${sim.config.get().mode}  limits: ${sim.config.get().limitsEnabled ? "on" : "off"}  control: ${sim.url}/_sim`,
  );
  const stop = () => {
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`sim: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

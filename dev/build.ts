// `npm run build`: builds the dashboard with Vite, then bundles the Worker with `wrangler deploy
// --dry-run` (proving it bundles without deploying) and prints both sizes.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`\n${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

run("npx", ["vite", "build", "--config", "web/vite.config.ts", "--logLevel", "warn"]);
const scripts = filesUnder("dist/web").filter((path) => path.endsWith(".js"));
const webRaw = scripts.reduce((sum, path) => sum + statSync(path).size, 0);
const webGzip = scripts.reduce((sum, path) => sum + gzipSync(readFileSync(path)).length, 0);
console.log(`Dashboard JavaScript: ${kib(webRaw)} raw, ${kib(webGzip)} gzipped (${scripts.length} files)`);

run("npx", ["wrangler", "deploy", "--dry-run", "--outdir", "dist/worker"]);
const bundle = filesUnder("dist/worker").filter((path) => /\.(m?js|wasm)$/.test(path));
const workerRaw = bundle.reduce((sum, path) => sum + statSync(path).size, 0);
const workerGzip = bundle.reduce((sum, path) => sum + gzipSync(readFileSync(path)).length, 0);
console.log(
  `Worker bundle: ${kib(workerRaw)} raw, ${kib(workerGzip)} gzipped (limit 3 MiB gzipped on the free plan)`,
);

// `npm run build`: builds the dashboard with Vite, then bundles the Worker with `wrangler deploy
// --dry-run` (proving it bundles without deploying) and prints both sizes. The dashboard's initial load
// (index.html's entry script plus every chunk it imports statically) must stay within 60 KB gzipped;
// pages and charts load later, on demand, and count only towards the total.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
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

/** Initial-load budget for the dashboard's JavaScript, gzipped (issue 6). */
const INITIAL_JS_BUDGET = 60 * 1024;
const WEB_OUT = "dist/web";

function gzipSize(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

/** Files index.html loads before anything renders: module scripts and modulepreload links. */
function htmlScripts(html: string): string[] {
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  return tags.flatMap((tag) => {
    const isScript = tag.startsWith("<script") && /type="module"/.test(tag);
    const isPreload = tag.startsWith("<link") && /rel="modulepreload"/.test(tag);
    const src = /(?:src|href)="([^"]+\.js)"/.exec(tag)?.[1];
    return (isScript || isPreload) && src ? [join(WEB_OUT, src.replace(/^\//, ""))] : [];
  });
}

/** Static `import … from "./x.js"` (and bare `import "./x.js"`) of a chunk; `import("…")` is lazy. */
function staticImports(path: string): string[] {
  const code = readFileSync(path, "utf8");
  const found: string[] = [];
  for (const match of code.matchAll(
    /(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g,
  )) {
    const specifier = match[1];
    if (specifier?.startsWith(".")) found.push(resolve(dirname(path), specifier));
  }
  return found;
}

/** The entry script and everything it pulls in statically, transitively. */
function initialLoad(): string[] {
  const seen = new Set<string>();
  const queue = htmlScripts(readFileSync(join(WEB_OUT, "index.html"), "utf8")).map((path) => resolve(path));
  if (queue.length === 0) throw new Error(`${WEB_OUT}/index.html has no module script`);
  while (queue.length > 0) {
    const path = queue.shift() as string;
    if (seen.has(path)) continue;
    seen.add(path);
    queue.push(...staticImports(path));
  }
  return [...seen];
}

run("npx", ["vite", "build", "--config", "web/vite.config.ts", "--logLevel", "warn"]);
const scripts = filesUnder(WEB_OUT).filter((path) => path.endsWith(".js"));
const webRaw = scripts.reduce((sum, path) => sum + statSync(path).size, 0);
const webGzip = scripts.reduce((sum, path) => sum + gzipSize(path), 0);
console.log(
  `Dashboard JavaScript, all chunks: ${kib(webRaw)} raw, ${kib(webGzip)} gzipped (${scripts.length} files)`,
);
const initial = initialLoad();
const initialRaw = initial.reduce((sum, path) => sum + statSync(path).size, 0);
const initialGzip = initial.reduce((sum, path) => sum + gzipSize(path), 0);
console.log(
  `Dashboard JavaScript, initial load: ${kib(initialRaw)} raw, ${kib(initialGzip)} gzipped (${initial.length} files: ${initial
    .map((path) => path.slice(path.lastIndexOf("/") + 1))
    .join(", ")}); budget ${kib(INITIAL_JS_BUDGET)}`,
);
if (initialGzip > INITIAL_JS_BUDGET) {
  console.error(
    `\nThe dashboard's initial JavaScript is ${kib(initialGzip)} gzipped, over the ${kib(INITIAL_JS_BUDGET)} budget: load more of it lazily.`,
  );
  process.exit(1);
}

run("npx", ["wrangler", "deploy", "--dry-run", "--outdir", "dist/worker"]);
const bundle = filesUnder("dist/worker").filter((path) => /\.(m?js|wasm)$/.test(path));
const workerRaw = bundle.reduce((sum, path) => sum + statSync(path).size, 0);
const workerGzip = bundle.reduce((sum, path) => sum + gzipSync(readFileSync(path)).length, 0);
console.log(
  `Worker bundle: ${kib(workerRaw)} raw, ${kib(workerGzip)} gzipped (limit 3 MiB gzipped on the free plan)`,
);

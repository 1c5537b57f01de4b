// `npx tsx test/bench/login-cpu.ts`: the CPU time one sign-in costs inside workerd (wrangler's local
// runtime), read from /proc for the workerd process around N sequential requests of each kind: a sign-in
// with the right password (a 600,000-iteration hash check), one with an unknown email (the decoy hash,
// same cost), and GET /api/health as the baseline of a request with a database round trip. Also, for
// reference, the hash alone in Node at 100,000 and 600,000 iterations. Linux only (reads /proc).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { unstable_dev } from "wrangler";
import { createDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { startNeonEndpoint } from "../../dev/neon-endpoint/server";
import { createDemoOrganization } from "../../worker/auth/demo-organization";
import { hashPassword } from "../../worker/auth/password";

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 20);
const TICKS_PER_S = 100;
const EMAIL = "bench@login.test";
const PASSWORD = "bench-password-123";

/** The pids of processes under this one whose command line names `name`. */
function descendantsNamed(name: string): number[] {
  const parentOf = new Map<number, number>();
  const commandOf = new Map<number, string>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
      commandOf.set(Number(entry), readFileSync(`/proc/${entry}/cmdline`, "utf8"));
    } catch {
      // exited meanwhile
    }
  }
  const isOurs = (pid: number): boolean => {
    for (let at = parentOf.get(pid); at !== undefined && at > 1; at = parentOf.get(at))
      if (at === process.pid) return true;
    return false;
  };
  return [...commandOf].filter(([pid, command]) => command.includes(name) && isOurs(pid)).map(([pid]) => pid);
}

/** utime + stime of the processes, all their threads, in ms. */
function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  }
  return (ticks * 1000) / TICKS_PER_S;
}

const cpuUsageMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

async function nodeHashCpuMs(iterations: number): Promise<number> {
  const before = process.cpuUsage();
  for (let i = 0; i < 5; i++) await hashPassword(PASSWORD, iterations);
  return Math.round(cpuUsageMs(process.cpuUsage(before)) / 5);
}

async function main(): Promise<void> {
  const endpoint = await startNeonEndpoint({ port: 0 });
  let worker: Awaited<ReturnType<typeof unstable_dev>> | undefined;
  try {
    await endpoint.createDatabase("login");
    const url = endpoint.connectionString("login");
    await migrateDatabase({ url, httpEndpoint: endpoint.sqlUrl });
    await createDemoOrganization(createDatabase({ url, httpEndpoint: endpoint.sqlUrl }), {
      email: EMAIL,
      password: PASSWORD,
    });
    // The real wrangler.toml with the rate limits out of the way of a benchmark.
    mkdirSync(".wrangler", { recursive: true });
    writeFileSync(
      ".wrangler/login-bench.wrangler.toml",
      readFileSync("wrangler.toml", "utf8")
        .replace(/simple = \{ limit = \d+/g, "simple = { limit = 1000000")
        .replace('main = "worker/index.ts"', 'main = "../worker/index.ts"')
        .replace('directory = "./dist/web"', 'directory = "../dist/web"'),
    );
    worker = await unstable_dev("worker/index.ts", {
      config: ".wrangler/login-bench.wrangler.toml",
      vars: {
        DATABASE_URL: url,
        NEON_HTTP_ENDPOINT: endpoint.sqlUrl,
        SESSION_SECRET: "bench-session-secret",
        CREDENTIALS_KEY: "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
      },
      experimental: { disableExperimentalWarning: true },
    });
    const login = (email: string, ip: string) =>
      worker?.fetch("/api/auth/login", {
        method: "POST",
        headers: { "Content-Type": "application/json", "CF-Connecting-IP": ip },
        body: JSON.stringify({ email, password: PASSWORD }),
      });
    const kinds: Record<string, (i: number) => Promise<unknown>> = {
      health: () => worker?.fetch("/api/health") ?? Promise.resolve(),
      login_ok: async (i) => {
        const response = await login(EMAIL, `10.1.0.${i + 1}`);
        if (response?.status !== 200) throw new Error(`login answered ${response?.status}`);
      },
      // An unknown email each time (no account lock), from its own address (no IP lock).
      login_unknown_email: async (i) => {
        const response = await login(`nobody-${i}@login.test`, `10.2.0.${i + 1}`);
        if (response?.status !== 401) throw new Error(`login answered ${response?.status}`);
      },
    };
    for (const run of Object.values(kinds)) await run(200); // warm up each path once
    // wrangler runs two workerd processes (its proxy and the Worker); both count, whichever runs the code.
    const workerd = descendantsNamed("workerd");
    if (workerd.length === 0) throw new Error("no workerd process found under this one");
    // This process runs the local Neon endpoint (PGlite): its CPU is the database's side of each request.
    const results: Record<string, { cpu_ms: number; wall_ms: number; database_cpu_ms: number }> = {};
    for (const [name, run] of Object.entries(kinds)) {
      const cpuBefore = cpuMs(workerd);
      const databaseBefore = process.cpuUsage();
      const started = performance.now();
      for (let i = 0; i < SAMPLES; i++) await run(i);
      results[name] = {
        cpu_ms: Math.round((cpuMs(workerd) - cpuBefore) / SAMPLES),
        wall_ms: Math.round((performance.now() - started) / SAMPLES),
        database_cpu_ms: Math.round(cpuUsageMs(process.cpuUsage(databaseBefore)) / SAMPLES),
      };
    }
    const report = {
      samples: SAMPLES,
      workerd_processes: workerd.length,
      workerd_per_request: results,
      node_hash_cpu_ms: {
        pbkdf2_100k: await nodeHashCpuMs(100_000),
        pbkdf2_600k: await nodeHashCpuMs(600_000),
      },
    };
    console.log(JSON.stringify(report, null, 2));
    mkdirSync("bench-results", { recursive: true });
    writeFileSync("bench-results/login-cpu.json", `${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await worker?.stop();
    await endpoint.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

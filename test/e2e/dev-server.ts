// Starts `npm run dev` (dev/run.ts) on free ports with an in-memory database for one end-to-end run,
// with the per-IP rate limit raised, waits until the Worker answers /api/health, and stops the whole process group afterwards.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { copyFileSync, createWriteStream, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

export interface DevServer {
  url: string;
  dbPort: number;
  simPort: number;
  /** The marketplace simulator, whose control API (`/_sim`) tells the truth about its stock. */
  simUrl: string;
  stop(): Promise<void>;
}

/**
 * A frozen copy of the working tree (tracked and untracked files, .gitignore respected; node_modules
 * linked). `wrangler dev` reloads the Worker whenever a source file changes, and a reload drops the
 * local queue's in-flight messages, leaving a sync "running" for ever; other people editing worker/**
 * or cron/** during a run must not do that to it. E2E_IN_PLACE=1 runs in the working tree instead.
 */
function snapshotTree(): string {
  const root = resolve(".");
  const folder = mkdtempSync(join(tmpdir(), "mi-e2e-tree-"));
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  })
    .split("\0")
    .filter((path) => path !== "");
  for (const path of files) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    try {
      copyFileSync(join(root, path), join(folder, path));
    } catch {
      // deleted in the working tree but still in the index
    }
  }
  symlinkSync(join(root, "node_modules"), join(folder, "node_modules"), "dir");
  return folder;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm run dev exited early with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the Worker did not answer ${url}/api/health within ${timeoutMs / 1000} s`);
}

/** How many times the default demo seller (3,000 listings) E2E_SIZE is: waits on whole syncs grow with it. */
export const SIZE_SCALE = Math.max(1, Number(process.env.E2E_SIZE ?? 3000) / 3000);

export async function startDevServer(logFile: string, timeoutMs = 180_000): Promise<DevServer> {
  const [port, dbPort, simPort] = [await freePort(), await freePort(), await freePort()];
  const log = createWriteStream(logFile);
  const cwd = process.env.E2E_IN_PLACE === "1" ? resolve(".") : snapshotTree();
  const child = spawn(
    "npx",
    [
      "tsx",
      "dev/run.ts",
      "--port",
      String(port),
      "--db-port",
      String(dbPort),
      "--sim-port",
      String(simPort),
      "--data-dir",
      "memory",
      // Every request comes from 127.0.0.1 as one demo user at machine speed: the limits (60/min per IP before
      // sign-in, 300/min per user; test/worker/api/user-rate-limit.test.ts) would make the checks' timing matter.
      "--ip-rate-limit",
      "100000",
      "--user-rate-limit",
      "100000",
      // The checks compare the dashboard with the simulator's truth: its world must not move on by itself.
      "--sim-clock",
      "frozen",
      // E2E_SIZE runs the checks against a bigger demo seller (the default is dev/run.ts's 3,000 listings).
      ...(process.env.E2E_SIZE ? ["--size", process.env.E2E_SIZE] : []),
    ],
    {
      cwd,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, FORCE_COLOR: "0" },
    },
  );
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const url = `http://127.0.0.1:${port}`;
  const removeSnapshot = () => {
    if (cwd !== resolve(".")) rmSync(cwd, { recursive: true, force: true });
  };
  const stop = async () => {
    const gone = child.exitCode !== null || child.signalCode !== null || child.pid === undefined;
    if (gone) return removeSnapshot();
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return removeSnapshot();
    }
    const timer = setTimeout(() => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }, 10_000);
    await exited;
    clearTimeout(timer);
    removeSnapshot();
  };
  try {
    await waitForHealth(url, child, timeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, dbPort, simPort, simUrl: `http://127.0.0.1:${simPort}`, stop };
}

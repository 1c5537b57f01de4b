// A throwaway PostgreSQL 15 server, for the ingest benchmark and the tests that need a real server: initdb into
// its own temp dir, 127.0.0.1 on a free port, run as the `postgres` user when we are root (postgres refuses
// root); stop() removes it all.
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

export interface ThrowawayPostgres {
  /** Admin connection string (trust auth), database `postgres`. */
  url: string;
  port: number;
  dir: string;
  stop(): void;
}

/** True when Debian's PostgreSQL server binaries are where startThrowawayPostgres looks for them. */
export function postgresInstalled(): boolean {
  return existsSync(join(PG_BIN, "initdb"));
}

export class PostgresMissingError extends Error {
  override name = "PostgresMissingError";
  constructor() {
    super(
      `PostgreSQL server binaries not found in ${PG_BIN} (set PG_BIN to override).\n` +
        "Install Debian's PostgreSQL 15: apt-get update && apt-get install -y postgresql",
    );
  }
}

function asPostgresUser(command: string, args: string[]): void {
  const binary = join(PG_BIN, command);
  const root = process.getuid?.() === 0;
  execFileSync(root ? "runuser" : binary, root ? ["-u", "postgres", "--", binary, ...args] : args, {
    stdio: "pipe",
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  if (!postgresInstalled()) throw new PostgresMissingError();
  // Our own temp dir, removed by stop(): other servers (another benchmark, a test file) may run at the same time.
  const dir = mkdtempSync(join(tmpdir(), "mi-throwaway-pg-"));
  chmodSync(dir, 0o777);
  const data = join(dir, "data");
  const port = await freePort();
  const stop = () => {
    try {
      if (existsSync(join(data, "postmaster.pid")))
        asPostgresUser("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    asPostgresUser("initdb", [
      "-D",
      data,
      "-U",
      "postgres",
      "--auth=trust",
      "-E",
      "UTF8",
      "--locale=C.UTF-8",
    ]);
    // Stock settings apart from memory: fsync and synchronous_commit stay on, as on a real server.
    // INGEST_PG_OPTIONS adds server settings, e.g. "-c synchronous_commit=off" to see what fsync costs.
    const options = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c shared_buffers=256MB -c max_connections=50 ${process.env.INGEST_PG_OPTIONS ?? ""}`;
    asPostgresUser("pg_ctl", ["-D", data, "-l", join(dir, "server.log"), "-o", options, "-w", "start"]);
  } catch (error) {
    stop();
    throw error;
  }
  return { url: `postgresql://postgres@127.0.0.1:${port}/postgres`, port, dir, stop };
}

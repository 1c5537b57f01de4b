// Parses the command line of `npm run db:local`; errors name the offending argument.

import type { NeonEndpointOptions } from "./server.js";

export const USAGE = `Local Neon-compatible SQL-over-HTTP endpoint.

Usage: npm run db:local -- [--port 8791] [--host 127.0.0.1] [--data-dir .data/pglite | --postgres URL]

  --port N          port to listen on (default 8791; 0 picks a free port)
  --host HOST       interface to listen on (default 127.0.0.1)
  --data-dir DIR    keep PGlite databases under DIR, one folder each (default: in memory)
  --postgres URL    use a real PostgreSQL server; URL is an admin connection string
  --quiet           do not log each request
  --help            show this help

Point the driver at it with neonConfig.fetchEndpoint = "http://HOST:PORT/sql" and a connection
string such as postgresql://local:local@HOST:PORT/main (the path selects the database).`;

export type CliCommand = { kind: "help" } | { kind: "run"; options: NeonEndpointOptions; quiet: boolean };

export class ArgumentError extends Error {}

export function parseArgs(argv: string[]): CliCommand {
  let port = 8791;
  let host: string | undefined;
  let dataDir: string | undefined;
  let postgres: string | undefined;
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? splitOnce(arg) : [arg, undefined];
    const value = (): string => {
      const next = inline ?? argv[++i];
      if (next === undefined || (inline === undefined && next.startsWith("--"))) {
        throw new ArgumentError(`${flag} needs a value`);
      }
      return next;
    };
    switch (flag) {
      case "--help":
      case "-h":
        return { kind: "help" };
      case "--port": {
        const text = value();
        port = Number(text);
        if (!/^\d+$/.test(text) || port > 65535)
          throw new ArgumentError(`--port must be 0-65535, got "${text}"`);
        break;
      }
      case "--host":
        host = value();
        break;
      case "--data-dir":
        dataDir = value();
        break;
      case "--postgres": {
        postgres = value();
        if (!/^postgres(ql)?:\/\//.test(postgres)) {
          throw new ArgumentError(`--postgres must be a postgres:// or postgresql:// URL, got "${postgres}"`);
        }
        break;
      }
      case "--quiet":
        quiet = true;
        break;
      default:
        throw new ArgumentError(`unknown argument "${arg}" (see --help)`);
    }
  }
  if (dataDir !== undefined && postgres !== undefined) {
    throw new ArgumentError("--data-dir and --postgres exclude each other (--data-dir is for PGlite)");
  }
  const backend: NeonEndpointOptions["backend"] =
    postgres !== undefined ? { kind: "postgres", url: postgres } : { kind: "pglite", dataDir };
  return { kind: "run", options: { port, ...(host === undefined ? {} : { host }), backend }, quiet };
}

function splitOnce(arg: string): [string, string] {
  const at = arg.indexOf("=");
  return [arg.slice(0, at), arg.slice(at + 1)];
}

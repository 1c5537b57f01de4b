// Command-line arguments of `npm run sim`, parsed strictly: a bad argument gets an error naming it.

export interface CliOptions {
  host: string;
  port: number;
  seed: number | undefined;
  size: number | undefined;
  timeScale: number | undefined;
  limitsEnabled: boolean;
  mode: "current" | "legacy";
  help: boolean;
}

export const USAGE = `Usage: npm run sim -- [options]

Marketplace simulator (Ozon + Wildberries) for MI Core Edge.

Options:
  --port <n>        port to listen on (default 8790; 0 = random)
  --host <addr>     address to bind (default 127.0.0.1)
  --seed <n>        PRNG seed: same seed + size = same data (default 20261101)
  --size <n>        listings across both marketplaces (default 3000)
  --time-scale <x>  rate-limit clock multiplier; 60 makes a 1-minute window last 1 s (default 1)
  --no-limits       disable all rate limits (demos)
  --legacy          serve the vendors' older behaviour (switched-off endpoints on, old fields); default: this month's
  --help            show this help

Vendor bases: http://HOST:PORT/ozon, /wb/statistics, /wb/seller-analytics. Control: /_sim (see dev/sim/README.md).`;

export class ArgumentError extends Error {}

function integer(name: string, value: string | undefined, min: number, max: number): number {
  if (value === undefined || value.startsWith("--")) throw new ArgumentError(`${name}: a value is required`);
  if (!/^\d+$/.test(value)) throw new ArgumentError(`${name}: expected an integer, got "${value}"`);
  const n = Number(value);
  if (n < min || n > max) throw new ArgumentError(`${name}: must be between ${min} and ${max}, got ${n}`);
  return n;
}

export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = {
    host: "127.0.0.1",
    port: 8790,
    seed: undefined,
    size: undefined,
    timeScale: undefined,
    limitsEnabled: true,
    mode: "current",
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] as string;
    const [flag, inline] = raw.includes("=")
      ? [raw.slice(0, raw.indexOf("=")), raw.slice(raw.indexOf("=") + 1)]
      : [raw, undefined];
    const value = (): string | undefined => (inline !== undefined ? inline : argv[++i]);
    switch (flag) {
      case "--help":
      case "-h":
        options.help = true;
        break;
      case "--port":
        options.port = integer("--port", value(), 0, 65535);
        break;
      case "--host": {
        const host = value();
        if (!host || host.startsWith("--")) throw new ArgumentError("--host: a value is required");
        options.host = host;
        break;
      }
      case "--seed":
        options.seed = integer("--seed", value(), 0, 2 ** 32 - 1);
        break;
      case "--size":
        options.size = integer("--size", value(), 1, 1_000_000);
        break;
      case "--time-scale": {
        const text = value();
        const n = Number(text);
        if (
          text === undefined ||
          text.startsWith("--") ||
          text.trim() === "" ||
          !Number.isFinite(n) ||
          n <= 0
        ) {
          throw new ArgumentError(`--time-scale: expected a positive number, got "${text ?? ""}"`);
        }
        options.timeScale = n;
        break;
      }
      case "--no-limits":
        options.limitsEnabled = false;
        break;
      case "--legacy":
        options.mode = "legacy";
        break;
      default:
        throw new ArgumentError(`${flag}: unknown argument (see --help)`);
    }
  }
  return options;
}

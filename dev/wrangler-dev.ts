// The command line that starts the Worker locally under `wrangler dev` (workerd, local Queues, KV and Durable
// Objects), shared by the dev runner and the ingest benchmark: loopback only, on the given port, cron triggers
// fired through /__scheduled, local state under `persistTo`, the configuration as --var flags.
export function wranglerDevArgs(options: {
  port: number;
  persistTo: string;
  vars: Record<string, string>;
  /** Further flags (another --config). */
  extra?: string[];
}): string[] {
  return [
    "dev",
    "--ip",
    "127.0.0.1",
    "--port",
    String(options.port),
    "--test-scheduled",
    "--show-interactive-dev-session=false",
    "--persist-to",
    options.persistTo,
    ...(options.extra ?? []),
    ...Object.entries(options.vars).flatMap(([name, value]) => ["--var", `${name}:${value}`]),
  ];
}

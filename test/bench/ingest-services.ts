// The benchmark's stand-ins for remote services, each on its own thread: the marketplace simulator (the
// vendors' servers) and the local Neon endpoint (Neon's SQL-over-HTTP proxy). In production neither runs on
// the ingesting machine; on one Node thread their CPU would be charged to the pipeline's wall time.
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { startNeonEndpoint } from "../../dev/neon-endpoint/server";
import { type Simulator, startSimulator } from "../../dev/sim/server";
import { currentThreadStat, threadCpuMs } from "./cpu-time";

/** How the simulator answers: the in-process comparison reads legacy feeds with limits off (the default). */
export interface SimulatorMode {
  mode: "current" | "legacy";
  limitsEnabled: boolean;
  timeScale: number;
}

const LEGACY_UNLIMITED: SimulatorMode = { mode: "legacy", limitsEnabled: false, timeScale: 1 };

type ServiceRequest =
  | { service: "simulator"; minRows: number; seed: number; simMode: SimulatorMode }
  | { service: "endpoint"; postgresUrl: string };

export interface SimulatorService {
  url: string;
  size: number;
  /** Stock rows the simulator's stock feeds list (Ozon FBO and Wildberries cells in feed). */
  feedRows: number;
}

export interface EndpointService {
  url: string;
  sqlUrl: string;
}

export interface RunningService<T> {
  info: T;
  /** CPU milliseconds the service's thread has used since it started (NaN off Linux). */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** Stock rows the simulator's stock feeds list: Ozon FBO (v2 lists FBO only) and Wildberries cells in feed. */
export function feedStockRows(sim: Simulator): number {
  const ozon = sim.truth.stock("ozon").filter((c) => c.inFeed && c.warehouseType === "fbo").length;
  const wb = sim.truth.stock("wb").filter((c) => c.inFeed).length;
  return ozon + wb;
}

async function sizedSimulator(minRows: number, seed: number, simMode: SimulatorMode): Promise<Simulator> {
  // ≈ 2.8 feed rows per listing; grow until the feeds hold enough.
  let size = Math.ceil(minRows / 2.75);
  const sim = await startSimulator({ port: 0, seed, size, ...simMode });
  while (feedStockRows(sim) < minRows) {
    size = Math.ceil(size * 1.05);
    sim.reset({ seed, size });
  }
  return sim;
}

async function serve(request: ServiceRequest): Promise<{ info: unknown; close(): Promise<void> }> {
  if (request.service === "simulator") {
    const sim = await sizedSimulator(request.minRows, request.seed, request.simMode);
    const info: SimulatorService = {
      url: sim.url,
      size: sim.state.world.options.size,
      feedRows: feedStockRows(sim),
    };
    return { info, close: () => sim.close() };
  }
  const endpoint = await startNeonEndpoint({
    port: 0,
    backend: { kind: "postgres", url: request.postgresUrl },
  });
  const info: EndpointService = { url: endpoint.url, sqlUrl: endpoint.sqlUrl };
  return { info, close: () => endpoint.close() };
}

/** Starts a service on a worker thread; stop() closes it and ends the thread. */
function startService<T>(request: ServiceRequest): Promise<RunningService<T>> {
  // The thread registers tsx's loader first, then loads this TypeScript file (Node 20 does not apply
  // `--import` hooks to a worker's entry module).
  const bootstrap = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(bootstrap, { eval: true, workerData: request });
  return new Promise((resolve, reject) => {
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the ${request.service} thread exited (${code})`)));
    worker.once("message", (message: { info?: T; stat?: string; error?: string }) => {
      if (message.error !== undefined) return reject(new Error(`${request.service}: ${message.error}`));
      resolve({
        info: message.info as T,
        cpuMs: () => threadCpuMs(message.stat),
        stop: async () => {
          worker.removeAllListeners("exit");
          worker.postMessage("stop");
          await new Promise((done) => worker.once("exit", done));
        },
      });
    });
  });
}

export const startSimulatorThread = (minRows: number, seed: number, simMode = LEGACY_UNLIMITED) =>
  startService<SimulatorService>({ service: "simulator", minRows, seed, simMode });

export const startEndpointThread = (postgresUrl: string) =>
  startService<EndpointService>({ service: "endpoint", postgresUrl });

const request = workerData as ServiceRequest | undefined;
if (!isMainThread && parentPort && (request?.service === "simulator" || request?.service === "endpoint")) {
  const port = parentPort;
  serve(request).then(
    (running) => {
      port.once("message", () => void running.close().finally(() => process.exit(0)));
      port.postMessage({ info: running.info, stat: currentThreadStat() });
    },
    (error: unknown) => {
      port.postMessage({ error: error instanceof Error ? error.message : String(error) });
    },
  );
}

// CPU time from Linux's /proc, for the benchmark's account of where a sync's CPU went: one thread's time (read
// from any thread of the process) and a PostgreSQL server's (postmaster, live backends, and the exited ones it
// has reaped). Event-loop utilization would count a thread waiting for a core as busy; this does not.
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { join } from "node:path";

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on every Linux this runs on). */
const TICKS_PER_S = 100;

/** The fields after a /proc stat line's "(comm)", which may itself hold spaces and parentheses. */
function statFields(path: string): string[] | undefined {
  try {
    const line = readFileSync(path, "utf8");
    return line.slice(line.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined;
  }
}

/** utime + stime (+ cutime + cstime of reaped children), in ms; fields counted from "state" as 0. */
function cpuMsOf(fields: string[], withChildren: boolean): number {
  const at = (i: number) => Number(fields[i] ?? 0);
  const ticks = at(11) + at(12) + (withChildren ? at(13) + at(14) : 0);
  return (ticks * 1000) / TICKS_PER_S;
}

/** The calling thread's /proc stat file, readable by the whole process; undefined off Linux. */
export function currentThreadStat(): string | undefined {
  try {
    return join("/proc", readlinkSync("/proc/thread-self"), "stat");
  } catch {
    return undefined;
  }
}

/** CPU ms a thread has used, from its currentThreadStat() path; NaN when it cannot be read. */
export function threadCpuMs(statPath: string | undefined): number {
  const fields = statPath === undefined ? undefined : statFields(statPath);
  return fields ? cpuMsOf(fields, false) : Number.NaN;
}

/** What a PostgreSQL process does, from its title ("postgres: autovacuum worker", "postgres: walwriter"…). */
function postgresRole(pid: string): string {
  try {
    const title = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
    if (title.includes("autovacuum")) return "autovacuum";
    if (/checkpointer|background writer|walwriter|wal writer/.test(title)) return "writers";
    if (/logger|stats|archiver|launcher/.test(title)) return "other";
    return "backends";
  } catch {
    return "exited";
  }
}

/** A PostgreSQL server's CPU so far: each live process's (by pid, with its role), and what the postmaster has
 * used itself plus the exited processes it reaped. */
export interface PostgresCpu {
  live: Map<string, { role: string; ms: number }>;
  reapedMs: number;
}

/** The server's CPU now; undefined off Linux or when it is not running. */
export function postgresCpu(dataDir: string): PostgresCpu | undefined {
  let postmaster: number;
  try {
    postmaster = Number(readFileSync(join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  } catch {
    return undefined;
  }
  const own = statFields(`/proc/${postmaster}/stat`);
  if (!own) return undefined;
  const live = new Map<string, { role: string; ms: number }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(`/proc/${entry}/stat`);
    // fields[1] is the parent pid.
    if (fields && Number(fields[1]) === postmaster)
      live.set(entry, { role: postgresRole(entry), ms: cpuMsOf(fields, false) });
  }
  return { live, reapedMs: cpuMsOf(own, true) };
}

/**
 * CPU ms the server used between two readings, by role. `exited` is what processes that ended in between
 * (parallel workers, closed sessions) used in that time, and the postmaster's own.
 */
export function postgresCpuBetween(before: PostgresCpu | undefined, after: PostgresCpu | undefined) {
  const byRole: Record<string, number> = {};
  if (!before || !after) return byRole;
  const add = (role: string, ms: number) => {
    byRole[role] = (byRole[role] ?? 0) + ms;
  };
  for (const [pid, now] of after.live) add(now.role, now.ms - (before.live.get(pid)?.ms ?? 0));
  let gone = 0;
  for (const [pid, then] of before.live) if (!after.live.has(pid)) gone += then.ms;
  add("exited", after.reapedMs - before.reapedMs - gone);
  return byRole;
}

/** Pids of the processes under `root` (its descendants, not itself) whose command name is `comm`. */
export function descendantsNamed(root: number, comm: string): number[] {
  const parents = new Map<number, number>();
  const names = new Map<number, string>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const line = readFileSync(`/proc/${entry}/stat`, "utf8");
      names.set(Number(entry), line.slice(line.indexOf("(") + 1, line.lastIndexOf(")")));
      parents.set(Number(entry), Number(line.slice(line.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // exited while listing
    }
  }
  const under = (pid: number): boolean => {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p)) if (p === root) return true;
    return false;
  };
  return [...names].filter(([pid, name]) => name === comm && under(pid)).map(([pid]) => pid);
}

/** A process's CPU ms so far (all its threads: utime + stime), NaN when it cannot be read. */
export function processCpuMs(pid: number): number {
  const fields = statFields(`/proc/${pid}/stat`);
  return fields ? cpuMsOf(fields, false) : Number.NaN;
}

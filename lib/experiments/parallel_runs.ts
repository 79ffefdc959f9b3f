// Independent seeded runs on all cores: parallelRuns("nb03.deepReluRun", [["He", 1], ["Xavier", 1]]) gives the
// same results, in the same order, as calling course.nb03.deepReluRun on each argument list in turn.
//
// Why: the notebooks' sweeps (seeds, depths, learning rates, initializers) are many small runs, each too small
// for the matmul's own threads to pay. Whole runs split across cores without any coordination, and each run
// draws from its own seeded Rng, so which thread ran it cannot change a number.
//
// The call is synchronous, like every experiment: a shared counter hands out runs one at a time; this thread
// takes runs too, so the helper threads only add speed (a helper that never starts leaves all the work here).
// Results come back through a MessagePort read with receiveMessageOnPort, which needs no event loop.
// Only numbers, strings, plain objects, arrays and Matrices cross threads (structured clone; Matrices revived).

import * as os from "os";
import * as path from "path";
import { MessageChannel, MessagePort, Worker, isMainThread, receiveMessageOnPort } from "worker_threads";
import { Matrix } from "../engine/matrix";
import { getMatmulThreads, matmulThreadsForced, setMatmulThreads } from "../engine/matmul_wasm";
import { runRegistered } from "./parallel_registry";

const WORKER_FILE = "parallel_worker.js";
// Waiting longer than this for a helper's last run means it is stuck (a bug, not a slow run).
const STALL_MS = 15 * 60_000;

let helperCount: number | null = null; // null: decided on first use
const helpers: Worker[] = [];

/** How many helper threads parallelRuns uses besides the calling one: "auto" is one per extra core (up to 3); 0 runs everything here. */
export function setParallelHelpers(count: number | "auto"): void {
  if (count !== "auto" && (!Number.isInteger(count) || count < 0 || count > 7)) {
    throw new Error(`setParallelHelpers: expected "auto" or an integer from 0 to 7, got ${JSON.stringify(count)}`);
  }
  helperCount = count === "auto" ? defaultHelpers() : count;
}

function defaultHelpers(): number {
  if (process.env.COURSE_PARALLEL === "0") return 0;
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  return Math.max(0, Math.min(3, cores - 1));
}

interface Reply {
  index: number;
  value?: unknown;
  error?: string;
}

/**
 * Calls the experiment `name` ("nb01.seedRun" style: a notebook namespace and a function in it) once per
 * argument list and returns the results in order. An error in any run is thrown here, naming the run.
 */
export function parallelRuns<T = unknown>(name: string, argLists: readonly (readonly unknown[])[]): T[] {
  if (typeof name !== "string") throw new Error(`parallelRuns: expected an experiment name like "nb03.deepReluRun", got ${typeof name}`);
  if (!Array.isArray(argLists) || !argLists.every((a) => Array.isArray(a))) {
    throw new Error(`parallelRuns(${name}): expected an array of argument lists (arrays), got ${describeList(argLists)}`);
  }
  runRegistered(name, null); // an unknown name fails here, before any thread starts
  const n = argLists.length;
  const wanted = isMainThread ? Math.min(helperCount ?? (helperCount = defaultHelpers()), n - 1) : 0;
  if (wanted <= 0) return argLists.map((args) => runRegistered(name, args) as T);

  const shared = new Int32Array(new SharedArrayBuffer(8)); // [next run to hand out, runs finished]
  const replyPorts = startHelpers(wanted).map((w) => {
    const { port1, port2 } = new MessageChannel();
    w.postMessage({ name, argLists, shared, replyTo: port2 }, [port2]);
    return port1;
  });
  return collect<T>(name, argLists, shared, replyPorts);
}

function collect<T>(name: string, argLists: readonly (readonly unknown[])[], shared: Int32Array, replyPorts: MessagePort[]): T[] {
  const n = argLists.length;
  const results = new Array<unknown>(n);
  const errors: (string | undefined)[] = new Array(n);
  const restoreThreads = matmulThreadsForced() ? getMatmulThreads() : "auto";
  setMatmulThreads(1); // the cores are busy with whole runs; splitting a product too would only oversubscribe
  try {
    for (;;) {
      const i = Atomics.add(shared, 0, 1);
      if (i >= n) break;
      try {
        results[i] = runRegistered(name, argLists[i]);
      } catch (e) {
        errors[i] = (e as Error).message;
      }
      Atomics.add(shared, 1, 1);
    }
    const deadline = Date.now() + STALL_MS;
    while (Atomics.load(shared, 1) < n) {
      const seen = Atomics.load(shared, 1);
      if (Date.now() > deadline) throw new Error(`parallelRuns(${name}): a helper thread stopped answering (${seen} of ${n} runs finished)`);
      Atomics.wait(shared, 1, seen, 1000);
    }
  } finally {
    setMatmulThreads(restoreThreads);
  }
  // A helper posts its reply before counting the run as finished, so every reply is in its port by now.
  for (const port of replyPorts) {
    for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port)) {
      const r = m.message as Reply;
      if (r.error !== undefined) errors[r.index] = r.error;
      else results[r.index] = revive(r.value);
    }
    port.close();
  }
  const failed = errors.findIndex((e) => e !== undefined);
  if (failed >= 0) throw new Error(`parallelRuns(${name}), run ${failed} (arguments ${JSON.stringify(argLists[failed])}): ${errors[failed]}`);
  return results as T[];
}

function startHelpers(count: number): Worker[] {
  const file = path.join(__dirname, WORKER_FILE);
  while (helpers.length < count) {
    const w = new Worker(file);
    w.unref(); // an idle helper must not keep a script, a test run or a notebook kernel alive
    w.on("error", () => helpers.splice(helpers.indexOf(w), 1));
    helpers.push(w);
  }
  return helpers.slice(0, count);
}

/** Matrices lose their class crossing threads (structured clone); put it back on anything shaped like one. */
export function revive(v: unknown): unknown {
  if (v === null || typeof v !== "object" || ArrayBuffer.isView(v)) return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = revive(v[i]);
    return v;
  }
  const o = v as Record<string, unknown>;
  if (Object.getPrototypeOf(o) === Object.prototype && o.data instanceof Float64Array && typeof o.rows === "number" && typeof o.cols === "number" && Object.keys(o).length === 3) {
    return new Matrix(o.rows, o.cols, o.data);
  }
  for (const k of Object.keys(o)) o[k] = revive(o[k]);
  return o;
}

function describeList(v: unknown): string {
  return Array.isArray(v) ? `an array with a ${v.find((a) => !Array.isArray(a)) === null ? "null" : typeof v.find((a) => !Array.isArray(a))} in it` : v === null ? "null" : typeof v;
}

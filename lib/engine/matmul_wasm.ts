// Runs matmul in the WebAssembly SIMD kernel compiled from matmul_wasm_kernel.as.ts.
// Loading is synchronous (a file read and new WebAssembly.Module), so matmul stays a plain function. Without
// the .wasm file (no `npm run build`) or SIMD, wasmMatmulStatus() says why and matmul.ts uses tiled JS.
//
// WebAssembly can only read its own memory, so each call copies A and B in and C out (about 0.05 ms per MB
// here); matmulWasmAt skips the copies for matrices that already live there (wasm_heap.ts). The memory grows
// to fit the largest product seen so far (about 12 MB for the tutorial's net, mostly untouched packing space), up to
// WASM_MAX_BYTES; it cannot shrink, so later products reuse it. "auto" sends products that would not fit to tiled JS.
//
// Big products are split between this thread and helper threads (worker_threads, matmul_worker.ts) that run
// the same module on the same shared memory; each computes its own rows (or columns) of C. The call still
// returns synchronously: this thread does its part, then sleeps in Atomics.wait until the helpers are done.
// Helpers start in the background on first use; until one says it is ready, its share runs here.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import { Matrix } from "./matrix";
import { CTRL, KernelExports } from "./matmul_wasm_protocol";
import { loadFmaModule } from "./matmul_wasm_fma";
import { MAX_PAGES, WASM_MAX_BYTES, WasmMemory, align, ensureBytes, mib, productLayout } from "./wasm_memory";

export { WASM_MAX_BYTES, align, ensureBytes } from "./wasm_memory";

/** File name of the compiled kernel, next to this module's .js in build/lib/engine/. */
export const WASM_KERNEL_FILE = "matmul_wasm_kernel.wasm";
const WORKER_FILE = "matmul_worker.js";

// Products with fewer multiply-adds stay on one thread: waking a helper costs tens of microseconds.
const THREAD_MIN_MACS = 400_000;
const MAX_THREADS = 8;

// The few WebAssembly APIs used here. Node has them; tsconfig's ES2022 lib does not declare them.
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
  Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => WasmMemory;
};

interface Helper {
  ctrl: Int32Array; // this helper's control block
  work: number; // byte offset of its packing scratch space
  job: number; // last job number handed to it
  worker: Worker;
}

interface Loaded {
  module: object;
  memory: WasmMemory;
  kernel: KernelExports;
  work: number; // this thread's packing scratch space
  helperStart: number; // control blocks and scratch of the helpers start here
  dataStart: number; // operands are copied from here on; buffers kept in wasm memory (wasm_heap.ts) sit below
  helpers: Helper[];
}

/** The loaded kernel and its memory, for wasm_heap.ts (buffers that live in wasm memory); null if unavailable. */
export function loadedWasmKernel(): Loaded | null {
  return wasmMatmulAvailable() ? loaded : null;
}

let loaded: Loaded | null = null;
let status: string | null = null; // null: not tried yet; "ok" or why the kernel is unavailable
let threads = defaultThreads();
let forcedThreads = false; // set by setMatmulThreads(n): no load-based fallback
let fma = "off";
let threadProblem: string | null = null; // set if helper threads failed; then everything runs here

// On a busy machine a helper may not get a core for milliseconds, and waiting for it is worse than doing
// its share here. Two guards:
//  - while the 1-minute load average exceeds the number of cores + 1.5, big products stay on this thread
//    (checked once a second);
//  - each split call compares the total time with this thread's own part (equal bands: ideally equal); when
//    the running average says the split does not pay, splitting pauses for `pauseLength` calls, a length that
//    doubles each time it happens again and resets once a split pays.
// With equal bands one thread alone would take about parts × own, so total / own near `parts` means no gain.
// Measured here on an idle machine with 2 threads: median total/own 1.09 on 128×1000×100, 1.5 on 128×100×100.
const NO_GAIN = 0.9; // splitting pays while the average total / own stays under NO_GAIN × parts
const FIRST_PAUSE = 200;
const MAX_PAUSE = 6400;
let slowness = 1; // running average of total / own part (1 is perfect)
let pausedCalls = 0;
let pauseLength = FIRST_PAUSE;
let loadCheckedAt = -Infinity;
let machineBusy = false;

function cores(): number {
  return typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
}

function busyMachine(): boolean {
  const now = performance.now();
  if (now - loadCheckedAt > 1000) {
    loadCheckedAt = now;
    // Our own two busy threads already count about 2 in the load average; loadavg is [0, 0, 0] on Windows.
    machineBusy = os.loadavg()[0] > cores() + 1.5;
  }
  return machineBusy;
}

function defaultThreads(): number {
  return Math.max(1, Math.min(4, cores()));
}

/** "ok" when the WebAssembly kernel loaded, otherwise the reason it did not. Loads on first call. */
export function wasmMatmulStatus(): string {
  if (status === null) load();
  return status!;
}

export function wasmMatmulAvailable(): boolean {
  return wasmMatmulStatus() === "ok";
}

/**
 * How many threads big wasm products use (this one plus helpers). "auto", the default, uses up to
 * min(cores, 4) but falls back to one thread while the machine is busy or the helpers answer late;
 * a number is obeyed as given (setMatmulThreads(1) keeps all work on the calling thread).
 */
export function setMatmulThreads(count: number | "auto"): void {
  if (count === "auto") {
    threads = defaultThreads();
    forcedThreads = false;
    return;
  }
  if (!Number.isInteger(count) || count < 1 || count > MAX_THREADS) {
    throw new Error(`setMatmulThreads: expected "auto" or an integer from 1 to ${MAX_THREADS}, got ${JSON.stringify(count)}`);
  }
  threads = count;
  forcedThreads = true;
}

/** Whether setMatmulThreads was given a number (rather than "auto"). */
export const matmulThreadsForced = (): boolean => forcedThreads;

/** The number of threads big products may use now ("auto" resolves to min(cores, 4)). */
export function getMatmulThreads(): number {
  return threads;
}

/** How the helper threads are doing: how many are running and ready, or why threads were given up. */
export function matmulThreadStatus(): string {
  if (threadProblem !== null) return `one thread only: ${threadProblem}`;
  const helpers = loaded?.helpers ?? [];
  const ready = helpers.filter((h) => Atomics.load(h.ctrl, CTRL.ready) === 1).length;
  const paused = pausedCalls > 0 ? `; splitting paused for ${pausedCalls} calls (helpers were late)` : "";
  const busy = threads > 1 && !forcedThreads && busyMachine() ? `; machine busy (load average ${os.loadavg()[0].toFixed(1)} on ${cores()} cores): one thread for now` : "";
  return `${threads} thread(s) ${forcedThreads ? "set" : "wanted (auto)"}; ${helpers.length} helper(s) started, ${ready} ready${paused}${busy}`;
}

function load(): void {
  const file = path.join(__dirname, WASM_KERNEL_FILE);
  try {
    if (typeof WebAssembly !== "object") throw new Error("this runtime has no WebAssembly");
    if (!fs.existsSync(file)) throw new Error(`${file} not found (run \`npm run build\`)`);
    const fmaBuild = loadFmaModule(__dirname);
    fma = fmaBuild.status;
    const module = fmaBuild.module ?? new WebAssembly.Module(fs.readFileSync(file));
    const memory = new WebAssembly.Memory({ initial: 1, maximum: MAX_PAGES, shared: true });
    // (not named `exports`: that would shadow CommonJS's own in the compiled file)
    const kernel = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as KernelExports;
    const work = align(kernel.heapBase());
    const helperStart = align(work + kernel.workBytes());
    const perHelper = align(CTRL.size * 4 + kernel.workBytes());
    const dataStart = align(helperStart + (MAX_THREADS - 1) * perHelper);
    loaded = { module, memory, kernel, work, helperStart, dataStart, helpers: [] };
    status = "ok";
  } catch (e) {
    loaded = null;
    status = `WebAssembly matmul unavailable: ${(e as Error).message}`;
  }
}

/** Whether the matmul kernel uses fused multiply-add (opt-in: COURSE_MATMUL_FMA=1, see matmul_wasm_fma.ts). */
export function matmulFmaStatus(): string {
  wasmMatmulStatus();
  return fma;
}

/** Whether the wasm kernel is loaded and its memory can hold the operands of op(A)(m,k) · op(B)(k,n). */
export function wasmProductFits(m: number, k: number, n: number): boolean {
  return wasmMatmulAvailable() && productLayout(loaded!.dataStart, m, k, n).end <= WASM_MAX_BYTES;
}

// Starts helper threads up to `count`; they report ready in their control block when their instance exists.
function startHelpers(L: Loaded, count: number): void {
  const workerFile = path.join(__dirname, WORKER_FILE);
  if (!fs.existsSync(workerFile)) {
    threadProblem = `${workerFile} not found`;
    return;
  }
  const perHelper = align(CTRL.size * 4 + L.kernel.workBytes());
  while (L.helpers.length < count) {
    const ctrlOffset = L.helperStart + L.helpers.length * perHelper;
    const work = align(ctrlOffset + CTRL.size * 4);
    ensureBytes(L.memory, work + L.kernel.workBytes());
    const ctrl = new Int32Array(L.memory.buffer, ctrlOffset, CTRL.size);
    ctrl.fill(0);
    const worker = new Worker(workerFile, { workerData: { wasmModule: L.module, memory: L.memory, ctrlOffset, work } });
    worker.unref(); // an idle helper must not keep Node (a script, a test run, a notebook kernel) alive
    worker.on("error", (err) => {
      threadProblem = `matmul helper thread failed: ${err.message}`;
    });
    L.helpers.push({ ctrl, work, job: 0, worker });
  }
}

// C(m,n) = op(A)(m,k) · op(B)(k,n), overwriting C. Callers check shapes first (matmul_shape.ts).
export function matmulWasmKernel(c: Matrix, a: Matrix, b: Matrix, transA: boolean, transB: boolean): void {
  if (!wasmMatmulAvailable()) throw new Error(wasmMatmulStatus());
  const L = loaded!;
  const m = c.rows, n = c.cols, k = transA ? a.rows : a.cols;
  const { aOff, bOff, cOff, end } = productLayout(L.dataStart, m, k, n);
  if (end > WASM_MAX_BYTES) {
    throw new Error(`matmul (wasm kernel): ${m}×${k} by ${k}×${n} into ${m}×${n} needs ${mib(end)} of WebAssembly memory, ` +
      `over its limit of ${mib(WASM_MAX_BYTES)}; the "auto" (default) or "tiled" kernel does this product in JavaScript`);
  }
  ensureBytes(L.memory, end);
  const heap = new Float64Array(L.memory.buffer); // a fresh view: after grow() the old one is too short
  heap.set(a.data, aOff / 8);
  heap.set(b.data, bOff / 8);
  matmulWasmAt(m, k, n, aOff, transA, bOff, transB, cOff);
  c.data.set(heap.subarray(cOff / 8, cOff / 8 + m * n));
}

/**
 * C(m,n) = op(A)(m,k) · op(B)(k,n) on matrices already in wasm memory, at byte offsets (wasm_heap.ts):
 * no copies. Same kernel, same bands and so the same sums as matmulWasmKernel.
 */
export function matmulWasmAt(m: number, k: number, n: number, aOff: number, transA: boolean, bOff: number, transB: boolean, cOff: number): void {
  if (!wasmMatmulAvailable()) throw new Error(wasmMatmulStatus());
  const L = loaded!;

  // Split C into `parts` bands of whole 4×4 tiles, across the longer side; band 0 is ours.
  let want = threadProblem === null && m * k * n >= THREAD_MIN_MACS ? threads : 1;
  if (want > 1 && !forcedThreads && pausedCalls > 0) {
    pausedCalls--;
    want = 1;
  }
  if (want > 1 && !forcedThreads && busyMachine()) want = 1;
  if (want > 1 && L.helpers.length < want - 1) startHelpers(L, want - 1);
  const ready = L.helpers.slice(0, want - 1).filter((h) => Atomics.load(h.ctrl, CTRL.ready) === 1);
  const byRows = m >= n;
  const tiles = Math.ceil((byRows ? m : n) / 4);
  const parts = Math.min(ready.length + 1, tiles);
  const bandEnd = (p: number): number => Math.min(byRows ? m : n, Math.round((tiles * p) / parts) * 4);
  const args = (p: number): number[] => {
    const lo = bandEnd(p), hi = bandEnd(p + 1);
    return [m, k, n, aOff, transA ? 1 : 0, bOff, transB ? 1 : 0, cOff, byRows ? lo : 0, byRows ? hi : m, byRows ? 0 : lo, byRows ? n : hi];
  };
  const start = performance.now();
  for (let p = 1; p < parts; p++) post(ready[p - 1], args(p));
  const [am, ak, an, aa, ata, ab, atb, ac, i0, i1, j0, j1] = args(0);
  L.kernel.matmul(am, ak, an, aa, ata, ab, atb, ac, i0, i1, j0, j1, L.work);
  if (parts > 1) {
    const own = performance.now() - start;
    for (let p = 1; p < parts; p++) waitFor(ready[p - 1]);
    const ratio = (performance.now() - start) / Math.max(own, 1e-3);
    slowness = 0.9 * slowness + 0.1 * Math.min(ratio, 1.5 * parts); // about the last ten calls; one hiccup is not enough
    if (slowness > NO_GAIN * parts) {
      pausedCalls = pauseLength;
      pauseLength = Math.min(2 * pauseLength, MAX_PAUSE);
      slowness = 1;
    } else if (ratio < NO_GAIN * parts) {
      pauseLength = FIRST_PAUSE;
    }
  }
}

function post(h: Helper, args: number[]): void {
  for (let q = 0; q < args.length; q++) h.ctrl[CTRL.args + q] = args[q];
  h.ctrl[CTRL.args + 12] = h.work;
  h.job++;
  Atomics.store(h.ctrl, CTRL.job, h.job);
  Atomics.notify(h.ctrl, CTRL.job, 1);
}

// Sleeps until the helper finished its job. A helper that stops answering is a bug, not a slow product:
// after a minute we give up on threads and say so.
function waitFor(h: Helper): void {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const done = Atomics.load(h.ctrl, CTRL.done);
    if (done === h.job) break;
    if (Date.now() > deadline) {
      threadProblem = "a matmul helper thread stopped answering";
      throw new Error(`matmul: ${threadProblem}; later calls run on one thread`);
    }
    Atomics.wait(h.ctrl, CTRL.done, done, 1000);
  }
  if (Atomics.load(h.ctrl, CTRL.failed) !== 0) {
    threadProblem = "a matmul helper thread failed";
    throw new Error(`matmul: ${threadProblem}; later calls run on one thread`);
  }
}

// `npm run bench`: the tutorial's workload timed on every implementation we have, in one process run.
// Workload: N=128, 1000 → 100 → 100 → 10, ReLU, sum of squares, 1000 full-batch gradient-descent steps
// (forward, backward, update), He initialization so the numbers stay finite.
//   engine     lib/ float64: the fast step (trainThreeLayerFast: everything in wasm memory, no copies), then the
//              readable step (ThreeLayerNet + trainGradientDescent) on matmul "auto", wasm on 1 thread and on
//              all (up to 4) threads, and tiled JS
//   numpy      scripts/bench_numpy.py under /usr/bin/python3 (OpenBLAS), float64
//   tfjs-wasm  scripts/bench_tfjs.ts, float32;  tfjs-cpu the same on the plain JS backend
// A progress line per row goes to stderr as it finishes. Prints a table (seconds, GFLOP/s, time ÷ numpy's, CPU seconds: on a busy machine wall time is shared with
// other processes, CPU time much less so) and the lines `engine vs numpy: 1.23x` and
// `engine vs tfjs-wasm: ...` (engine = the fast step), the engine's GFLOP/s beside a measured register-only
// wasm-SIMD peak (the physical limit of this instruction mix on one thread), then GFLOP/s of each matmul kernel on the step's own shapes.
//
// Options: --steps N (default 1000)  --tfjs-steps N (default: --steps)  --no-tfjs  --no-numpy  --naive
// (--naive adds the readable kernel; it takes about a minute per 1000 steps.)

import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Rng } from "../lib/engine/random";
import { Matrix } from "../lib/engine/matrix";
import { MatmulKernelName, matmul, matmulKernelFor, setMatmulKernel } from "../lib/engine/matmul";
import { getMatmulThreads, matmulThreadStatus, setMatmulThreads, wasmMatmulAvailable, wasmMatmulStatus } from "../lib/engine/matmul_wasm";
import { ThreeLayerNet } from "../lib/nn/three_layer_net";
import { TrainHistory, TrainOptions, trainGradientDescent } from "../lib/train/gradient_descent";
import { trainThreeLayerFast } from "../lib/train/fast_three_layer_step";
import { loadedWasmKernel, matmulFmaStatus } from "../lib/engine/matmul_wasm";
import { benchTfjs } from "./bench_tfjs";

const N = 128;
const DIMS: [number, number, number, number] = [1000, 100, 100, 10];
const LEARNING_RATE = 1e-4;
const SEED = 7;

// The step's matrix products as (m, k, n, transA, transB): forward, then backward (dw3, da2, dw2, da1, dw1).
const STEP_PRODUCTS: [number, number, number, boolean, boolean][] = [
  [N, DIMS[0], DIMS[1], false, false],
  [N, DIMS[1], DIMS[2], false, false],
  [N, DIMS[2], DIMS[3], false, false],
  [DIMS[2], N, DIMS[3], true, false],
  [N, DIMS[3], DIMS[2], false, true],
  [DIMS[1], N, DIMS[2], true, false],
  [N, DIMS[2], DIMS[1], false, true],
  [DIMS[0], N, DIMS[1], true, false],
];
/** Floating-point operations of one step: 2·m·k·n per product (the elementwise work is under 1% and not counted). */
const FLOPS_PER_STEP = STEP_PRODUCTS.reduce((s, [m, k, n]) => s + 2 * m * k * n, 0);

interface Row {
  name: string;
  seconds: number | null; // null: not run
  cpuSeconds: number | null; // CPU time over the same span, all threads of the process
  steps: number;
  note: string;
}

function parseArgs(argv: string[]) {
  const opts = { steps: 1000, tfjsSteps: -1, tfjs: true, numpy: true, naive: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const int = (): number => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 1) throw new Error(`bench: ${arg} expects a positive integer, got ${argv[i]}`);
      return v;
    };
    if (arg === "--steps") opts.steps = int();
    else if (arg === "--tfjs-steps") opts.tfjsSteps = int();
    else if (arg === "--no-tfjs") opts.tfjs = false;
    else if (arg === "--no-numpy") opts.numpy = false;
    else if (arg === "--naive") opts.naive = true;
    else throw new Error(`bench: unknown option ${arg}; expected --steps N, --tfjs-steps N, --no-tfjs, --no-numpy or --naive`);
  }
  if (opts.tfjsSteps < 0) opts.tfjsSteps = opts.steps;
  return opts;
}

function heNet(rng: Rng): ThreeLayerNet {
  const [dIn, h1, h2, dOut] = DIMS;
  return new ThreeLayerNet({
    w1: rng.randn(dIn, h1, Math.sqrt(2 / dIn)),
    w2: rng.randn(h1, h2, Math.sqrt(2 / h1)),
    w3: rng.randn(h2, dOut, Math.sqrt(2 / h2)),
  });
}

type Trainer = (net: ThreeLayerNet, x: Matrix, y: Matrix, options: TrainOptions) => TrainHistory;

function benchEngine(kernel: MatmulKernelName, steps: number, train: Trainer = trainGradientDescent): { seconds: number; cpuSeconds: number; finalLoss: number } {
  setMatmulKernel(kernel);
  const rng = new Rng(SEED);
  const x = rng.randn(N, DIMS[0]);
  const y = rng.randn(N, DIMS[3]);
  const net = heNet(rng);
  train(net.clone(), x, y, { learningRate: LEARNING_RATE, steps: 5 }); // JIT warm-up
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const history = train(net, x, y, { learningRate: LEARNING_RATE, steps });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  setMatmulKernel("auto");
  if (history.divergedAtStep !== null) throw new Error(`bench: the engine diverged at step ${history.divergedAtStep}`);
  return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, finalLoss: history.loss[history.loss.length - 1] };
}

function benchNumpy(steps: number): { seconds: number; cpuSeconds: number; note: string } | { error: string } {
  const python = "/usr/bin/python3";
  // From build/scripts/bench.js or scripts/bench.ts alike, the .py sits in <repo>/scripts/.
  const candidates = [path.join(__dirname, "bench_numpy.py"), path.join(__dirname, "..", "..", "scripts", "bench_numpy.py")];
  const script = candidates.find((p) => fs.existsSync(p));
  if (!fs.existsSync(python)) return { error: `${python} not found` };
  if (!script) return { error: `bench_numpy.py not found (looked in ${candidates.join(", ")})` };
  const run = spawnSync(python, [script, String(steps), String(LEARNING_RATE)], { encoding: "utf8" });
  if (run.status !== 0) return { error: `numpy run failed: ${(run.stderr || run.error?.message || "").trim().split("\n").pop()}` };
  const out = JSON.parse(run.stdout.trim().split("\n").pop()!);
  return { seconds: out.seconds, cpuSeconds: out.cpu_seconds, note: `numpy ${out.numpy}, BLAS: ${out.blas}, final loss ${out.final_loss.toExponential(2)}` };
}

function gflops(seconds: number, steps: number): number {
  return (FLOPS_PER_STEP * steps) / seconds / 1e9;
}

function printTable(rows: Row[], numpySecondsPer1000: number | null): void {
  const header = ["implementation", "steps", "seconds/1000 steps", "GFLOP/s", "÷ numpy", "CPU s/1000 steps", "notes"];
  const lines = rows.map((r) => {
    const per1000 = r.seconds === null ? null : (r.seconds * 1000) / r.steps;
    return [
      r.name,
      String(r.steps),
      per1000 === null ? "—" : per1000.toFixed(2),
      r.seconds === null ? "—" : gflops(r.seconds, r.steps).toFixed(2),
      per1000 === null || numpySecondsPer1000 === null ? "—" : `${(per1000 / numpySecondsPer1000).toFixed(2)}x`,
      r.cpuSeconds === null ? "—" : ((r.cpuSeconds * 1000) / r.steps).toFixed(2),
      r.note,
    ];
  });
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c].length)));
  const fmt = (cells: string[]) => "| " + cells.map((s, c) => s.padEnd(widths[c])).join(" | ") + " |";
  console.log(fmt(header));
  console.log("|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|");
  for (const l of lines) console.log(fmt(l));
}

/** GFLOP/s of each kernel on each of the step's products, best of a few timed repetitions. */
function kernelTable(withNaive: boolean): void {
  const rng = new Rng(SEED + 1);
  // [column title, kernel, threads]
  const columns: [string, Exclude<MatmulKernelName, "auto">, number | "auto"][] = [];
  if (withNaive) columns.push(["naive", "naive", "auto"]);
  columns.push(["tiled", "tiled", "auto"]);
  if (wasmMatmulAvailable()) {
    columns.push(["wasm 1 thread", "wasm", 1]);
    columns.push(["wasm auto threads", "wasm", "auto"]);
  }
  console.log("\nmatmul kernels, GFLOP/s on the step's products (op(A)(m,k)·op(B)(k,n)):");
  const header = ["m×k×n", "transA", "transB", ...columns.map((c) => c[0]), "auto picks"];
  console.log("| " + header.join(" | ") + " |");
  console.log("|" + header.map(() => "---").join("|") + "|");
  for (const [m, k, n, transA, transB] of STEP_PRODUCTS) {
    const a = transA ? rng.randn(k, m) : rng.randn(m, k);
    const b = transB ? rng.randn(n, k) : rng.randn(k, n);
    const cells = columns.map(([, kernel, threads]) => {
      setMatmulKernel(kernel);
      setMatmulThreads(threads);
      const reps = kernel === "naive" ? 2 : Math.max(3, Math.ceil(2e8 / (2 * m * k * n)));
      let best = Infinity;
      for (let round = 0; round < 3; round++) {
        const start = process.hrtime.bigint();
        for (let r = 0; r < reps; r++) matmul(a, b, { transA, transB });
        best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9 / reps);
      }
      return ((2 * m * k * n) / best / 1e9).toFixed(2);
    });
    setMatmulKernel("auto");
    setMatmulThreads("auto");
    console.log(`| ${m}×${k}×${n} | ${transA} | ${transB} | ${cells.join(" | ")} | ${matmulKernelFor(m, k, n)} |`);
  }
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const cpu = os.cpus();
  console.log(`machine: ${cpu[0]?.model ?? "unknown CPU"}, ${cpu.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; load average ${os.loadavg()[0].toFixed(2)} (other processes slow every row)`);
  console.log(`workload: N=${N}, ${DIMS.join("→")}, ${(FLOPS_PER_STEP / 1e6).toFixed(1)} MFLOP per step of forward+backward+update`);
  console.log(`wasm matmul: ${wasmMatmulStatus()}; fused multiply-add: ${matmulFmaStatus()}\n`);

  const rows: Row[] = [];
  const add = (row: Row): void => {
    rows.push(row);
    const per1000 = row.seconds === null ? "—" : ((row.seconds * 1000) / row.steps).toFixed(2);
    process.stderr.write(`  ${row.name}: ${per1000} s/1000 steps (load average ${os.loadavg()[0].toFixed(1)})\n`);
  };
  const engineRow = (name: string, r: { seconds: number; cpuSeconds: number }, note: string): Row =>
    ({ name, seconds: r.seconds, cpuSeconds: r.cpuSeconds, steps: opts.steps, note });
  const fast = benchEngine("auto", opts.steps, trainThreeLayerFast);
  add(engineRow("engine (fast step)", fast, `float64, final loss ${fast.finalLoss.toExponential(2)}; ${matmulThreadStatus()}`));
  const auto = benchEngine("auto", opts.steps);
  add(engineRow("engine (readable, matmul auto)", auto, `float64, final loss ${auto.finalLoss.toExponential(2)}`));
  if (wasmMatmulAvailable() && getMatmulThreads() > 1) {
    const threads = getMatmulThreads();
    setMatmulThreads(1);
    add(engineRow("engine (fast step, 1 thread)", benchEngine("auto", opts.steps, trainThreeLayerFast), "float64"));
    add(engineRow("engine (readable, wasm, 1 thread)", benchEngine("wasm", opts.steps), "float64"));
    setMatmulThreads(threads); // obeyed even on a busy machine: shows what the split gives right now
    add(engineRow(`engine (fast step, ${threads} threads)`, benchEngine("auto", opts.steps, trainThreeLayerFast), "float64"));
    setMatmulThreads("auto");
  }
  add(engineRow("engine (readable, tiled JS)", benchEngine("tiled", opts.steps), "float64"));
  if (opts.naive) add(engineRow("engine (readable, naive)", benchEngine("naive", opts.steps), "float64"));

  let numpyPer1000: number | null = null;
  if (opts.numpy) {
    const np = benchNumpy(opts.steps);
    if ("error" in np) add({ name: "numpy", seconds: null, cpuSeconds: null, steps: opts.steps, note: np.error });
    else {
      numpyPer1000 = (np.seconds * 1000) / opts.steps;
      add({ name: "numpy", seconds: np.seconds, cpuSeconds: np.cpuSeconds, steps: opts.steps, note: `float64, ${np.note}` });
    }
  }

  let tfjsWasmPer1000: number | null = null;
  if (opts.tfjs) {
    for (const backend of ["wasm", "cpu"] as const) {
      try {
        const r = await benchTfjs(backend, opts.tfjsSteps, { batch: N, dims: DIMS }, SEED);
        if (backend === "wasm") tfjsWasmPer1000 = (r.seconds * 1000) / r.steps;
        add({ name: `tfjs-${backend}`, seconds: r.seconds, cpuSeconds: r.cpuSeconds, steps: r.steps, note: `float32, ${r.description}` });
      } catch (err) {
        add({ name: `tfjs-${backend}`, seconds: null, cpuSeconds: null, steps: opts.tfjsSteps, note: `failed: ${(err as Error).message}` });
      }
    }
  }

  printTable(rows, numpyPer1000);
  const enginePer1000 = (fast.seconds * 1000) / opts.steps;
  console.log("");
  console.log(`engine vs numpy: ${numpyPer1000 === null ? "n/a (numpy not available)" : `${(enginePer1000 / numpyPer1000).toFixed(2)}x`}`);
  console.log(`engine vs tfjs-wasm: ${tfjsWasmPer1000 === null ? "n/a" : `${(enginePer1000 / tfjsWasmPer1000).toFixed(2)}x (tfjs-wasm takes ${(tfjsWasmPer1000 / enginePer1000).toFixed(1)}x the engine's time)`}`);
  const peak = simdPeakGflops();
  if (peak !== null) {
    const g = gflops(fast.seconds, opts.steps);
    console.log(`engine fast step: ${g.toFixed(1)} GFLOP/s; measured wasm-SIMD peak ${peak.toFixed(1)} GFLOP/s per thread (register-only f64x2 mul+add), so ${(g / peak * 100).toFixed(0)}% of one thread's peak`);
  }
  kernelTable(opts.naive);
}

/** GFLOP/s of the register-only f64x2 multiply-add loop in the kernel module, best of 5 runs of ~0.1 s. */
function simdPeakGflops(): number | null {
  const L = loadedWasmKernel();
  if (L === null) return null;
  const iters = 2_000_000;
  let best = Infinity;
  for (let r = 0; r < 5; r++) {
    const start = process.hrtime.bigint();
    L.kernel.simdPeak(iters, 0.5);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return (48 * iters) / best / 1e9;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

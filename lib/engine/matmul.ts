// The matmul the course uses: C = op(A) · op(B), with op(X) = X or Xᵀ read in place.
// Three kernels compute the same sums, in different orders (results agree to rounding; see
// test/engine/matmul.test.ts; their measured speeds are in README.md, "Performance"):
//   "naive" matmul_naive.ts       the readable triple loop
//   "tiled" matmul_tiled.ts       cache-blocked 4×4 register tiles in JavaScript
//   "wasm"  matmul_wasm.ts        WebAssembly SIMD (f64x2), built from matmul_wasm_kernel.as.ts; big products split
//                                 over helper threads (setMatmulThreads)
// "auto" (the default) takes wasm when it loaded and the product is big enough to repay copying the
// operands into WebAssembly memory (and small enough to fit there), else tiled. To compare, force one: setMatmulKernel("naive").

import { Matrix } from "./matrix";
import { MatmulOptions, checkOutput, matmulDims } from "./matmul_shape";
import { matmulNaive } from "./matmul_naive";
import { matmulTiledKernel } from "./matmul_tiled";
import { matmulWasmKernel, wasmMatmulAvailable, wasmMatmulStatus, wasmProductFits } from "./matmul_wasm";
import { expectMatrix, expectPositiveInteger } from "./checks";

export type { MatmulOptions } from "./matmul_shape";

export type MatmulKernelName = "naive" | "tiled" | "wasm" | "auto";
const KERNEL_NAMES: readonly MatmulKernelName[] = ["naive", "tiled", "wasm", "auto"];

// Below this many multiply-adds (m·k·n) auto uses the tiled JS kernel: copying into wasm memory and
// the call itself cost more than SIMD saves (measured with scripts/bench.ts).
const WASM_MIN_MACS = 4096;

let chosen: MatmulKernelName = "auto";

/**
 * Chooses the kernel every later matmul/matmulInto call uses, e.g. setMatmulKernel("naive") to time the
 * readable loop. "wasm" throws if the WebAssembly kernel is not available (it is built by `npm run build`).
 */
export function setMatmulKernel(name: MatmulKernelName): void {
  if (!KERNEL_NAMES.includes(name)) {
    throw new Error(`setMatmulKernel: expected one of ${KERNEL_NAMES.map((k) => `"${k}"`).join(", ")}, got ${JSON.stringify(name)}`);
  }
  if (name === "wasm" && !wasmMatmulAvailable()) throw new Error(`setMatmulKernel("wasm"): ${wasmMatmulStatus()}`);
  chosen = name;
}

/** The setting made by setMatmulKernel ("auto" unless changed). */
export function getMatmulKernel(): MatmulKernelName {
  return chosen;
}

/** The kernel that a product op(A)(m,k) · op(B)(k,n) runs on under the current setting. */
export function matmulKernelFor(m: number, k: number, n: number): Exclude<MatmulKernelName, "auto"> {
  expectPositiveInteger("matmulKernelFor", "m", m);
  expectPositiveInteger("matmulKernelFor", "k", k);
  expectPositiveInteger("matmulKernelFor", "n", n);
  return kernelFor(m, k, n);
}

// Unchecked, for matmul and matmulInto: their shapes come from Matrix objects, always positive integers.
function kernelFor(m: number, k: number, n: number): Exclude<MatmulKernelName, "auto"> {
  if (chosen !== "auto") return chosen;
  // Operands too big for wasm memory (over 1 GiB with C) stay in JavaScript: tiled needs no copies.
  return m * k * n >= WASM_MIN_MACS && wasmProductFits(m, k, n) ? "wasm" : "tiled";
}

// C(m,n) = op(A)(m,k) · op(B)(k,n)
export function matmul(a: Matrix, b: Matrix, options: MatmulOptions = {}): Matrix {
  const { transA = false, transB = false } = options;
  const [m, k, n] = matmulDims("matmul", a, b, transA, transB);
  const c = new Matrix(m, n);
  run(c, a, b, transA, transB, kernelFor(m, k, n));
  return c;
}

/** Writes op(A) · op(B) into out, overwriting it. */
export function matmulInto(out: Matrix, a: Matrix, b: Matrix, options: MatmulOptions = {}): Matrix {
  expectMatrix("matmulInto", "out", out);
  const { transA = false, transB = false } = options;
  const [m, k, n] = matmulDims("matmulInto", a, b, transA, transB);
  checkOutput("matmulInto", out, m, n, a, b);
  run(out, a, b, transA, transB, kernelFor(m, k, n));
  return out;
}

// Every kernel overwrites all of C.
function run(c: Matrix, a: Matrix, b: Matrix, transA: boolean, transB: boolean, kernel: string): void {
  if (kernel === "wasm") matmulWasmKernel(c, a, b, transA, transB);
  else if (kernel === "tiled") matmulTiledKernel(c, a, b, transA, transB);
  else c.data.set(matmulNaive(a, b, { transA, transB }).data);
}

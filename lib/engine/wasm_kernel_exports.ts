// The functions build/lib/engine/matmul_wasm_kernel.wasm exports (source: matmul_wasm_kernel.as.ts).
// Pointers are byte offsets into the kernel's memory; booleans are passed as 0/1.

export interface KernelExports {
  matmul(
    m: number, k: number, n: number, a: number, transA: number, b: number, transB: number, c: number,
    i0: number, i1: number, j0: number, j1: number, work: number,
  ): void;
  workBytes(): number;
  heapBase(): number;
  reluForward(h: number, out: number, len: number): void;
  reluBackwardInPlace(d: number, h: number, len: number): void;
  sumOfSquaresLossAndGrad(yPred: number, y: number, d: number, len: number): number;
  addScaledInPlace(w: number, alpha: number, g: number, len: number): void;
  simdPeak(iters: number, seed: number): number;
}

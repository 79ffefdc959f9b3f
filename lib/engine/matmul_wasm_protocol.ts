// What matmul_wasm.ts (the main thread) and matmul_worker.ts (each helper thread) both know:
// the kernel's exports and the layout of a helper's control block.

export interface KernelExports {
  matmul(
    m: number, k: number, n: number, a: number, transA: number, b: number, transB: number, c: number,
    i0: number, i1: number, j0: number, j1: number, work: number,
  ): void;
  workBytes(): number;
  heapBase(): number;
}

// Layout of one helper's control block: Int32 slots in shared memory.
export const CTRL = { job: 0, done: 1, ready: 2, failed: 3, args: 4, nArgs: 13, size: 32 } as const;

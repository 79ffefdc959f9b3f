// Matrices that live in the WebAssembly kernel's memory, so the kernel reads and writes them in place
// (matmulWasmAt) without the copies matmul() makes. Used by lib/train/fast_three_layer_step.ts.
//
// Blocks are taken from the bottom of the kernel's data area, stack-wise: reserve moves the start of the
// per-call staging space (matmul_wasm.ts) up, release moves it back down. The memory is shared, so it never
// detaches when it grows: a block's Float64Array view stays valid for the block's life.

import { Matrix } from "./matrix";
import { align, ensureBytes, loadedWasmKernel } from "./matmul_wasm";
import { KernelExports } from "./matmul_wasm_protocol";

export interface WasmBlock {
  /** Byte offset in wasm memory, for the kernel's functions. */
  readonly offset: number;
  /** The block as a matrix whose data is a view on wasm memory. */
  readonly matrix: Matrix;
}

/** A group of blocks reserved together and released together (e.g. one trainer's weights and buffers). */
export class WasmHeap {
  readonly kernel: KernelExports;
  private readonly start: number;
  private readonly blocks: WasmBlock[] = [];
  private released = false;

  constructor() {
    const L = loadedWasmKernel();
    if (L === null) throw new Error("WasmHeap: the WebAssembly kernel is not available");
    this.kernel = L.kernel;
    this.start = L.dataStart;
  }

  /** A rows × cols matrix in wasm memory, filled from `from` if given (else zeros, or what was there: do not rely on it). */
  matrix(rows: number, cols: number, from?: Matrix): WasmBlock {
    const L = loadedWasmKernel()!;
    if (this.released) throw new Error("WasmHeap: already released");
    if (L.dataStart !== this.end()) throw new Error("WasmHeap: another heap reserved memory after this one; release in reverse order");
    const offset = L.dataStart;
    const end = align(offset + rows * cols * 8);
    ensureBytes(L.memory, end);
    L.dataStart = end;
    const block: WasmBlock = { offset, matrix: new Matrix(rows, cols, new Float64Array(L.memory.buffer, offset, rows * cols)) };
    if (from) block.matrix.data.set(from.data);
    this.blocks.push(block);
    return block;
  }

  /** Gives the blocks back; their views must not be used afterwards. */
  release(): void {
    const L = loadedWasmKernel()!;
    if (this.released) return;
    if (L.dataStart !== this.end()) throw new Error("WasmHeap: release in reverse order of reservation");
    L.dataStart = this.start;
    this.released = true;
  }

  private end(): number {
    const last = this.blocks[this.blocks.length - 1];
    return last === undefined ? this.start : align(last.offset + last.matrix.data.length * 8);
  }
}

// Runs matmul in the WebAssembly SIMD kernel compiled from matmul_wasm_kernel.as.ts.
// Loading is synchronous (a file read and new WebAssembly.Module), so matmul stays a plain function.
// When the .wasm file is missing (e.g. lib run from source without `npm run build`) or the runtime has
// no SIMD, wasmMatmulStatus() says why and matmul.ts uses the tiled JavaScript kernel instead.
//
// WebAssembly can only read its own memory, so each call copies A and B in and C out
// (Float64Array.set, a memcpy). For the tutorial's shapes that is about a tenth of the arithmetic's time.

import * as fs from "fs";
import * as path from "path";
import { Matrix } from "./matrix";

/** File name of the compiled kernel, next to this module's .js in build/lib/engine/. */
export const WASM_KERNEL_FILE = "matmul_wasm_kernel.wasm";

// The few WebAssembly APIs used here. Node has them; tsconfig's ES2022 lib does not declare them.
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
};

interface KernelExports {
  memory: WasmMemory;
  matmul(
    m: number, k: number, n: number, a: number, transA: number, b: number, transB: number, c: number,
    i0: number, i1: number, j0: number, j1: number, work: number,
  ): void;
  workBytes(): number;
  heapBase(): number;
}

interface Loaded {
  exports: KernelExports;
  work: number; // byte offset of the packing scratch space
  dataStart: number; // operands are copied from here on
}

let loaded: Loaded | null = null;
let status: string | null = null; // null: not tried yet; "ok" or why the kernel is unavailable

/** "ok" when the WebAssembly kernel loaded, otherwise the reason it did not. Loads on first call. */
export function wasmMatmulStatus(): string {
  if (status === null) load();
  return status!;
}

export function wasmMatmulAvailable(): boolean {
  return wasmMatmulStatus() === "ok";
}

function load(): void {
  const file = path.join(__dirname, WASM_KERNEL_FILE);
  try {
    if (typeof WebAssembly !== "object") throw new Error("this runtime has no WebAssembly");
    if (!fs.existsSync(file)) throw new Error(`${file} not found (run \`npm run build\`)`);
    const module = new WebAssembly.Module(fs.readFileSync(file));
    const exports = new WebAssembly.Instance(module, {}).exports as unknown as KernelExports;
    const work = align(exports.heapBase());
    loaded = { exports, work, dataStart: align(work + exports.workBytes()) };
    status = "ok";
  } catch (e) {
    loaded = null;
    status = `WebAssembly matmul unavailable: ${(e as Error).message}`;
  }
}

function align(bytes: number): number {
  return Math.ceil(bytes / 64) * 64;
}

// C(m,n) = op(A)(m,k) · op(B)(k,n), overwriting C. Callers check shapes first (matmul_shape.ts).
export function matmulWasmKernel(c: Matrix, a: Matrix, b: Matrix, transA: boolean, transB: boolean): void {
  if (!wasmMatmulAvailable()) throw new Error(wasmMatmulStatus());
  const { exports, work, dataStart } = loaded!;
  const m = c.rows, n = c.cols, k = transA ? a.rows : a.cols;
  const aOff = dataStart;
  const bOff = align(aOff + a.data.length * 8);
  const cOff = align(bOff + b.data.length * 8);
  const end = cOff + c.data.length * 8;
  const memory = exports.memory;
  if (end > memory.buffer.byteLength) {
    memory.grow(Math.ceil((end - memory.buffer.byteLength) / 65536));
  }
  const heap = new Float64Array(memory.buffer); // a new view each call: grow() detaches the old buffer
  heap.set(a.data, aOff / 8);
  heap.set(b.data, bOff / 8);
  exports.matmul(m, k, n, aOff, transA ? 1 : 0, bOff, transB ? 1 : 0, cOff, 0, m, 0, n, work);
  c.data.set(heap.subarray(cOff / 8, cOff / 8 + m * n));
}

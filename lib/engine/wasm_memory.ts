// The kernel's WebAssembly memory: 64-byte aligned offsets, and growth up to a fixed limit. The memory never
// shrinks; later products and buffers reuse what it grew to.

/** The memory as far as we use it (tsconfig's ES2022 lib does not declare WebAssembly). */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

/** 1 GiB of 64 KiB pages: the most the shared memory may grow to (the kernel is built with this maximum). */
export const MAX_PAGES = 16384;

/** The most bytes the kernel's memory can hold. */
export const WASM_MAX_BYTES = MAX_PAGES * 65536;

export const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

export function align(bytes: number): number {
  return Math.ceil(bytes / 64) * 64;
}

/** Grows memory to hold `end` bytes, or says how much was asked and the limit before trying. */
export function ensureBytes(memory: WasmMemory, end: number, what = "WebAssembly memory"): void {
  if (end > WASM_MAX_BYTES) throw new Error(`${what}: needs ${mib(end)}, over the limit of ${mib(WASM_MAX_BYTES)}`);
  const have = memory.buffer.byteLength;
  if (end > have) memory.grow(Math.ceil((end - have) / 65536));
}

/** Where a copied product op(A)(m,k) · op(B)(k,n) = C(m,n) puts A, B and C from `dataStart` on, and where it ends. */
export function productLayout(dataStart: number, m: number, k: number, n: number): { aOff: number; bOff: number; cOff: number; end: number } {
  const aOff = dataStart;
  const bOff = align(aOff + m * k * 8);
  const cOff = align(bOff + k * n * 8);
  return { aOff, bOff, cOff, end: cOff + m * n * 8 };
}

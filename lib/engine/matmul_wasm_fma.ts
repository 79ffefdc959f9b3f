// Opt-in fused multiply-add for the wasm matmul: with COURSE_MATMUL_FMA=1 in the environment before the first
// matmul, matmul_wasm.ts loads matmul_wasm_kernel_fma.wasm, the same source built with --enable relaxed-simd
// (f64x2.relaxed_madd in the micro-kernel). Node 20's V8 has relaxed SIMD behind --experimental-wasm-relaxed-simd,
// which this sets at run time. Measured here (CPU-time rates, load ~20 on 2 cores): 128×1000×100 from 8-11 to
// 14-16 GFLOP/s per CPU-second, the register-only peak from 11-13 to 17. Products then differ from the default
// build in the last bits (one rounding instead of two), still within the kernels' shared tolerance; the readable
// and fast training steps stay bit-identical to each other because both run this same kernel.

import * as fs from "fs";
import * as path from "path";

declare const WebAssembly: { Module: new (bytes: Uint8Array) => object };

export const FMA_KERNEL_FILE = "matmul_wasm_kernel_fma.wasm";

/** The FMA build's module when asked for and it compiles, else null; status says which and why. */
export function loadFmaModule(dir: string): { module: object | null; status: string } {
  if (process.env.COURSE_MATMUL_FMA !== "1") return { module: null, status: "off (set COURSE_MATMUL_FMA=1 to try it)" };
  try {
    (require("v8") as typeof import("v8")).setFlagsFromString("--experimental-wasm-relaxed-simd");
    const module = new WebAssembly.Module(fs.readFileSync(path.join(dir, FMA_KERNEL_FILE)));
    return { module, status: "on (relaxed-SIMD fused multiply-add)" };
  } catch (e) {
    return { module: null, status: `unavailable, default build used: ${(e as Error).message}` };
  }
}

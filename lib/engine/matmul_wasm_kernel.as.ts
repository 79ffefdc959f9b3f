// AssemblyScript source of the WebAssembly SIMD matmul; `npm run build` compiles it to
// build/lib/engine/matmul_wasm_kernel.wasm (see package.json). It is not TypeScript for tsc
// (v128, load<f64>, usize are AssemblyScript built-ins), so tsconfig.json excludes *.as.ts.
//
// C = op(A) · op(B) on float64, the GotoBLAS way, simplified:
//   for each KC-slice of p and NC-slice of columns: copy ("pack") that slice of op(B) into panels of
//   4 columns, contiguous in p; for each MC-slice of rows: pack op(A) into panels of 4 rows; then a
//   4×4 micro-kernel walks one A panel and one B panel, keeping the 4×4 block of C in eight f64x2
//   registers. Packing turns both transposes into plain reads, and puts what the inner loop needs
//   side by side in cache. Panels are padded with zeros to a multiple of 4; padded rows and columns
//   land only in parts of the tile that are never written back, so 0·Inf = NaN cannot leak into C.
//
// The caller (matmul_wasm.ts) copies A and B into this module's memory and reads C back. The memory is
// imported and shared (see the build:wasm flags), so helper threads can run the same code on other bands of C.
// All pointers are byte offsets into linear memory; matrices are row-major float64.

const KC: i32 = 256; // p-slice: a 4×KC A panel (8 KiB) and a KC×4 B panel (8 KiB) sit in L1
const MC: i32 = 128; // rows per packed A block: MC×KC×8 = 256 KiB, in L2
const NC: i32 = 512; // columns per packed B block: KC×NC×8 = 1 MiB

/** Bytes of scratch space matmul() needs at `work` (packed A, packed B, one 4×4 tile). */
export function workBytes(): i32 {
  return (MC * KC + KC * NC + 16) * 8;
}

/** First free byte after the module's own data; the caller places its buffers above it. */
export function heapBase(): usize {
  return __heap_base;
}

/**
 * Writes rows [i0, i1) × columns [j0, j1) of C(m,n) = op(A)(m,k) · op(B)(k,n).
 * A is stored (transA ? k×m : m×k), B is stored (transB ? n×k : k×n). Two threads may call this
 * at once on disjoint row or column ranges, each with its own `work`.
 */
export function matmul(
  m: i32, k: i32, n: i32,
  a: usize, transA: bool, b: usize, transB: bool, c: usize,
  i0: i32, i1: i32, j0: i32, j1: i32, work: usize,
): void {
  const packedA = work;
  const packedB = work + <usize>(MC * KC * 8);
  const tile = packedB + <usize>(KC * NC * 8);
  for (let jc = j0; jc < j1; jc += NC) {
    const nc = min(NC, j1 - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = min(KC, k - pc);
      const first = pc == 0; // the first p-slice writes C, later ones add to it
      packB(b, k, n, transB, pc, kc, jc, nc, packedB);
      for (let ic = i0; ic < i1; ic += MC) {
        const mc = min(MC, i1 - ic);
        packA(a, m, k, transA, ic, mc, pc, kc, packedA);
        for (let jr = 0; jr < nc; jr += 4) {
          const pb = packedB + <usize>(jr * kc * 8);
          for (let ir = 0; ir < mc; ir += 4) {
            const pa = packedA + <usize>(ir * kc * 8);
            microKernel(kc, pa, pb, c, n, ic + ir, jc + jr, min(4, mc - ir), min(4, nc - jr), first, tile);
          }
        }
      }
    }
  }
}

// op(B)[pc..pc+kc) × [jc..jc+nc) -> panels of 4 columns: dst[(panel·kc + p)·4 + col], zero-padded.
function packB(b: usize, k: i32, n: i32, transB: bool, pc: i32, kc: i32, jc: i32, nc: i32, dst: usize): void {
  for (let jr = 0; jr < nc; jr += 4) {
    const cols = min(4, nc - jr);
    let out = dst + <usize>(jr * kc * 8);
    if (cols == 4 && transB) {
      // op(B)(·, j..j+3) are rows j..j+3 of B, each contiguous in p
      interleave4(b + (<usize>(jc + jr) * <usize>k + <usize>pc) * 8, <usize>k * 8, kc, out);
      continue;
    }
    for (let p = 0; p < kc; p++) {
      const row = pc + p;
      if (cols == 4 && !transB) {
        // op(B)(row, j..j+3) are contiguous in B
        const src = b + (<usize>row * <usize>n + <usize>(jc + jr)) * 8;
        v128.store(out, v128.load(src));
        v128.store(out, v128.load(src, 16), 16);
      } else {
        for (let q = 0; q < 4; q++) {
          const j = jc + jr + q;
          let v: f64 = 0;
          if (q < cols) v = transB ? load<f64>(b + (<usize>j * <usize>k + <usize>row) * 8) : load<f64>(b + (<usize>row * <usize>n + <usize>j) * 8);
          store<f64>(out + <usize>(q * 8), v);
        }
      }
      out += 32;
    }
  }
}

// op(A)[ic..ic+mc) × [pc..pc+kc) -> panels of 4 rows: dst[(panel·kc + p)·4 + row], zero-padded.
function packA(a: usize, m: i32, k: i32, transA: bool, ic: i32, mc: i32, pc: i32, kc: i32, dst: usize): void {
  for (let ir = 0; ir < mc; ir += 4) {
    const rows = min(4, mc - ir);
    let out = dst + <usize>(ir * kc * 8);
    if (rows == 4 && !transA) {
      // op(A)(i..i+3, ·) are rows i..i+3 of A, each contiguous in p
      interleave4(a + (<usize>(ic + ir) * <usize>k + <usize>pc) * 8, <usize>k * 8, kc, out);
      continue;
    }
    for (let p = 0; p < kc; p++) {
      const col = pc + p;
      if (rows == 4 && transA) {
        // op(A)(i..i+3, col) = A(col, i..i+3), contiguous in A
        const src = a + (<usize>col * <usize>m + <usize>(ic + ir)) * 8;
        v128.store(out, v128.load(src));
        v128.store(out, v128.load(src, 16), 16);
      } else {
        for (let q = 0; q < 4; q++) {
          const i = ic + ir + q;
          let v: f64 = 0;
          if (q < rows) v = transA ? load<f64>(a + (<usize>col * <usize>m + <usize>i) * 8) : load<f64>(a + (<usize>i * <usize>k + <usize>col) * 8);
          store<f64>(out + <usize>(q * 8), v);
        }
      }
      out += 32;
    }
  }
}

// Four lines that are each contiguous in p, `stride` bytes apart, interleaved into a panel:
// out[p·4 + r] = line r at p, for p in [0, kc). Two values of each line per load, regrouped by shuffles.
// @ts-ignore: decorator
@inline
function interleave4(src: usize, stride: usize, kc: i32, out: usize): void {
  const s1 = src + stride, s2 = s1 + stride, s3 = s2 + stride;
  let p = 0;
  for (; p + 1 < kc; p += 2) {
    const off = <usize>p * 8;
    const r0 = v128.load(src + off), r1 = v128.load(s1 + off), r2 = v128.load(s2 + off), r3 = v128.load(s3 + off);
    v128.store(out, v128.shuffle<f64>(r0, r1, 0, 2)); // lines 0,1 at p
    v128.store(out, v128.shuffle<f64>(r2, r3, 0, 2), 16); // lines 2,3 at p
    v128.store(out, v128.shuffle<f64>(r0, r1, 1, 3), 32); // lines 0,1 at p+1
    v128.store(out, v128.shuffle<f64>(r2, r3, 1, 3), 48); // lines 2,3 at p+1
    out += 64;
  }
  if (p < kc) {
    const off = <usize>p * 8;
    store<f64>(out, load<f64>(src + off));
    store<f64>(out, load<f64>(s1 + off), 8);
    store<f64>(out, load<f64>(s2 + off), 16);
    store<f64>(out, load<f64>(s3 + off), 24);
  }
}

// c + a·b per lane: two roundings (mul, then add) in the default build; one (fused) in the build made with
// --enable relaxed-simd (matmul_wasm_kernel_fma.wasm, opt-in, see matmul_wasm.ts) where the CPU has FMA.
// @ts-ignore: decorator
@inline
function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_madd(a, b, c);
  return f64x2.add(c, f64x2.mul(a, b));
}

// C[i..i+rows) × [j..j+cols) (+)= A panel · B panel, over kc values of p. Full 4×4 tiles store straight
// into C; edge tiles go through `tile` so only the valid part is written.
// @ts-ignore: decorator
@inline
function microKernel(
  kc: i32, pa: usize, pb: usize, c: usize, n: i32, i: i32, j: i32, rows: i32, cols: i32, first: bool, tile: usize,
): void {
  let c00 = f64x2.splat(0), c01 = f64x2.splat(0); // row 0: columns 0-1, 2-3
  let c10 = f64x2.splat(0), c11 = f64x2.splat(0);
  let c20 = f64x2.splat(0), c21 = f64x2.splat(0);
  let c30 = f64x2.splat(0), c31 = f64x2.splat(0);
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(pb), b1 = v128.load(pb, 16);
    let av = v128.load64_splat(pa);
    c00 = madd(av, b0, c00); c01 = madd(av, b1, c01);
    av = v128.load64_splat(pa, 8);
    c10 = madd(av, b0, c10); c11 = madd(av, b1, c11);
    av = v128.load64_splat(pa, 16);
    c20 = madd(av, b0, c20); c21 = madd(av, b1, c21);
    av = v128.load64_splat(pa, 24);
    c30 = madd(av, b0, c30); c31 = madd(av, b1, c31);
    pa += 32;
    pb += 32;
  }
  const rowBytes = <usize>n * 8;
  if (rows == 4 && cols == 4) {
    let dst = c + (<usize>i * <usize>n + <usize>j) * 8;
    if (first) {
      v128.store(dst, c00); v128.store(dst, c01, 16); dst += rowBytes;
      v128.store(dst, c10); v128.store(dst, c11, 16); dst += rowBytes;
      v128.store(dst, c20); v128.store(dst, c21, 16); dst += rowBytes;
      v128.store(dst, c30); v128.store(dst, c31, 16);
    } else {
      v128.store(dst, f64x2.add(v128.load(dst), c00)); v128.store(dst, f64x2.add(v128.load(dst, 16), c01), 16); dst += rowBytes;
      v128.store(dst, f64x2.add(v128.load(dst), c10)); v128.store(dst, f64x2.add(v128.load(dst, 16), c11), 16); dst += rowBytes;
      v128.store(dst, f64x2.add(v128.load(dst), c20)); v128.store(dst, f64x2.add(v128.load(dst, 16), c21), 16); dst += rowBytes;
      v128.store(dst, f64x2.add(v128.load(dst), c30)); v128.store(dst, f64x2.add(v128.load(dst, 16), c31), 16);
    }
    return;
  }
  v128.store(tile, c00); v128.store(tile, c01, 16);
  v128.store(tile, c10, 32); v128.store(tile, c11, 48);
  v128.store(tile, c20, 64); v128.store(tile, c21, 80);
  v128.store(tile, c30, 96); v128.store(tile, c31, 112);
  for (let r = 0; r < rows; r++) {
    for (let q = 0; q < cols; q++) {
      const dst = c + (<usize>(i + r) * <usize>n + <usize>(j + q)) * 8;
      const v = load<f64>(tile + <usize>((r * 4 + q) * 8));
      store<f64>(dst, first ? v : load<f64>(dst) + v);
    }
  }
}

// Elementwise steps of a training step, for lib/train/fast_three_layer_step.ts, on arrays of `len` float64
// already in this memory. Each does exactly the arithmetic of its JavaScript twin in lib/nn and
// lib/engine/elementwise.ts (the same IEEE operations per element, sums in the same order), so results are
// bit-identical to the readable path.

/** out[k] = h[k] > 0 ? h[k] : 0 (reluForward). */
export function reluForward(h: usize, out: usize, len: i32): void {
  for (let k = 0; k < len; k++) {
    const v = load<f64>(h + (<usize>k << 3));
    store<f64>(out + (<usize>k << 3), v > 0 ? v : 0);
  }
}

/** d[k] = h[k] > 0 ? d[k] : 0, in place (reluBackward). */
export function reluBackwardInPlace(d: usize, h: usize, len: i32): void {
  for (let k = 0; k < len; k++) {
    if (!(load<f64>(h + (<usize>k << 3)) > 0)) store<f64>(d + (<usize>k << 3), 0);
  }
}

/** d[k] = 2 (yPred[k] − y[k]); returns Σ (yPred[k] − y[k])² summed in k order (sumOfSquaresLoss and its backward). */
export function sumOfSquaresLossAndGrad(yPred: usize, y: usize, d: usize, len: i32): f64 {
  let s: f64 = 0;
  for (let k = 0; k < len; k++) {
    const diff = load<f64>(yPred + (<usize>k << 3)) - load<f64>(y + (<usize>k << 3));
    s += diff * diff;
    store<f64>(d + (<usize>k << 3), 2 * diff);
  }
  return s;
}

/** w[k] += alpha · g[k] (addScaledInPlace), two lanes at a time: the same multiply and add per element. */
export function addScaledInPlace(w: usize, alpha: f64, g: usize, len: i32): void {
  const va = f64x2.splat(alpha);
  let k = 0;
  for (; k + 1 < len; k += 2) {
    const p = w + (<usize>k << 3);
    v128.store(p, f64x2.add(v128.load(p), f64x2.mul(va, v128.load(g + (<usize>k << 3)))));
  }
  if (k < len) {
    const p = w + (<usize>k << 3);
    store<f64>(p, load<f64>(p) + alpha * load<f64>(g + (<usize>k << 3)));
  }
}

/**
 * The machine's register-only wasm-SIMD rate, for scripts/bench.ts: `iters` rounds of 12 independent
 * f64x2 multiply-then-add chains (the micro-kernel's instruction mix, no memory traffic), 48 flops a round.
 * Returns a sum of the results so the work cannot be dropped.
 */
export function simdPeak(iters: i32, seed: f64): f64 {
  const a = f64x2.splat(seed), b = f64x2.splat(1 - seed * 1e-9);
  let c0 = f64x2.splat(0), c1 = f64x2.splat(1), c2 = f64x2.splat(2), c3 = f64x2.splat(3);
  let c4 = f64x2.splat(4), c5 = f64x2.splat(5), c6 = f64x2.splat(6), c7 = f64x2.splat(7);
  let c8 = f64x2.splat(8), c9 = f64x2.splat(9), c10 = f64x2.splat(10), c11 = f64x2.splat(11);
  for (let i = 0; i < iters; i++) {
    c0 = madd(c0, b, a); c1 = madd(c1, b, a);
    c2 = madd(c2, b, a); c3 = madd(c3, b, a);
    c4 = madd(c4, b, a); c5 = madd(c5, b, a);
    c6 = madd(c6, b, a); c7 = madd(c7, b, a);
    c8 = madd(c8, b, a); c9 = madd(c9, b, a);
    c10 = madd(c10, b, a); c11 = madd(c11, b, a);
  }
  const s = f64x2.add(f64x2.add(f64x2.add(c0, c1), f64x2.add(c2, c3)), f64x2.add(f64x2.add(c4, c5), f64x2.add(c6, c7)));
  const t = f64x2.add(s, f64x2.add(f64x2.add(c8, c9), f64x2.add(c10, c11)));
  return f64x2.extract_lane(t, 0) + f64x2.extract_lane(t, 1);
}

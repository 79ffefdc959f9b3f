// Cache-blocked, register-tiled matmul in plain JavaScript: C = op(A) · op(B), every transpose case.
// Same sums as matmulNaive (matmul_naive.ts), added in another order, so results agree to rounding.
//
// Why it is faster than the triple loop:
//  - a 4×4 block of C lives in 16 local variables (registers) while p runs, so each loaded A value is
//    used 4 times and each B value 4 times instead of once;
//  - p runs in blocks of KC so the slice of B being reused stays in the L1/L2 cache.
// Transposes cost nothing: op(A)(i,p) = A[i·sAi + p·sAp], with the strides swapped when transposed.
// No zero is skipped: 0·Inf still gives NaN, as IEEE arithmetic (and numpy) do.

import { Matrix } from "./matrix";

const KC = 256; // p-block: 4 rows of op(A) and KC×NC of op(B) fit in L2
const NC = 512; // j-block

// C(m,n) = op(A)(m,k) · op(B)(k,n), overwriting C.
export function matmulTiledKernel(c: Matrix, a: Matrix, b: Matrix, transA: boolean, transB: boolean): void {
  const m = c.rows, n = c.cols, k = transA ? a.rows : a.cols;
  const sAi = transA ? 1 : a.cols, sAp = transA ? a.cols : 1; // op(A)(i,p) = A[i*sAi + p*sAp]
  const sBp = transB ? 1 : b.cols, sBj = transB ? b.cols : 1; // op(B)(p,j) = B[p*sBp + j*sBj]
  const A = a.data, B = b.data, C = c.data;
  for (let j0 = 0; j0 < n; j0 += NC) {
    const j1 = Math.min(n, j0 + NC);
    for (let p0 = 0; p0 < k; p0 += KC) {
      const p1 = Math.min(k, p0 + KC);
      const first = p0 === 0; // the first p-block writes C, later ones add to it
      block(A, B, C, m, n, j0, j1, p0, p1, sAi, sAp, sBp, sBj, first);
    }
  }
}

// One (all i) × [j0,j1) × [p0,p1) block: 4×4 tiles, then the ragged right and bottom edges one element at a time.
function block(
  A: Float64Array, B: Float64Array, C: Float64Array, m: number, n: number,
  j0: number, j1: number, p0: number, p1: number,
  sAi: number, sAp: number, sBp: number, sBj: number, first: boolean,
): void {
  const m4 = m - (m % 4), jEnd4 = j0 + ((j1 - j0) - ((j1 - j0) % 4));
  for (let i = 0; i < m4; i += 4) {
    const c0 = i * n, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
    for (let j = j0; j < jEnd4; j += 4) {
      let x00 = 0, x01 = 0, x02 = 0, x03 = 0;
      let x10 = 0, x11 = 0, x12 = 0, x13 = 0;
      let x20 = 0, x21 = 0, x22 = 0, x23 = 0;
      let x30 = 0, x31 = 0, x32 = 0, x33 = 0;
      if (!first) {
        x00 = C[c0 + j]; x01 = C[c0 + j + 1]; x02 = C[c0 + j + 2]; x03 = C[c0 + j + 3];
        x10 = C[c1 + j]; x11 = C[c1 + j + 1]; x12 = C[c1 + j + 2]; x13 = C[c1 + j + 3];
        x20 = C[c2 + j]; x21 = C[c2 + j + 1]; x22 = C[c2 + j + 2]; x23 = C[c2 + j + 3];
        x30 = C[c3 + j]; x31 = C[c3 + j + 1]; x32 = C[c3 + j + 2]; x33 = C[c3 + j + 3];
      }
      let pa = i * sAi + p0 * sAp; // op(A)(i, p)
      let pb = p0 * sBp + j * sBj; // op(B)(p, j)
      for (let p = p0; p < p1; p++) {
        const a0 = A[pa], a1 = A[pa + sAi], a2 = A[pa + 2 * sAi], a3 = A[pa + 3 * sAi];
        const b0 = B[pb], b1 = B[pb + sBj], b2 = B[pb + 2 * sBj], b3 = B[pb + 3 * sBj];
        x00 += a0 * b0; x01 += a0 * b1; x02 += a0 * b2; x03 += a0 * b3;
        x10 += a1 * b0; x11 += a1 * b1; x12 += a1 * b2; x13 += a1 * b3;
        x20 += a2 * b0; x21 += a2 * b1; x22 += a2 * b2; x23 += a2 * b3;
        x30 += a3 * b0; x31 += a3 * b1; x32 += a3 * b2; x33 += a3 * b3;
        pa += sAp;
        pb += sBp;
      }
      C[c0 + j] = x00; C[c0 + j + 1] = x01; C[c0 + j + 2] = x02; C[c0 + j + 3] = x03;
      C[c1 + j] = x10; C[c1 + j + 1] = x11; C[c1 + j + 2] = x12; C[c1 + j + 3] = x13;
      C[c2 + j] = x20; C[c2 + j + 1] = x21; C[c2 + j + 2] = x22; C[c2 + j + 3] = x23;
      C[c3 + j] = x30; C[c3 + j + 1] = x31; C[c3 + j + 2] = x32; C[c3 + j + 3] = x33;
    }
  }
  // Edges: the columns right of the last full tile (all rows), then the rows below it (tiled columns only).
  for (let i = 0; i < m; i++) {
    const jStart = i < m4 ? jEnd4 : j0;
    for (let j = jStart; j < j1; j++) {
      let s = first ? 0 : C[i * n + j];
      let pa = i * sAi + p0 * sAp;
      let pb = p0 * sBp + j * sBj;
      for (let p = p0; p < p1; p++) {
        s += A[pa] * B[pb];
        pa += sAp;
        pb += sBp;
      }
      C[i * n + j] = s;
    }
  }
}

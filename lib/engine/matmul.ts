// The matmul the course uses: C = op(A) · op(B), with op(X) = X or Xᵀ read in place.
// Same results as matmulNaive up to summation order; see test/engine/matmul.test.ts.

import { Matrix } from "./matrix";
import { MatmulOptions, checkOutput, matmulDims } from "./matmul_shape";

export type { MatmulOptions } from "./matmul_shape";

// C(m,n) = op(A)(m,k) · op(B)(k,n)
export function matmul(a: Matrix, b: Matrix, options: MatmulOptions = {}): Matrix {
  const { transA = false, transB = false } = options;
  const [m, , n] = matmulDims("matmul", a, b, transA, transB);
  const c = new Matrix(m, n);
  matmulKernel(c, a, b, transA, transB);
  return c;
}

/** Writes op(A) · op(B) into out, overwriting it. */
export function matmulInto(out: Matrix, a: Matrix, b: Matrix, options: MatmulOptions = {}): Matrix {
  const { transA = false, transB = false } = options;
  const [m, , n] = matmulDims("matmulInto", a, b, transA, transB);
  checkOutput("matmulInto", out, m, n, a, b);
  out.data.fill(0);
  matmulKernel(out, a, b, transA, transB);
  return out;
}

// Accumulates op(A)·op(B) into a zeroed C. Loop order i-p-j keeps the inner loop on contiguous rows.
function matmulKernel(c: Matrix, a: Matrix, b: Matrix, transA: boolean, transB: boolean): void {
  const [m, k, n] = [c.rows, transA ? a.rows : a.cols, c.cols];
  const A = a.data, B = b.data, C = c.data;
  const lda = a.cols, ldb = b.cols;
  for (let i = 0; i < m; i++) {
    const ci = i * n;
    for (let p = 0; p < k; p++) {
      const aip = transA ? A[p * lda + i] : A[i * lda + p];
      if (!transB) {
        const bp = p * ldb;
        for (let j = 0; j < n; j++) C[ci + j] += aip * B[bp + j];
      } else {
        for (let j = 0; j < n; j++) C[ci + j] += aip * B[j * ldb + p];
      }
    }
  }
}

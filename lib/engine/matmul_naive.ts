// The readable reference matmul: a plain triple loop, one dot product per output element.
// Slow on purpose. The tests use it as the oracle for the fast kernels, matmul_tiled.ts and matmul_wasm.ts
// (matmul.ts chooses among the three).

import { Matrix } from "./matrix";
import { MatmulOptions, matmulDims } from "./matmul_shape";

// C(m,n) = op(A)(m,k) · op(B)(k,n), where op(X) is X or Xᵀ.
export function matmulNaive(a: Matrix, b: Matrix, options: MatmulOptions = {}): Matrix {
  const { transA = false, transB = false } = options;
  const [m, k, n] = matmulDims("matmulNaive", a, b, transA, transB);
  const c = new Matrix(m, n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) {
        const aip = transA ? a.get(p, i) : a.get(i, p);
        const bpj = transB ? b.get(j, p) : b.get(p, j);
        sum += aip * bpj;
      }
      c.set(i, j, sum);
    }
  }
  return c;
}

// Aᵀ as a new matrix. matmul reads transposed operands in place, so this is for display and tests.

import { Matrix } from "./matrix";
import { expectMatrix } from "./checks";

// out(cols,rows) from a(rows,cols)
export function transpose(a: Matrix): Matrix {
  expectMatrix("transpose", "a", a);
  const out = new Matrix(a.cols, a.rows);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) out.data[j * a.rows + i] = a.data[i * a.cols + j];
  }
  return out;
}

// Gathers rows of a matrix by index: how a minibatch or a data split is cut out of the full data.

import { Matrix, shapeString } from "./matrix";
import { expectArrayLike, expectMatrix } from "./checks";

// m is (N, D), indices has length B  ->  out is (B, D) with out[i] = m[indices[i]]
export function selectRows(m: Matrix, indices: ArrayLike<number>): Matrix {
  expectMatrix("selectRows", "m", m);
  expectArrayLike("selectRows", "indices", indices);
  if (indices.length === 0) throw new Error(`selectRows: expected at least one row index for a ${shapeString(m)} matrix, got none`);
  const out = new Matrix(indices.length, m.cols);
  for (let i = 0; i < indices.length; i++) {
    const r = indices[i];
    if (!Number.isInteger(r) || r < 0 || r >= m.rows) {
      throw new Error(`selectRows: row index ${r} (position ${i}) outside 0..${m.rows - 1} of a ${shapeString(m)} matrix`);
    }
    out.data.set(m.data.subarray(r * m.cols, (r + 1) * m.cols), i * m.cols);
  }
  return out;
}

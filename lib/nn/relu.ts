// ReLU: max(h, 0). Its derivative is 1 where h > 0 and 0 elsewhere (we take 0 at h = 0).

import { Matrix, assertSameShape } from "../engine/matrix";

// h is (N, D)  ->  out is (N, D)
export function reluForward(h: Matrix): Matrix {
  const out = new Matrix(h.rows, h.cols);
  for (let k = 0; k < h.data.length; k++) out.data[k] = h.data[k] > 0 ? h.data[k] : 0;
  return out;
}

// dout is (N, D), h is the forward input (N, D)  ->  dh is (N, D) = dout ⊙ [h > 0]
export function reluBackward(dout: Matrix, h: Matrix): Matrix {
  assertSameShape("reluBackward", dout, h);
  const dh = new Matrix(h.rows, h.cols);
  for (let k = 0; k < h.data.length; k++) dh.data[k] = h.data[k] > 0 ? dout.data[k] : 0;
  return dh;
}

/**
 * Fraction of units (columns) that output zero for every sample in the batch.
 * Such a unit passes no gradient back, so its incoming weights stop changing.
 */
export function deadUnitFraction(activations: Matrix): number {
  let dead = 0;
  for (let j = 0; j < activations.cols; j++) {
    let alive = false;
    for (let i = 0; i < activations.rows && !alive; i++) alive = activations.data[i * activations.cols + j] > 0;
    if (!alive) dead++;
  }
  return dead / activations.cols;
}

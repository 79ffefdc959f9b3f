// ReLU: max(h, 0). Its derivative is 1 where h > 0 and 0 elsewhere (we take 0 at h = 0).
// NaN stays NaN, as with numpy's np.maximum(h, 0): a diverged value must not turn into a plausible 0.

import { Matrix, assertSameShape } from "../engine/matrix";
import { expectMatrix } from "../engine/checks";

// h is (N, D)  ->  out is (N, D)
export function reluForward(h: Matrix): Matrix {
  expectMatrix("reluForward", "h", h);
  const out = new Matrix(h.rows, h.cols);
  const hd = h.data, od = out.data;
  for (let k = 0; k < hd.length; k++) od[k] = hd[k] <= 0 ? 0 : hd[k]; // NaN <= 0 is false: NaN passes
  return out;
}

// dout is (N, D), h is the forward input (N, D)  ->  dh is (N, D) = dout ⊙ [h > 0], NaN where h is NaN
export function reluBackward(dout: Matrix, h: Matrix): Matrix {
  assertSameShape("reluBackward", dout, h);
  const dh = new Matrix(h.rows, h.cols);
  const hd = h.data, dd = dout.data, out = dh.data;
  for (let k = 0; k < hd.length; k++) out[k] = hd[k] > 0 ? dd[k] : hd[k] <= 0 ? 0 : NaN;
  return dh;
}

/**
 * Fraction of units (columns) that output zero for every sample in the batch.
 * Such a unit passes no gradient back, so its incoming weights stop changing. A NaN is not zero: it keeps a unit "alive".
 */
export function deadUnitFraction(activations: Matrix): number {
  expectMatrix("deadUnitFraction", "activations", activations);
  let dead = 0;
  for (let j = 0; j < activations.cols; j++) {
    let alive = false;
    for (let i = 0; i < activations.rows && !alive; i++) alive = !(activations.data[i * activations.cols + j] <= 0);
    if (!alive) dead++;
  }
  return dead / activations.cols;
}

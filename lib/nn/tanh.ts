// tanh: squashes h into (−1, 1). Its derivative is 1 − tanh(h)², which we read off the forward output,
// so a unit near ±1 (saturated) passes almost no gradient back.

import { Matrix, assertSameShape } from "../engine/matrix";
import { expectFiniteNumber, expectMatrix } from "../engine/checks";

// h is (N, D)  ->  out is (N, D) = tanh(h)
export function tanhForward(h: Matrix): Matrix {
  expectMatrix("tanhForward", "h", h);
  const out = new Matrix(h.rows, h.cols);
  for (let k = 0; k < h.data.length; k++) out.data[k] = Math.tanh(h.data[k]);
  return out;
}

// dout is (N, D), out = tanh(h) is the forward output (N, D)  ->  dh is (N, D) = dout ⊙ (1 − out²)
export function tanhBackward(dout: Matrix, out: Matrix): Matrix {
  assertSameShape("tanhBackward", dout, out);
  const dh = new Matrix(out.rows, out.cols);
  for (let k = 0; k < out.data.length; k++) dh.data[k] = dout.data[k] * (1 - out.data[k] * out.data[k]);
  return dh;
}

/** |tanh| above this counts as saturated: the local slope 1 − a² is then below 0.06. */
export const TANH_SATURATION = 0.97;

/** Fraction of all values (every sample, every unit) with |a| > TANH_SATURATION. */
export function tanhSaturatedFraction(out: Matrix, threshold = TANH_SATURATION): number {
  expectMatrix("tanhSaturatedFraction", "out", out);
  expectFiniteNumber("tanhSaturatedFraction", "threshold", threshold);
  let n = 0;
  for (let k = 0; k < out.data.length; k++) if (Math.abs(out.data[k]) > threshold) n++;
  return n / out.data.length;
}

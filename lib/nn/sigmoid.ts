// The logistic sigmoid: σ(h) = 1 / (1 + e^(−h)), squashing h into (0, 1).
// Its derivative is σ(h)(1 − σ(h)), at most 1/4 (at h = 0), read off the forward output.

import { Matrix, assertSameShape } from "../engine/matrix";
import { expectFiniteNumber, expectMatrix } from "../engine/checks";

// h is (N, D)  ->  out is (N, D) = σ(h)
export function sigmoidForward(h: Matrix): Matrix {
  expectMatrix("sigmoidForward", "h", h);
  const out = new Matrix(h.rows, h.cols);
  for (let k = 0; k < h.data.length; k++) {
    const v = h.data[k];
    // Two algebraically equal forms, each chosen so that e^(…) cannot overflow.
    if (v >= 0) {
      out.data[k] = 1 / (1 + Math.exp(-v));
    } else {
      const e = Math.exp(v);
      out.data[k] = e / (1 + e);
    }
  }
  return out;
}

// dout is (N, D), out = σ(h) is the forward output (N, D)  ->  dh is (N, D) = dout ⊙ out ⊙ (1 − out)
export function sigmoidBackward(dout: Matrix, out: Matrix): Matrix {
  assertSameShape("sigmoidBackward", dout, out);
  const dh = new Matrix(out.rows, out.cols);
  for (let k = 0; k < out.data.length; k++) dh.data[k] = dout.data[k] * out.data[k] * (1 - out.data[k]);
  return dh;
}

/** σ below this or above 1 minus it counts as saturated: the local slope σ(1 − σ) is then below 0.03. */
export const SIGMOID_SATURATION = 0.03;

/** Fraction of all values (every sample, every unit) with σ < 0.03 or σ > 0.97. */
export function sigmoidSaturatedFraction(out: Matrix, margin = SIGMOID_SATURATION): number {
  expectMatrix("sigmoidSaturatedFraction", "out", out);
  expectFiniteNumber("sigmoidSaturatedFraction", "margin", margin);
  let n = 0;
  for (let k = 0; k < out.data.length; k++) if (out.data[k] < margin || out.data[k] > 1 - margin) n++;
  return n / out.data.length;
}

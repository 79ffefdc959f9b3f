// Leaky ReLU: h where h > 0, slope·h elsewhere (Maas et al. 2013; PReLU, He et al. 2015, learns the slope).
// Its derivative is 1 where h > 0 and the slope elsewhere (we take the slope at h = 0). Keeping a small slope
// on the negative side means no unit can die completely, and it changes the variance gain: E[f(z)²] = (1 + a²)/2 · E[z²]
// for a symmetric z, so the weights need Var(W) = 2 / ((1 + a²) · fan_in).

import { Matrix, assertSameShape } from "../engine/matrix";
import { expectMatrix } from "../engine/checks";

/** PyTorch's default negative slope; tfjs's tf.leakyRelu defaults to 0.2 and tf.layers.leakyReLU to 0.3. */
export const LEAKY_RELU_SLOPE = 0.01;

// h is (N, D)  ->  out is (N, D)
export function leakyReluForward(h: Matrix, slope: number = LEAKY_RELU_SLOPE): Matrix {
  checkSlope("leakyReluForward", slope);
  expectMatrix("leakyReluForward", "h", h);
  const out = new Matrix(h.rows, h.cols);
  for (let k = 0; k < h.data.length; k++) out.data[k] = h.data[k] > 0 ? h.data[k] : slope * h.data[k];
  return out;
}

// dout is (N, D), h is the forward input (N, D)  ->  dh is (N, D) = dout ⊙ (1 where h > 0, slope elsewhere), NaN where h is NaN
export function leakyReluBackward(dout: Matrix, h: Matrix, slope: number = LEAKY_RELU_SLOPE): Matrix {
  checkSlope("leakyReluBackward", slope);
  assertSameShape("leakyReluBackward", dout, h);
  const dh = new Matrix(h.rows, h.cols);
  for (let k = 0; k < h.data.length; k++) dh.data[k] = h.data[k] > 0 ? dout.data[k] : h.data[k] <= 0 ? slope * dout.data[k] : NaN;
  return dh;
}

/** The gain that keeps the variance through a leaky ReLU layer: √(2 / (1 + a²)); a = 0 is He's √2, a = 1 the identity's 1. */
export function leakyReluGain(slope: number): number {
  checkSlope("leakyReluGain", slope);
  return Math.sqrt(2 / (1 + slope * slope));
}

function checkSlope(what: string, slope: number): void {
  if (typeof slope !== "number" || !Number.isFinite(slope) || slope < 0 || slope > 1) {
    throw new Error(`${what}: expected a negative-side slope in [0, 1], got ${String(slope)}`);
  }
}

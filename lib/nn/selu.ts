// SELU (Klambauer et al. 2017): λ·h for h > 0, λ·α·(eᴴ − 1) otherwise, with α and λ chosen so that a standard normal
// input comes out with mean 0 and variance 1. With LeCun-normal weights (Var(W) = 1/fan_in) every layer then maps
// mean 0 / variance 1 onto itself: the network keeps its own scale, which is why SELU's gain is 1.

import { Matrix, assertSameShape } from "../engine/matrix";
import { expectMatrix } from "../engine/checks";

/** The constants of the paper, to the digits PyTorch and TensorFlow use. */
export const SELU_ALPHA = 1.6732632423543772;
export const SELU_LAMBDA = 1.0507009873554805;

// h is (N, D)  ->  out is (N, D)
export function seluForward(h: Matrix): Matrix {
  expectMatrix("seluForward", "h", h);
  const out = new Matrix(h.rows, h.cols);
  for (let k = 0; k < h.data.length; k++) {
    const v = h.data[k];
    out.data[k] = v > 0 ? SELU_LAMBDA * v : SELU_LAMBDA * SELU_ALPHA * Math.expm1(v);
  }
  return out;
}

// dout is (N, D), h is the forward input (N, D)  ->  dh is (N, D) = dout ⊙ (λ where h > 0, λ·α·eʰ elsewhere)
export function seluBackward(dout: Matrix, h: Matrix): Matrix {
  assertSameShape("seluBackward", dout, h);
  const dh = new Matrix(h.rows, h.cols);
  for (let k = 0; k < h.data.length; k++) {
    const v = h.data[k];
    dh.data[k] = dout.data[k] * (v > 0 ? SELU_LAMBDA : SELU_LAMBDA * SELU_ALPHA * Math.exp(v));
  }
  return dh;
}

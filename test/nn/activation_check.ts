// Test helper: checks an activation's backward against central finite differences of L(h) = Σ g ⊙ act(h),
// whose exact gradient is backward(g, h, act(h)).

import { Matrix } from "../../lib/engine/matrix";
import { Rng } from "../../lib/engine/random";
import { relativeError } from "../../lib/train/gradient_check";

export function elementwiseGradientError(
  forward: (h: Matrix) => Matrix,
  backward: (dout: Matrix, h: Matrix, a: Matrix) => Matrix,
  rng: Rng,
  shape: [number, number] = [4, 5],
): number {
  const h = rng.randn(shape[0], shape[1], 1.5);
  const g = rng.randn(shape[0], shape[1]);
  const analytic = backward(g, h, forward(h));
  const lossAt = (m: Matrix): number => {
    const a = forward(m);
    let s = 0;
    for (let k = 0; k < a.data.length; k++) s += g.data[k] * a.data[k];
    return s;
  };
  const eps = 1e-6;
  let worst = 0;
  for (let k = 0; k < h.data.length; k++) {
    const saved = h.data[k];
    h.data[k] = saved + eps;
    const plus = lossAt(h);
    h.data[k] = saved - eps;
    const minus = lossAt(h);
    h.data[k] = saved;
    worst = Math.max(worst, relativeError(analytic.data[k], (plus - minus) / (2 * eps)));
  }
  return worst;
}

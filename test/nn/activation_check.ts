// Test helper: checks an activation's backward against central finite differences of L(h) = Σ g ⊙ act(h),
// whose exact gradient is backward(g, h, act(h)).

import { Matrix } from "../../lib/engine/matrix";
import { Rng } from "../../lib/engine/random";
import { allEntries, maxCentralDifferenceError } from "../../lib/train/gradient_check";

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
  return maxCentralDifferenceError(h, allEntries(h.size), () => lossAt(h), analytic, 1e-6);
}

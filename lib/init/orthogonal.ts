// Orthogonal initialization (Saxe, McClelland & Ganguli 2014): W is gain × a random matrix with orthonormal columns
// (fan_in ≥ fan_out) or rows (fan_in < fan_out). Every singular value of W is then exactly `gain`, so a linear layer
// keeps the length of every input (gain 1), not just its average square as a Gaussian of variance 1/fan_in does.
//
// The draw: QR of a Gaussian matrix G = Q·R, then Q's columns multiplied by the signs of R's diagonal. Without that
// correction Q would depend on the QR algorithm's sign convention and not be uniformly (Haar) distributed.
// Var(W) = gain² / fan_in for fan_in ≥ fan_out (each column has unit length spread over fan_in entries).

import { Matrix } from "../engine/matrix";
import { Rng } from "../engine/random";
import { qr } from "../engine/qr";
import { transpose } from "../engine/transpose";
import { Initializer } from "./initializer";

export function orthogonal(gain = 1): Initializer {
  if (typeof gain !== "number" || !Number.isFinite(gain) || gain <= 0) {
    throw new Error(`orthogonal: expected a positive finite gain, got ${String(gain)}`);
  }
  return (fanIn: number, fanOut: number, rng: Rng): Matrix => {
    if (!Number.isInteger(fanIn) || !Number.isInteger(fanOut) || fanIn < 1 || fanOut < 1) {
      throw new Error(`orthogonal: expected positive integer fans (fanIn, fanOut), got (${fanIn},${fanOut})`);
    }
    if (!(rng instanceof Rng)) throw new Error(`orthogonal: expected an Rng (lib/engine/random.ts) as the third argument, got ${typeof rng}`);
    const tall = fanIn >= fanOut;
    const g = tall ? rng.randn(fanIn, fanOut) : rng.randn(fanOut, fanIn); // (m, n) with m ≥ n
    const { q, r } = qr(g);
    const n = q.cols;
    for (let j = 0; j < n; j++) {
      const s = (r.data[j * n + j] < 0 ? -1 : 1) * gain;
      for (let i = 0; i < q.rows; i++) q.data[i * n + j] *= s;
    }
    return tall ? q : transpose(q);
  };
}

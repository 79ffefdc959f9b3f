// LSUV, layer-sequential unit-variance initialization (Mishkin & Matas 2016): start from orthogonal weights, then,
// first layer first, push a batch of real inputs through and divide each layer's weights by the std of that layer's
// output (the pre-activation h = a_prev · W), until its variance on the batch is 1 within a tolerance.
// Nothing is assumed about the activation or the data: the batch measures what He's formula has to assume
// (zero-mean unit-variance inputs, ReLU's factor ½). Without biases a layer's output scales exactly with W, so one
// rescale per layer already lands on variance 1; the loop is kept, as in the paper, and counts its iterations.

import { Matrix, shapeString } from "../engine/matrix";
import { scaleInPlace } from "../engine/elementwise";
import { std } from "../engine/reductions";
import { denseForward } from "../nn/dense";
import { Mlp } from "../nn/mlp";

export interface LsuvOptions {
  /** Stop when |Var(h) − 1| is below this. Default 0.01, as in the paper. */
  tolerance?: number;
  /** Give up on a layer after this many rescales. Default 10. */
  maxIterations?: number;
}

export interface LsuvLayerRecord {
  layer: number;
  /** Var(h) on the batch with the starting weights, and after the rescales. */
  varianceBefore: number;
  varianceAfter: number;
  /** The factor W was multiplied by in total. */
  scale: number;
  /** Rescales done (0 if the layer was already within the tolerance). */
  iterations: number;
}

/** Rescales every weight matrix of `net` in place so that each layer's output has variance 1 on the batch x. */
export function lsuv(net: Mlp, x: Matrix, options: LsuvOptions = {}): LsuvLayerRecord[] {
  const { tolerance = 0.01, maxIterations = 10 } = options;
  if (!(net instanceof Mlp)) throw new Error(`lsuv: expected an Mlp, got ${net === null ? "null" : typeof net}`);
  if (!(x instanceof Matrix) || x.cols !== net.sizes[0]) {
    throw new Error(`lsuv: expected a batch x of shape (N,${net.sizes[0]}), got ${x instanceof Matrix ? shapeString(x) : typeof x}`);
  }
  if (!(tolerance > 0)) throw new Error(`lsuv: expected a positive tolerance, got ${tolerance}`);
  if (!Number.isInteger(maxIterations) || maxIterations < 1) throw new Error(`lsuv: expected maxIterations ≥ 1, got ${maxIterations}`);
  const records: LsuvLayerRecord[] = [];
  let input = x; // the finished layers' output: only layer l changes inside its loop
  for (let l = 0; l < net.depth; l++) {
    const w = net.weights[l];
    let h = denseForward(input, w);
    const varianceBefore = std(h) ** 2;
    let variance = varianceBefore;
    let scale = 1;
    let iterations = 0;
    while (Math.abs(variance - 1) >= tolerance && iterations < maxIterations) {
      if (!(variance > 0) || !Number.isFinite(variance)) {
        throw new Error(`lsuv: layer ${l + 1}'s output has variance ${variance} on the batch; cannot rescale it to 1`);
      }
      const f = 1 / Math.sqrt(variance);
      scaleInPlace(w, f);
      scale *= f;
      iterations++;
      h = denseForward(input, w);
      variance = std(h) ** 2;
    }
    records.push({ layer: l + 1, varianceBefore, varianceAfter: variance, scale, iterations });
    if (l < net.depth - 1) input = net.activation.forward(h);
  }
  return records;
}

// Mean squared error: the average over every entry of the batch, (1/(N·D)) Σ (yPred − y)².
// Unlike the tutorial's sum, it does not grow with the batch size, so one learning rate suits any batch.

import { Matrix, assertFinite, assertSameShape } from "../engine/matrix";
import { Loss } from "./loss";

// yPred, y are (N, D)  ->  loss is a scalar (1/(N·D)) Σ (yPred − y)²
export function meanSquaredLoss(yPred: Matrix, y: Matrix): number {
  assertSameShape("meanSquaredLoss", yPred, y);
  assertFinite("meanSquaredLoss: targets y", y);
  let s = 0;
  for (let k = 0; k < y.data.length; k++) {
    const d = yPred.data[k] - y.data[k];
    s += d * d;
  }
  return s / y.size;
}

// -> dyPred is (N, D) = ∂loss/∂yPred = 2 (yPred − y) / (N·D)
export function meanSquaredLossBackward(yPred: Matrix, y: Matrix): Matrix {
  assertSameShape("meanSquaredLossBackward", yPred, y);
  const d = new Matrix(y.rows, y.cols);
  const c = 2 / y.size;
  for (let k = 0; k < y.data.length; k++) d.data[k] = c * (yPred.data[k] - y.data[k]);
  return d;
}

export const meanSquared: Loss = {
  name: "mean squared",
  forward: meanSquaredLoss,
  backward: meanSquaredLossBackward,
};

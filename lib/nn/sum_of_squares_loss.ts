// The tutorial's loss: the sum (not the mean) of squared errors over the batch and outputs.

import { Matrix, assertSameShape } from "../engine/matrix";
import { Loss } from "./loss";

// yPred, y are (N, D)  ->  loss is a scalar Σ (yPred − y)²
export function sumOfSquaresLoss(yPred: Matrix, y: Matrix): number {
  assertSameShape("sumOfSquaresLoss", yPred, y);
  let s = 0;
  for (let k = 0; k < y.data.length; k++) {
    const d = yPred.data[k] - y.data[k];
    s += d * d;
  }
  return s;
}

// -> dyPred is (N, D) = ∂loss/∂yPred = 2 (yPred − y).
// (The reference tutorial drops the 2; that only rescales its learning rate, but a gradient check would catch it.)
export function sumOfSquaresLossBackward(yPred: Matrix, y: Matrix): Matrix {
  assertSameShape("sumOfSquaresLossBackward", yPred, y);
  const d = new Matrix(y.rows, y.cols);
  for (let k = 0; k < y.data.length; k++) d.data[k] = 2 * (yPred.data[k] - y.data[k]);
  return d;
}

/** The tutorial's loss Σ (yPred − y)² as a Loss (not the reduction engine/reductions sumOfSquares of one matrix). */
export const sumOfSquaredErrors: Loss = {
  name: "sum of squares",
  forward: sumOfSquaresLoss,
  backward: sumOfSquaresLossBackward,
};

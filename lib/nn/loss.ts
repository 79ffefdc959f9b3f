// A loss is a forward/backward pair over predictions and targets of the same shape.

import { Matrix } from "../engine/matrix";
import { sumOfSquaresLoss, sumOfSquaresLossBackward } from "./sum_of_squares_loss";

export interface Loss {
  name: string;
  // yPred, y are (N, D)  ->  a scalar
  forward(yPred: Matrix, y: Matrix): number;
  // -> ∂loss/∂yPred, (N, D)
  backward(yPred: Matrix, y: Matrix): Matrix;
}

/** The tutorial's loss, Σ (yPred − y)². */
export const sumOfSquares: Loss = {
  name: "sum of squares",
  forward: sumOfSquaresLoss,
  backward: sumOfSquaresLossBackward,
};

// A loss is a forward/backward pair over predictions and targets of the same shape.

import { Matrix } from "../engine/matrix";

export interface Loss {
  name: string;
  // yPred, y are (N, D)  ->  a scalar
  forward(yPred: Matrix, y: Matrix): number;
  // -> ∂loss/∂yPred, (N, D)
  backward(yPred: Matrix, y: Matrix): Matrix;
}

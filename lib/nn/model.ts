// What the training loop and the gradient check need from a network.

import { Matrix } from "../engine/matrix";
import { Activation } from "./activation";

export interface LossAndGradients {
  loss: number;
  /** ∂loss/∂param for each entry of Model.params, in the same order. */
  grads: Matrix[];
  /** Each hidden layer's output after its nonlinearity, first layer first: the raw material for statistics. */
  hidden: Matrix[];
}

export interface Model {
  /** The weight matrices, updated in place by training. */
  readonly params: Matrix[];
  /** A name per weight matrix, e.g. "w1". */
  readonly paramNames: string[];
  /** The hidden layers' nonlinearity: training loops ask it what a stalled unit is (dead ReLU, saturated tanh). */
  readonly activation: Activation;
  lossAndGradients(x: Matrix, y: Matrix): LossAndGradients;
  /** The loss alone (no backward pass), for finite differences. */
  loss(x: Matrix, y: Matrix): number;
}

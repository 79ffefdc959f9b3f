// Plain full-batch gradient descent: W ← W − lr · ∂loss/∂W, the same batch every step, as in the tutorial.
// Returns what happened as data and prints nothing; notebooks decide what to show.

import { Matrix, assertFinite } from "../engine/matrix";
import { addScaledInPlace } from "../engine/elementwise";
import { Model } from "../nn/model";
import { OnStep } from "./on_step";

export interface TrainOptions {
  learningRate: number;
  steps: number;
  onStep?: OnStep;
}

export interface TrainHistory {
  /** loss[t] is the loss at step t, measured before step t's update. */
  loss: number[];
  /**
   * stalledFraction[t][l]: hidden layer l at step t, before the update, as the model's activation counts it:
   * units zero for every sample (ReLU: dead) or values in the flat tails (tanh, sigmoid: saturated).
   */
  stalledFraction: number[][];
  /** Steps whose update was applied. */
  stepsCompleted: number;
  /** Set when the loss stopped being finite: the step whose loss was NaN or ±Infinity. Training stops there. */
  divergedAtStep: number | null;
}

export function trainGradientDescent(model: Model, x: Matrix, y: Matrix, options: TrainOptions): TrainHistory {
  const { learningRate, steps } = options;
  if (typeof learningRate !== "number" || !Number.isFinite(learningRate) || learningRate <= 0) {
    throw new Error(`trainGradientDescent: expected a positive finite learning rate, got ${learningRate}`);
  }
  if (!Number.isInteger(steps) || steps < 0) {
    throw new Error(`trainGradientDescent: expected a non-negative integer number of steps, got ${steps}`);
  }
  assertFinite("trainGradientDescent: inputs x", x);
  assertFinite("trainGradientDescent: targets y", y);

  const history: TrainHistory = { loss: [], stalledFraction: [], stepsCompleted: 0, divergedAtStep: null };
  for (let step = 0; step < steps; step++) {
    const { loss, grads, hidden } = model.lossAndGradients(x, y);
    history.loss.push(loss);
    history.stalledFraction.push(hidden.map((a) => model.activation.stalledFraction(a)));
    if (!Number.isFinite(loss)) {
      history.divergedAtStep = step;
      break;
    }
    model.params.forEach((w, i) => addScaledInPlace(w, -learningRate, grads[i]));
    history.stepsCompleted = step + 1;
    options.onStep?.(step, loss);
  }
  return history;
}

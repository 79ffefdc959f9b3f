// Plain full-batch gradient descent: W ← W − lr · ∂loss/∂W, the same batch every step, as in the tutorial.
// Returns what happened as data and prints nothing; notebooks decide what to show.

import { Matrix, assertFinite } from "../engine/matrix";
import { addScaledInPlace } from "../engine/elementwise";
import { Model } from "../nn/model";
import { deadUnitFraction } from "../nn/relu";
import { expectMatrix, expectObject } from "../engine/checks";
import { Divergence, findDivergence } from "./divergence";

export interface TrainOptions {
  learningRate: number;
  steps: number;
  /** Called at each step once the loss and gradients are known, before the update, e.g. to fill a statistics recorder. */
  onStep?: (record: StepRecord, model: Model) => void;
}

export interface StepRecord {
  step: number;
  /** Loss before this step's update. */
  loss: number;
  /** Per hidden layer: fraction of units that are zero for every sample (dead ReLUs), before the update. */
  deadFraction: number[];
}

export interface TrainHistory {
  /** loss[t] is the loss at step t, measured before step t's update. */
  loss: number[];
  /** deadFraction[t][l] for step t and hidden layer l. */
  deadFraction: number[][];
  /** Steps whose update was applied. */
  stepsCompleted: number;
  /** Set when a loss, weight, activation or gradient stopped being finite: that step. Training stops there. */
  divergedAtStep: number | null;
  /** What was non-finite first, and where (null when training never diverged). */
  divergence: Divergence | null;
}

export function trainGradientDescent(model: Model, x: Matrix, y: Matrix, options: TrainOptions): TrainHistory {
  expectObject("trainGradientDescent", "model", model);
  expectMatrix("trainGradientDescent", "inputs x", x);
  expectMatrix("trainGradientDescent", "targets y", y);
  expectObject("trainGradientDescent", "options", options);
  const { learningRate, steps } = options;
  if (typeof learningRate !== "number" || !Number.isFinite(learningRate) || learningRate <= 0) {
    throw new Error(`trainGradientDescent: expected a positive finite learning rate, got ${learningRate}`);
  }
  if (!Number.isInteger(steps) || steps < 0) {
    throw new Error(`trainGradientDescent: expected a non-negative integer number of steps, got ${steps}`);
  }
  assertFinite("trainGradientDescent: inputs x", x);
  assertFinite("trainGradientDescent: targets y", y);

  const history: TrainHistory = { loss: [], deadFraction: [], stepsCompleted: 0, divergedAtStep: null, divergence: null };
  for (let step = 0; step < steps; step++) {
    const { loss, grads, hidden } = model.lossAndGradients(x, y);
    const record: StepRecord = { step, loss, deadFraction: hidden.map(deadUnitFraction) };
    history.loss.push(loss);
    history.deadFraction.push(record.deadFraction);
    options.onStep?.(record, model);
    const divergence = findDivergence(step, { loss, params: model.params, paramNames: model.paramNames, hidden, grads });
    if (divergence) {
      history.divergedAtStep = step;
      history.divergence = divergence;
      break;
    }
    model.params.forEach((w, i) => addScaledInPlace(w, -learningRate, grads[i]));
    history.stepsCompleted = step + 1;
  }
  return history;
}

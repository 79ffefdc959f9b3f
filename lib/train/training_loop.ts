// The loop every lib trainer shares (gradient descent, minibatch SGD, Adam): measure the loss and gradients, record
// the loss and how many hidden units stalled, stop at a loss that is not finite, else update and report the step.
// The trainers differ only in what a step measures (the full batch or a minibatch) and how it updates the weights.

import { Matrix, assertFinite } from "../engine/matrix";
import { LossAndGradients, Model } from "../nn/model";

/**
 * Called after step t's update, with t and the loss measured before that update (the history's loss[t]);
 * a step whose loss is not finite ends training without a call.
 */
export type OnStep = (step: number, loss: number) => void;

export interface TrainHistory {
  /** loss[t] is the loss at step t (on that step's batch), measured before step t's update. */
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

/** Checks what every trainer takes: a positive finite learning rate, a whole number of steps, finite x and y. */
export function checkTrainingArgs(where: string, learningRate: number, steps: number, x: Matrix, y: Matrix): void {
  if (typeof learningRate !== "number" || !Number.isFinite(learningRate) || learningRate <= 0) {
    throw new Error(`${where}: expected a positive finite learning rate, got ${learningRate}`);
  }
  if (!Number.isInteger(steps) || steps < 0) {
    throw new Error(`${where}: expected a non-negative integer number of steps, got ${steps}`);
  }
  assertFinite(`${where}: inputs x`, x);
  assertFinite(`${where}: targets y`, y);
}

/** Runs `steps` steps: measure(t) gives step t's loss and gradients, update(grads) applies them to model.params. */
export function runTraining(
  model: Model,
  steps: number,
  measure: (step: number) => LossAndGradients,
  update: (grads: Matrix[]) => void,
  onStep?: OnStep,
): TrainHistory {
  const history: TrainHistory = { loss: [], stalledFraction: [], stepsCompleted: 0, divergedAtStep: null };
  for (let step = 0; step < steps; step++) {
    const { loss, grads, hidden } = measure(step);
    history.loss.push(loss);
    history.stalledFraction.push(hidden.map((a) => model.activation.stalledFraction(a)));
    if (!Number.isFinite(loss)) {
      history.divergedAtStep = step;
      break;
    }
    update(grads);
    history.stepsCompleted = step + 1;
    onStep?.(step, loss);
  }
  return history;
}

// The loop every lib trainer shares (gradient descent, minibatch SGD, Adam): measure the loss and gradients, record
// the loss and how many hidden units stalled, stop at a loss that is not finite, else update and report the step.
// The trainers differ only in what a step measures (the full batch or a minibatch) and how it updates the weights.

import { Matrix, assertFinite } from "../engine/matrix";
import { LossAndGradients, Model } from "../nn/model";
import { expectMatrix, expectObject } from "../engine/checks";
import { Divergence, findDivergence } from "./divergence";
import { reportStep } from "./step_observer";

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
  /** Set when a loss, weight, activation or gradient stopped being finite: that step. Training stops there. */
  divergedAtStep: number | null;
  /** What was non-finite first (weight, activation, loss or gradient), in which layer and where; null if never. */
  divergence: Divergence | null;
}

/** What every trainer is called with, checked before anything is read from it: a model, two Matrices, an options object. */
export function checkTrainingCall(where: string, model: Model, x: Matrix, y: Matrix, options: object): void {
  expectObject(where, "model", model);
  if (!Array.isArray(model.params)) throw new Error(`${where}: expected model to have an array of params, got ${typeof model.params}`);
  expectMatrix(where, "inputs x", x);
  expectMatrix(where, "targets y", y);
  expectObject(where, "options", options);
  const onStep = (options as { onStep?: unknown }).onStep;
  if (onStep !== undefined && typeof onStep !== "function") throw new Error(`${where}: expected onStep to be a function, got ${typeof onStep}`);
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
  const history: TrainHistory = { loss: [], stalledFraction: [], stepsCompleted: 0, divergedAtStep: null, divergence: null };
  for (let step = 0; step < steps; step++) {
    const { loss, grads, hidden } = measure(step);
    history.loss.push(loss);
    history.stalledFraction.push(hidden.map((a) => model.activation.stalledFraction(a)));
    // Weights, activations, loss, gradients: one pass over each, O(size) beside the step's O(N·size) products.
    const divergence = findDivergence(step, { loss, params: model.params, paramNames: model.paramNames, hidden, grads });
    if (divergence) {
      history.divergedAtStep = step;
      history.divergence = divergence;
      break;
    }
    update(grads);
    history.stepsCompleted = step + 1;
    onStep?.(step, loss);
    reportStep(step, steps, loss);
  }
  return history;
}

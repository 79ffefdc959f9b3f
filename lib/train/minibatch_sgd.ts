// Minibatch stochastic gradient descent: each step takes the next batchSize rows of a shuffled pass over
// the data (reshuffled every epoch from the given Rng) and moves every weight by −learningRate · gradient.
// Like trainGradientDescent it returns what happened as data and prints nothing.

import { Matrix, assertFinite } from "../engine/matrix";
import { addScaledInPlace } from "../engine/elementwise";
import { Rng } from "../engine/random";
import { selectRows } from "../engine/select_rows";
import { Model } from "../nn/model";
import { expectMatrix, expectObject } from "../engine/checks";
import { Divergence, findDivergence } from "./divergence";

export interface MinibatchOptions {
  learningRate: number;
  steps: number;
  batchSize: number;
  /** Shuffles the rows; the same seed gives the same batches. */
  rng: Rng;
  /** Called after each step's update with the step number and the batch loss before it. */
  onStep?: (step: number, loss: number, model: Model) => void;
}

export interface MinibatchHistory {
  /** loss[t] is the loss on step t's batch, before step t's update. */
  loss: number[];
  stepsCompleted: number;
  /** The step whose batch loss was NaN or ±Infinity, where training stopped; null if it never happened. */
  divergedAtStep: number | null;
  /** What was non-finite first (loss, weight, activation or gradient), and where; null if training never diverged. */
  divergence: Divergence | null;
}

export function trainMinibatchSgd(model: Model, x: Matrix, y: Matrix, options: MinibatchOptions): MinibatchHistory {
  expectObject("trainMinibatchSgd", "model", model);
  expectMatrix("trainMinibatchSgd", "inputs x", x);
  expectMatrix("trainMinibatchSgd", "targets y", y);
  expectObject("trainMinibatchSgd", "options", options);
  const { learningRate, steps, batchSize, rng } = options;
  if (typeof learningRate !== "number" || !Number.isFinite(learningRate) || learningRate <= 0) {
    throw new Error(`trainMinibatchSgd: expected a positive finite learning rate, got ${learningRate}`);
  }
  if (!Number.isInteger(steps) || steps < 0) {
    throw new Error(`trainMinibatchSgd: expected a non-negative integer number of steps, got ${steps}`);
  }
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > x.rows) {
    throw new Error(`trainMinibatchSgd: expected a batch size between 1 and the ${x.rows} rows of x, got ${batchSize}`);
  }
  if (!(rng instanceof Rng)) throw new Error(`trainMinibatchSgd: expected an Rng to shuffle with, got ${typeof rng}`);
  if (y.rows !== x.rows) throw new Error(`trainMinibatchSgd: x has ${x.rows} rows but y has ${y.rows}`);
  assertFinite("trainMinibatchSgd: inputs x", x);
  assertFinite("trainMinibatchSgd: targets y", y);

  const history: MinibatchHistory = { loss: [], stepsCompleted: 0, divergedAtStep: null, divergence: null };
  let order = rng.permutation(x.rows);
  let next = 0;
  for (let step = 0; step < steps; step++) {
    if (next + batchSize > order.length) {
      // A new epoch: the leftover rows (fewer than a batch) wait for the reshuffle.
      order = rng.permutation(x.rows);
      next = 0;
    }
    const batch = order.slice(next, next + batchSize);
    next += batchSize;
    const { loss, grads, hidden } = model.lossAndGradients(selectRows(x, batch), selectRows(y, batch));
    history.loss.push(loss);
    const divergence = findDivergence(step, { loss, params: model.params, paramNames: model.paramNames, hidden, grads });
    if (divergence) {
      history.divergedAtStep = step;
      history.divergence = divergence;
      break;
    }
    model.params.forEach((w, i) => addScaledInPlace(w, -learningRate, grads[i]));
    history.stepsCompleted = step + 1;
    options.onStep?.(step, loss, model);
  }
  return history;
}
